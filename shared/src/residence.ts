import { z } from 'zod'
import type { ErrorCode } from './errors'
import type { NEWCOMER_ERRORS } from './errors/newcomers'
import type { StoredFileView } from './grievance-api'
import { isValidIsoDate, type IsoDate } from './notice'
import { RESIDENCIES, type Residency } from './roster'
import type { VillageSettings } from './org'

/**
 * 流动人口 / 非户籍居民: people who live in the village without being registered there, and villagers
 * registered here who live elsewhere. Who of them votes follows 村民委员会组织法 Art 13:
 * "年满十八周岁的村民……有选举权和被选举权。村民委员会选举前，应当对下列人员进行登记，列入参加选举的村民
 * 名单：（一）户籍在本村并且在本村居住的村民；（二）户籍在本村，不在本村居住，本人表示参加选举的村民；
 * （三）户籍不在本村，在本村居住一年以上，本人申请参加选举，并且经村民会议或者村民代表会议同意参加选举
 * 的公民。" The article speaks of elections; whether an admitted newcomer also votes on the village's
 * other matters is the village's setting (default: no). Raising issues, reading and objecting to
 * notices, the 一征 opinions and the non-binding polls are open to everyone on the roster.
 */

/** The meetings whose vote is a legal ballot of the village's people (Art 13, 21–26, 28). */
export const VOTING_ASSEMBLIES = [
  'villagers_meeting',
  'villager_group_meeting',
  'representatives_meeting',
] as const
export type VotingAssembly = (typeof VOTING_ASSEMBLIES)[number]
export const isVotingAssembly = (body: string): body is VotingAssembly =>
  (VOTING_ASSEMBLIES as readonly string[]).includes(body)

/** An election (Art 13 applies as written) or any other matter the meeting decides (the village's setting). */
export type VoteMatter = 'election' | 'other'

/** What a person's vote depends on besides age and office. */
export interface VoterStanding {
  residency: Residency
  /** 户籍外出: the day the committee recorded that the person said they will take part; null otherwise */
  takesPartOn: IsoDate | null
  /** 非户籍常住: the day the villagers' or representatives' meeting admitted them; null otherwise */
  admittedOn: IsoDate | null
}

/** The village's choice for admitted newcomers (absent: they vote in elections only). */
export interface ResidenceSettings {
  admittedVoteOnOtherMatters: boolean
}
export const residenceSettingsOf = (s: Pick<VillageSettings, 'residence'> | null): ResidenceSettings => ({
  admittedVoteOnOtherMatters: s?.residence?.admittedVoteOnOtherMatters ?? false,
})

/**
 * Whether a person (already of age, or holding the office the body is made of) is a member of this
 * assembly's legal ballot. 户籍: always. 户籍外出: once they said they will take part; in the
 * representatives' meeting they sit by their post, which is their taking part. 非户籍常住: only once
 * admitted by the villagers' or representatives' meeting, and for matters other than an election only
 * where the village says admitted people vote on them too.
 */
export function votesIn(
  body: VotingAssembly,
  matter: VoteMatter,
  s: VoterStanding,
  settings: ResidenceSettings,
): boolean {
  switch (s.residency) {
    case 'registered':
      return true
    case 'registered_away':
      return body === 'representatives_meeting' || s.takesPartOn !== null
    case 'non_registered':
      return s.admittedOn !== null && (matter === 'election' || settings.admittedVoteOnOtherMatters)
  }
}

/** The same calendar day one year earlier (29 February → 28 February). */
export function oneYearBefore(day: IsoDate): IsoDate {
  const [y, m, d] = day.split('-') as [string, string, string]
  const year = String(Number(y) - 1).padStart(4, '0')
  return m === '02' && d === '29' ? `${year}-02-28` : `${year}-${m}-${d}`
}

/**
 * Whether the committee may record a meeting's decision admitting this person (Art 13 (三)): only a
 * 非户籍常住 resident, on a real day not after today, who had lived in the village one year or more on
 * the day of the decision.
 */
export function admissionRule(a: {
  residency: Residency
  residentSince: IsoDate | null
  decidedOn: IsoDate
  today: IsoDate
}): keyof typeof NEWCOMER_ERRORS | null {
  if (a.residency !== 'non_registered') return 'NEWCOMER_ADMISSION_NOT_NEEDED'
  if (!isValidIsoDate(a.decidedOn) || a.decidedOn > a.today) return 'NEWCOMER_DATE_INVALID'
  if (a.residentSince === null || a.residentSince > oneYearBefore(a.decidedOn))
    return 'NEWCOMER_ADMISSION_TOO_SOON'
  return null
}

/** The day someone moved in: a real day, not in the future, not before 1900. */
export function movedInRule(day: IsoDate, today: IsoDate): ErrorCode | null {
  return isValidIsoDate(day) && day <= today && day >= '1900-01-01' ? null : 'NEWCOMER_DATE_INVALID'
}

// ---------- applications ----------

/** 申请登记为本村常住居民: pending until the 两委 approve (a roster row is made) or refuse it with a reason. */
export const NEWCOMER_STATES = ['pending', 'approved', 'refused'] as const
export type NewcomerState = (typeof NEWCOMER_STATES)[number]
export const NEWCOMER_STATE_LABELS: Record<NewcomerState, string> = {
  pending: '等待村委会审核',
  approved: '已登记为常住居民',
  refused: '未通过',
}
export type NewcomerEvent = 'approve' | 'refuse'

export function transitionNewcomer(
  state: NewcomerState,
  event: NewcomerEvent,
): { ok: true; next: NewcomerState } | { ok: false; code: ErrorCode } {
  if (state !== 'pending') return { ok: false, code: 'NEWCOMER_NOT_PENDING' }
  return { ok: true, next: event === 'approve' ? 'approved' : 'refused' }
}

export const NEWCOMER_MAX_PROOFS = 3
const isoDay = (what: string) =>
  z.string({ required_error: `请选择${what}` }).refine(isValidIsoDate, `请选择${what}`)

export const newcomerApplySchema = z.object({
  villageId: z.number().int().positive(),
  name: z.string().trim().min(1, '请填写姓名').max(30),
  idNumber: z.string().trim().min(15, '请填写身份证号').max(20),
  phone: z.string().trim().min(11, '请填写手机号').max(20),
  address: z.string().trim().min(1, '请填写在本村的住址').max(100, '住址最多 100 个字'),
  movedInOn: isoDay('搬来居住的日期'),
  proofFileIds: z
    .array(z.number().int().positive())
    .min(1, '请拍一张住址证明的照片（租房合同、居住证、房产证等）')
    .max(NEWCOMER_MAX_PROOFS, `住址证明最多 ${NEWCOMER_MAX_PROOFS} 张照片`),
})
export type NewcomerApply = z.infer<typeof newcomerApplySchema>

export const newcomerRefuseSchema = z.object({ reason: z.string().trim().min(1, '请填写原因').max(200) })

export const newcomerQuerySchema = z.object({ state: z.enum(NEWCOMER_STATES).optional() })

/** An application as the applicant and the 两委 see it; ID number and phone masked. */
export interface NewcomerApplicationView {
  id: number
  villageId: number
  villageName: string
  name: string
  idNumber: string
  phone: string | null
  address: string
  movedInOn: IsoDate
  proofs: Pick<StoredFileView, 'id' | 'url'>[]
  state: NewcomerState
  reason: string | null
  /** the roster row made on approval */
  residentId: number | null
  createdAt: string
  decidedAt: string | null
}

// ---------- the roster: status, declaration, admission ----------

/** The meeting whose decision admits a newcomer (Art 13 (三)). */
export const ADMITTING_BODIES = ['villagers_meeting', 'representatives_meeting'] as const
export type AdmittingBody = (typeof ADMITTING_BODIES)[number]
export const ADMITTING_BODY_LABELS: Record<AdmittingBody, string> = {
  villagers_meeting: '村民会议',
  representatives_meeting: '村民代表会议',
}

/** The committee sets where a person of the roster is registered and lives. */
export const residenceChangeSchema = z.object({
  residency: z.enum(RESIDENCIES),
  /** since when (搬来 / 外出); required for 非户籍常住, whose year of residence counts from it */
  since: isoDay('日期').nullable().default(null),
  /** a photo of the proof of address just uploaded (租房合同、居住证、房产证…) */
  proofFileId: z.number().int().positive().nullable().default(null),
})
export type ResidenceChange = z.input<typeof residenceChangeSchema>

/** 户籍外出: the committee records whether the person said they will take part. */
export const takesPartSchema = z.object({ takesPart: z.boolean() })

/** 非户籍常住: the decision of the villagers' or representatives' meeting admitting the person. */
export const admissionSchema = z.object({
  body: z.enum(ADMITTING_BODIES),
  decisionRef: z.string().trim().min(1, '请填写会议决定的文号或名称').max(60, '最多 60 个字'),
  decidedOn: isoDay('会议决定的日期'),
})
export type AdmissionRequest = z.input<typeof admissionSchema>

/** The village's choice for admitted newcomers. */
export const residenceSettingsSchema = z.object({ admittedVoteOnOtherMatters: z.boolean() })

/** A roster person's residence, as the 两委 see it on the roster. */
export interface ResidenceView {
  residency: Residency
  since: IsoDate | null
  proof: Pick<StoredFileView, 'id' | 'url'> | null
  takesPartOn: IsoDate | null
  admission: { body: AdmittingBody; decisionRef: string; decidedOn: IsoDate } | null
  /** members of the villagers' meeting's ballots: elections, other matters (under the village's setting) */
  votes: { election: boolean; other: boolean }
}

/**
 * The deliberation procedures as data. 四议两公开 (rural) and 一征三议两公开 (urban) are two presets
 * of one list of steps; each step names the body that holds it, who may record it, its quorum and
 * pass rule, its notice rule and what it leaves on the record. A village's procedure is built from
 * its settings and frozen onto each deliberation when it starts, so changing a setting never changes
 * a deliberation already under way.
 */
import { z } from 'zod'
import type { ProcedureVariant, VillageSettings } from './org'
import { PROCEDURE_VARIANT_LABELS } from './org'
import {
  AT_LEAST_TWO_THIRDS,
  JOINT_COMMITTEES_RULE,
  PARTY_BRANCH_RULE,
  PARTY_MEMBERS_MEETING_RULE,
  REPRESENTATIVES_MEETING_RULE,
  RESIDENTS_MEETING_RULE,
  RESIDENTS_REPRESENTATIVES_MEETING_RULE,
  VILLAGER_GROUP_MEETING_RULE,
  VILLAGERS_MEETING_RULE,
  type MeetingRule,
  type PassRule,
} from './quorum'
import { meetingRuleSchema, passRuleSchema, thresholdSchema } from './quorum-schemas'
import { DEFAULT_PETITION_RULES, PETITION_CRITERIA } from './petition-threshold'
import type { Role } from './roles'
import { type MeetingBody, type DeliberationBody, MATTER_TYPES, type MatterType } from './deliberation-bodies'

export * from './deliberation-bodies'

// ---------- settings ----------

/**
 * Notice before a meeting. 村民委员会组织法 Art 21: a villagers' meeting is announced 10 days ahead
 * (some provinces: with the agenda published). Party members get the plan beforehand (3 days is
 * common). The law sets no notice for the other bodies, so their default is none.
 */
export interface NoticeRule {
  /** whole calendar days (China time) from the day of notice to the day of the meeting */
  minDays: number
  agendaRequired: boolean
  planRequired: boolean
}

export const NO_NOTICE_RULE: NoticeRule = { minDays: 0, agendaRequired: false, planRequired: false }

const noticeRuleSchema = z.object({
  minDays: z.number().int().min(0).max(60),
  agendaRequired: z.boolean(),
  planRequired: z.boolean(),
})

const byMeetingBody = <T extends z.ZodTypeAny>(schema: T) =>
  z.object({
    party_branch: schema,
    joint_committees: schema,
    party_members_meeting: schema,
    villagers_meeting: schema,
    representatives_meeting: schema,
    villager_group_meeting: schema,
    residents_meeting: schema,
    residents_representatives_meeting: schema,
  })

const petitionRuleSchema = z
  .array(z.object({ criterion: z.enum(PETITION_CRITERIA), threshold: thresholdSchema }))
  .min(1, '至少要设一个联名条件')

export const procedureSettingsSchema = z.object({
  meetingRules: byMeetingBody(meetingRuleSchema),
  notices: byMeetingBody(noticeRuleSchema),
  /** a stricter pass rule the law sets for one kind of matter, used at the deciding step */
  matterPassRules: z.record(z.enum(MATTER_TYPES), passRuleSchema),
  /** standing delegations (村民会议授权村民代表会议决定的事项), each naming the assembly's resolution */
  standingDelegations: z
    .array(
      z.object({
        matter: z.enum(MATTER_TYPES),
        resolution: z.string().trim().min(1, '请填写授权的村民会议决议').max(100),
      }),
    )
    .max(MATTER_TYPES.length),
  petitions: z.object({
    villagers_meeting: petitionRuleSchema,
    representatives_meeting: petitionRuleSchema,
    residents_meeting: petitionRuleSchema,
  }),
  /** 一征: the opinion window lasts at least this many days */
  solicitationMinDays: z.number().int().min(1).max(60),
  /** 一肩挑 villages hold 提议 and 商议 as one meeting */
  mergeProposalWhenYijiantiao: z.boolean(),
})
export type ProcedureSettings = z.infer<typeof procedureSettingsSchema>

/**
 * The legal defaults. 农村土地承包法 (2018) Art 19 and 28: a land-contracting plan needs the
 * consent of two thirds of the villagers' meeting's members or of the representatives, of all of
 * them and not only of those present.
 */
export function defaultProcedureSettings(): ProcedureSettings {
  return {
    meetingRules: {
      party_branch: PARTY_BRANCH_RULE,
      joint_committees: JOINT_COMMITTEES_RULE,
      party_members_meeting: PARTY_MEMBERS_MEETING_RULE,
      villagers_meeting: VILLAGERS_MEETING_RULE,
      representatives_meeting: REPRESENTATIVES_MEETING_RULE,
      villager_group_meeting: VILLAGER_GROUP_MEETING_RULE,
      residents_meeting: RESIDENTS_MEETING_RULE,
      residents_representatives_meeting: RESIDENTS_REPRESENTATIVES_MEETING_RULE,
    },
    notices: {
      party_branch: NO_NOTICE_RULE,
      joint_committees: NO_NOTICE_RULE,
      party_members_meeting: { minDays: 3, agendaRequired: false, planRequired: true },
      villagers_meeting: { minDays: 10, agendaRequired: true, planRequired: false },
      representatives_meeting: NO_NOTICE_RULE,
      villager_group_meeting: NO_NOTICE_RULE,
      residents_meeting: NO_NOTICE_RULE,
      residents_representatives_meeting: NO_NOTICE_RULE,
    },
    matterPassRules: { land_contracting: { threshold: AT_LEAST_TWO_THIRDS, of: 'due' } },
    standingDelegations: [],
    petitions: {
      villagers_meeting: [...DEFAULT_PETITION_RULES.villagers_meeting],
      representatives_meeting: [...DEFAULT_PETITION_RULES.representatives_meeting],
      residents_meeting: [...DEFAULT_PETITION_RULES.residents_meeting],
    },
    solicitationMinDays: 5,
    mergeProposalWhenYijiantiao: true,
  }
}

// ---------- steps ----------

export const STEP_KEYS = [
  'solicit',
  'propose',
  'consult',
  'propose_consult',
  'review',
  'decide',
  'publish_resolution',
  'publish_results',
] as const
export type StepKey = (typeof STEP_KEYS)[number]

export const STEP_LABELS: Record<StepKey, string> = {
  solicit: '征（征求居民意见）',
  propose: '提议',
  consult: '商议',
  propose_consult: '提议、商议（一肩挑合并）',
  review: '审议',
  decide: '决议',
  publish_resolution: '决议公开',
  publish_results: '实施结果公开',
}

export const STEP_KINDS = ['solicitation', 'meeting', 'publication'] as const
export type StepKind = (typeof STEP_KINDS)[number]

/** What a step leaves on the record (the step sheet of 四议两公开 台账). */
export const STEP_RECORD_ITEMS = [
  'source',
  'opinions',
  'opinion_summary',
  'attendance',
  'votes',
  'minutes',
  'signatures',
  'attachments',
  'township_attendees',
  'notice',
  'supervision_opinion',
  'resolution_link',
] as const
export type StepRecordItem = (typeof STEP_RECORD_ITEMS)[number]

export const STEP_RECORD_ITEM_LABELS: Record<StepRecordItem, string> = {
  source: '议题来源',
  opinions: '居民意见',
  opinion_summary: '意见汇总',
  attendance: '应到、实到人数',
  votes: '表决结果',
  minutes: '会议记录',
  signatures: '到会签名',
  attachments: '附件',
  township_attendees: '列席的乡镇（街道）干部及职务',
  notice: '公告',
  supervision_opinion: '监督委员会意见',
  resolution_link: '对应的决议',
}

/** A body that may hold a step, with the rules it holds it under. */
export interface StepBody {
  body: DeliberationBody
  /** quorum and pass; null for a step without a vote (一征, publication) */
  rule: MeetingRule | null
  notice: NoticeRule | null
}

export interface ProcedureStep {
  key: StepKey
  label: string
  kind: StepKind
  /** the body that usually holds the step */
  body: DeliberationBody
  rule: MeetingRule | null
  notice: NoticeRule | null
  /** every body that may hold it, the usual one first; only 决议 offers a choice */
  bodies: readonly StepBody[]
  /** the roles that may record the step (schedule, open, count, advance, publish) */
  recorders: readonly Role[]
  /** the step whose vote adopts the matter */
  deciding: boolean
  carries: readonly StepRecordItem[]
  /** the steps a merged step stands for */
  mergedFrom: readonly StepKey[] | null
}

export interface Procedure {
  variant: ProcedureVariant
  label: string
  /** 提议 and 商议 were merged (一肩挑) */
  merged: boolean
  steps: readonly ProcedureStep[]
  matterPassRules: Partial<Record<MatterType, PassRule>>
  delegatedMatters: readonly MatterType[]
  solicitationMinDays: number
}

const MEETING_RECORD: readonly StepRecordItem[] = [
  'attendance',
  'votes',
  'minutes',
  'signatures',
  'attachments',
]
const PUBLICATION_RECORD: readonly StepRecordItem[] = ['notice', 'supervision_opinion']
const CADRES: readonly Role[] = ['party_secretary', 'committee_member']

function meetingOption(body: MeetingBody, s: ProcedureSettings): StepBody {
  return { body, rule: s.meetingRules[body], notice: s.notices[body] }
}

function step(
  key: StepKey,
  kind: StepKind,
  bodies: readonly StepBody[],
  recorders: readonly Role[],
  carries: readonly StepRecordItem[],
  extra: { deciding?: boolean; mergedFrom?: readonly StepKey[] } = {},
): ProcedureStep {
  const usual = bodies[0]!
  return {
    key,
    label: STEP_LABELS[key],
    kind,
    body: usual.body,
    rule: usual.rule,
    notice: usual.notice,
    bodies,
    recorders,
    deciding: extra.deciding ?? false,
    carries,
    mergedFrom: extra.mergedFrom ?? null,
  }
}

const noMeeting = (body: DeliberationBody): StepBody => ({ body, rule: null, notice: null })

/**
 * The procedure a village follows. Rural: 提议 → 商议 → 审议 → 决议 → 决议公开 → 实施结果公开.
 * Urban: 征 → 提议 → 商议 → 决议 → 决议公开 → 实施结果公开. Under 一肩挑 (and the merge setting)
 * 提议 and 商议 become one joint-committees meeting recorded by the party secretary. A rural matter
 * that asks everyone's opinion first (村规民约, Art 27) opens with the same 征 step (`solicitation`).
 */
export function buildProcedure(
  village: Pick<VillageSettings, 'procedureVariant' | 'yijiantiao'>,
  settings: ProcedureSettings = defaultProcedureSettings(),
  opts: { solicitation?: boolean } = {},
): Procedure {
  const urban = village.procedureVariant === 'yizheng_sanyi_liang_gongkai'
  const merged = village.yijiantiao && settings.mergeProposalWhenYijiantiao

  const solicit = step('solicit', 'solicitation', [noMeeting('public_solicitation')], CADRES, [
    'opinions',
    'opinion_summary',
  ])
  const propose = step(
    'propose',
    'meeting',
    [meetingOption('party_branch', settings)],
    ['party_secretary'],
    ['source', ...MEETING_RECORD],
  )
  const consult = step(
    'consult',
    'meeting',
    [meetingOption('joint_committees', settings)],
    CADRES,
    MEETING_RECORD,
  )
  const proposeConsult = step(
    'propose_consult',
    'meeting',
    [meetingOption('joint_committees', settings)],
    ['party_secretary'],
    ['source', ...MEETING_RECORD],
    { mergedFrom: ['propose', 'consult'] },
  )
  const review = step(
    'review',
    'meeting',
    [meetingOption('party_members_meeting', settings)],
    ['party_secretary'],
    [...MEETING_RECORD, 'township_attendees'],
  )
  const decide = step(
    'decide',
    'meeting',
    urban
      ? [
          meetingOption('residents_meeting', settings),
          meetingOption('residents_representatives_meeting', settings),
        ]
      : [meetingOption('villagers_meeting', settings), meetingOption('representatives_meeting', settings)],
    CADRES,
    [...MEETING_RECORD, 'township_attendees'],
    { deciding: true },
  )
  const publishResolution = step(
    'publish_resolution',
    'publication',
    [noMeeting('publication')],
    CADRES,
    PUBLICATION_RECORD,
  )
  const publishResults = step('publish_results', 'publication', [noMeeting('publication')], CADRES, [
    ...PUBLICATION_RECORD,
    'resolution_link',
  ])

  const opening = merged ? [proposeConsult] : [propose, consult]
  const steps = urban
    ? [solicit, ...opening, decide, publishResolution, publishResults]
    : [...(opts.solicitation ? [solicit] : []), ...opening, review, decide, publishResolution, publishResults]

  return {
    variant: village.procedureVariant,
    label: PROCEDURE_VARIANT_LABELS[village.procedureVariant],
    merged,
    steps,
    matterPassRules: settings.matterPassRules,
    delegatedMatters: settings.standingDelegations.map((d) => d.matter),
    solicitationMinDays: settings.solicitationMinDays,
  }
}

export const findStep = (procedure: Procedure, key: StepKey): ProcedureStep | undefined =>
  procedure.steps.find((s) => s.key === key)

export const stepIndex = (procedure: Procedure, key: StepKey): number =>
  procedure.steps.findIndex((s) => s.key === key)

export const decidingStep = (procedure: Procedure): ProcedureStep => procedure.steps.find((s) => s.deciding)!

/** The body option of a step, or undefined when that body may not hold it. */
export const stepBody = (step: ProcedureStep, body: DeliberationBody): StepBody | undefined =>
  step.bodies.find((b) => b.body === body)

/**
 * The rule a meeting of `body` holds this step under, for this matter: at the deciding step a
 * matter with its own statutory pass rule (land contracting: 2/3 of all members) uses that one.
 */
export function meetingRuleFor(
  procedure: Procedure,
  step: ProcedureStep,
  body: DeliberationBody,
  matter: MatterType,
): MeetingRule | null {
  const rule = stepBody(step, body)?.rule ?? null
  if (!rule) return null
  const override = step.deciding ? procedure.matterPassRules[matter] : undefined
  return override ? { quorum: rule.quorum, pass: override } : rule
}

/** Delegated by a standing delegation in the settings, or by one the deliberation carries. */
export const isDelegated = (
  procedure: Procedure,
  matter: MatterType,
  delegatedForThisMatter: boolean,
): boolean => delegatedForThisMatter || procedure.delegatedMatters.includes(matter)

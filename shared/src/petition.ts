/**
 * 联名提议 (petitions): residents co-sign a request that a meeting be convened. 村民委员会组织法
 * Art 21: one tenth of the villagers aged 18+, or one third of the representatives, force a villagers'
 * meeting; Art 26: one fifth of the representatives force a representatives' meeting; 城市居民委员会
 * 组织法 Art 10: one fifth of the residents aged 18+ or of the households force a residents' meeting.
 * The thresholds are the procedure settings' `petitions` (quorum.ts has the arithmetic).
 *
 * A petition is `open` while it collects signatures, `reached` once a criterion is met (the committee
 * is told, once, that it must convene), `convened` when the committee has turned it into a
 * deliberation, and `withdrawn` when its initiator took it back before it reached the threshold.
 */
import type { ModerationView } from './content-check'
import { z } from 'zod'
import type { Page } from './api'
import type { OrgKind } from './org'
import {
  PETITION_CRITERION_LABELS,
  type PetitionCheck,
  type PetitionCriterion,
  type PetitionTarget,
} from './petition-threshold'

export const PETITION_STATUSES = ['open', 'reached', 'convened', 'withdrawn'] as const
export type PetitionStatus = (typeof PETITION_STATUSES)[number]
export const PETITION_STATUS_LABELS: Record<PetitionStatus, string> = {
  open: '正在联名',
  reached: '已达到法定人数，待召开会议',
  convened: '已列入议事',
  withdrawn: '已撤回',
}

/** Signatures are taken while the petition is open or reached (more support after the threshold is welcome). */
export const isPetitionSignable = (s: PetitionStatus): boolean => s === 'open' || s === 'reached'

export const PETITION_TARGET_LABELS: Record<PetitionTarget, string> = {
  villagers_meeting: '村民会议',
  representatives_meeting: '村民代表会议',
  residents_meeting: '居民会议',
}

/** Which meetings the residents of a village or a community can petition for. */
export function petitionTargetsFor(kind: OrgKind): readonly PetitionTarget[] {
  return kind === 'community' ? ['residents_meeting'] : ['villagers_meeting', 'representatives_meeting']
}

/**
 * Who may sign, by target: villagers aged 18+ on the roster (registered) or representatives for a
 * villagers' meeting, representatives for a representatives' meeting, residents aged 18+ for a
 * residents' meeting.
 */
export const PETITION_SIGNERS_LABELS: Record<PetitionTarget, string> = {
  villagers_meeting: '本村登记在册的十八周岁以上村民或村民代表',
  representatives_meeting: '村民代表',
  residents_meeting: '本社区十八周岁以上居民',
}

export const petitionListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  status: z.enum(PETITION_STATUSES).optional(),
})
export type PetitionListQuery = z.infer<typeof petitionListQuerySchema>
export type PetitionListQueryRequest = z.input<typeof petitionListQuerySchema>

// ---------- responses ----------

export interface PetitionCriterionView {
  criterion: PetitionCriterion
  label: string
  signed: number
  total: number
  needed: number
  met: boolean
}

export interface PetitionSummary {
  id: number
  target: PetitionTarget
  targetLabel: string
  title: string
  status: PetitionStatus
  statusLabel: string
  initiatorName: string
  signatures: number
  createdAt: string
  /** the content check: others see (and sign) it only once it is shown; the initiator reads the note */
  moderation: ModerationView
}

export interface PetitionView extends PetitionSummary {
  text: string
  /** each criterion of the rule, counted now; any one met forces the meeting */
  criteria: PetitionCriterionView[]
  reached: boolean
  reachedAt: string | null
  /** the deliberation the committee made of it */
  deliberationId: number | null
  withdrawnAt: string | null
  signedByMe: boolean
  /** I may sign it now (eligible, not signed, still open) */
  canSign: boolean
  /** why I may not sign, in words, when I may not */
  cannotSignReason: string | null
  isMine: boolean
  /** the committee may turn it into a deliberation (it reached the threshold) */
  canConvene: boolean
  /** paper signature sheets recorded by the village's staff, oldest first */
  paperSheets: PetitionPaperSheetView[]
  /** the caller may record a paper sheet */
  canRecordPaper: boolean
}

/**
 * 纸质签名表: a sheet residents signed on paper, recorded by staff: its photo and the roster people
 * who signed it. A person counts once however many ways they signed.
 */
export const paperSheetSchema = z.object({
  photoId: z.number().int().positive(),
  residentIds: z.array(z.number().int().positive()).min(1, '请选出签了名的村民').max(500),
})
export type PaperSheetRequest = z.infer<typeof paperSheetSchema>

export interface PetitionPaperSheetView {
  id: number
  recordedAt: string
  recordedByName: string
  /** newly counted by this sheet */
  counted: number
  /** had signed already (online or on an earlier sheet): counted once, not again */
  alreadySigned: number
  /** on the sheet but not among those who may sign this petition: not counted */
  notEligible: string[]
  /** the photo, for those who may see signatures (staff and oversight); null for others */
  photoUrl: string | null
}

/**
 * What a sheet adds: each person once (a name chosen twice on one sheet is one), those who signed
 * before are not counted again, and those who may not sign are set aside.
 */
export function splitPaperSheet(
  residentIds: readonly number[],
  signedBefore: ReadonlySet<number>,
  eligible: (residentId: number) => boolean,
): { counted: number[]; alreadySigned: number[]; notEligible: number[] } {
  const out = { counted: [] as number[], alreadySigned: [] as number[], notEligible: [] as number[] }
  for (const id of new Set(residentIds)) {
    if (signedBefore.has(id)) out.alreadySigned.push(id)
    else if (!eligible(id)) out.notEligible.push(id)
    else out.counted.push(id)
  }
  return out
}

export type PetitionPage = Page<PetitionSummary>

export function petitionCriteriaView(check: PetitionCheck): PetitionCriterionView[] {
  return check.criteria.map((c) => ({ ...c, label: PETITION_CRITERION_LABELS[c.criterion] }))
}

/**
 * 联名提议 as the pages show it: how far each criterion is from the legal threshold, the form, and
 * which buttons a person sees. The server counts and decides; the view carries `canSign` etc.
 */
import {
  PETITION_TARGET_LABELS,
  petitionCreateSchema,
  petitionTargetsFor,
  type OrgKind,
  type PetitionCreateRequest,
  type PetitionCriterionView,
  type PetitionStatus,
  type PetitionTarget,
  type PetitionView,
} from '@xiangli/shared'
import type { Tone } from './deliberation'

const TONES: Record<PetitionStatus, Tone> = {
  open: 'working',
  reached: 'waiting',
  convened: 'done',
  withdrawn: 'stopped',
}
export const petitionTone = (s: PetitionStatus): Tone => TONES[s]

export const PETITION_FILTERS: readonly { value: PetitionStatus | 'all'; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'open', label: '正在联名' },
  { value: 'reached', label: '已达到人数' },
  { value: 'convened', label: '已列入议事' },
  { value: 'withdrawn', label: '已撤回' },
]

export interface CriterionLine {
  /** 十八周岁以上村民：已签 5 人，需要 4 人 */
  text: string
  percent: number
  met: boolean
}

export function criterionLine(c: PetitionCriterionView): CriterionLine {
  const unit = c.criterion === 'households' ? '户' : '人'
  return {
    text: `${c.label}：已签 ${c.signed} ${unit}，需要 ${c.needed} ${unit}（共 ${c.total} ${unit}）${c.met ? '，已达到' : ''}`,
    percent: Math.min(100, Math.round((c.signed / Math.max(1, c.needed)) * 100)),
    met: c.met,
  }
}

export interface PetitionButtons {
  sign: boolean
  withdraw: boolean
  /** the committee turns it into a deliberation */
  convene: boolean
  /** 您已签名 / why I cannot sign */
  note: string | null
}

export function petitionButtons(
  p: Pick<PetitionView, 'canSign' | 'signedByMe' | 'cannotSignReason' | 'isMine' | 'status' | 'canConvene'>,
): PetitionButtons {
  return {
    sign: p.canSign,
    withdraw: p.isMine && p.status === 'open',
    convene: p.canConvene,
    note: p.signedByMe ? '您已签名' : p.canSign ? null : p.cannotSignReason,
  }
}

export const targetOptions = (kind: OrgKind): { value: PetitionTarget; label: string }[] =>
  petitionTargetsFor(kind).map((t) => ({ value: t, label: PETITION_TARGET_LABELS[t] }))

/** The law behind each target, in plain words, under the choice. */
export const TARGET_HELP: Record<PetitionTarget, string> = {
  villagers_meeting:
    '本村十分之一以上十八周岁以上村民，或者三分之一以上村民代表联名，村委会就应当召集村民会议。',
  representatives_meeting: '五分之一以上村民代表联名，村委会就应当召集村民代表会议。',
  residents_meeting: '五分之一以上十八周岁以上居民或者户联名，居委会就应当召集居民会议。',
}

export interface PetitionForm {
  target: PetitionTarget
  title: string
  text: string
}

export function checkPetitionForm(
  f: PetitionForm,
): { ok: true; value: PetitionCreateRequest } | { ok: false; errors: { title?: string; text?: string } } {
  const parsed = petitionCreateSchema.safeParse(f)
  if (parsed.success) return { ok: true, value: parsed.data }
  const errors: { title?: string; text?: string } = {}
  for (const issue of parsed.error.issues) {
    const key = issue.path[0]
    if ((key === 'title' || key === 'text') && !errors[key]) errors[key] = issue.message
  }
  return { ok: false, errors }
}

/**
 * 联名提议 (petitions) as the petition pages show them: the legal threshold in plain words, how far the
 * signatures are from it, and which buttons a person sees. The server counts and decides (`canSign`,
 * `canConvene` …); nothing here counts signatures.
 */
import {
  DEFAULT_PETITION_RULES,
  MATTER_TYPES,
  MATTER_TYPE_LABELS,
  PETITION_CRITERION_LABELS,
  PETITION_PAGES,
  PETITION_SIGNERS_LABELS,
  PETITION_STATUS_LABELS,
  PETITION_TARGET_LABELS,
  deliberationCreateSchema,
  petitionCreateSchema,
  petitionTargetsFor,
  thresholdLabel,
  type DeliberationCreate,
  type MatterType,
  type OrgKind,
  type PetitionCreateRequest,
  type PetitionCriterion,
  type PetitionCriterionView,
  type PetitionStatus,
  type PetitionTarget,
  type PetitionView,
} from '@xiangli/shared'

/** The pages of the petition subpackage (app.config.ts: subpackages/petition), as the server's links name them. */
export { PETITION_PAGES }

export type PetitionTone = 'working' | 'waiting' | 'done' | 'stopped'
const TONES: Record<PetitionStatus, PetitionTone> = {
  open: 'working',
  reached: 'waiting',
  convened: 'done',
  withdrawn: 'stopped',
}
/** The colour of the status tag (the `xl-state-tag--*` classes). */
export const petitionTone = (s: PetitionStatus): PetitionTone => TONES[s]

/** The status chips above the list. */
export const PETITION_STATUS_CHIPS: readonly { value: PetitionStatus | 'all'; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'open', label: PETITION_STATUS_LABELS.open },
  { value: 'reached', label: '已达到法定人数' },
  { value: 'convened', label: PETITION_STATUS_LABELS.convened },
  { value: 'withdrawn', label: PETITION_STATUS_LABELS.withdrawn },
]

/** The short words on a status tag (the full label, 已达到法定人数，待召开会议, is too long beside a title). */
export const petitionStatusTag = (s: PetitionStatus): string =>
  PETITION_STATUS_CHIPS.find((c) => c.value === s)?.label ?? PETITION_STATUS_LABELS[s]

const unitOf = (c: PetitionCriterion): string =>
  c === 'households' ? '户' : c === 'resident_groups' ? '个居民小组' : '人'

/**
 * The rule behind a target, as the law says it and from the same rule the server counts with:
 * “本村十八周岁以上村民十分之一以上，或者村民代表三分之一以上联名，村（居）委会就应当召集村民会议。”
 */
export function thresholdRule(target: PetitionTarget): string {
  const parts = DEFAULT_PETITION_RULES[target].map(
    (c) => `${PETITION_CRITERION_LABELS[c.criterion]}的${thresholdLabel(c.threshold)}`,
  )
  const who = target === 'residents_meeting' ? '本社区' : '本村'
  const committee = target === 'residents_meeting' ? '居委会' : '村委会'
  return `${who}${parts.join('，或者')}联名提议，${committee}就应当召集${PETITION_TARGET_LABELS[target]}。`
}

/** Who may sign a petition for this meeting, in words. */
export const signersText = (target: PetitionTarget): string =>
  `可以联名的人：${PETITION_SIGNERS_LABELS[target]}。`

export interface TargetOption {
  value: PetitionTarget
  label: string
  /** the legal threshold, under the choice */
  help: string
}

/** The meetings a village (or a community) can petition for, each with its rule. */
export const targetOptions = (kind: OrgKind): TargetOption[] =>
  petitionTargetsFor(kind).map((t) => ({
    value: t,
    label: PETITION_TARGET_LABELS[t],
    help: `${thresholdRule(t)}${signersText(t)}`,
  }))

export interface ProgressLine {
  criterion: PetitionCriterion
  /** 十八周岁以上村民：已有 3 人联名，需 4 人（共 35 人的十分之一以上） */
  text: string
  /** 0–100, for the bar */
  percent: number
  met: boolean
}

const ruleOf = (target: PetitionTarget, c: PetitionCriterion) =>
  DEFAULT_PETITION_RULES[target].find((r) => r.criterion === c)

export function progressLine(target: PetitionTarget, c: PetitionCriterionView): ProgressLine {
  const unit = unitOf(c.criterion)
  const rule = ruleOf(target, c.criterion)
  const of = rule ? `共 ${c.total} ${unit}的${thresholdLabel(rule.threshold)}` : `共 ${c.total} ${unit}`
  return {
    criterion: c.criterion,
    text: `${c.label}：已有 ${c.signed} ${unit}联名，需 ${c.needed} ${unit}（${of}）${c.met ? '，已达到' : ''}`,
    percent: c.needed <= 0 ? 100 : Math.min(100, Math.floor((c.signed / c.needed) * 100)),
    met: c.met,
  }
}

export interface Progress {
  /** 已有 3 人联名，需 4 人 / 已有 5 人联名，已达到法定人数 */
  headline: string
  percent: number
  reached: boolean
  /** one line for each way the threshold can be met */
  lines: ProgressLine[]
}

/**
 * The bar at the top of a petition: the criterion that is met, or else the one closest to it (by
 * share of what it needs); each criterion gets its own line below.
 */
export function petitionProgress(
  p: Pick<PetitionView, 'target' | 'criteria' | 'signatures' | 'reached'>,
): Progress {
  const lines = p.criteria.map((c) => progressLine(p.target, c))
  const lead = [...p.criteria].sort(
    (a, b) =>
      Number(b.met) - Number(a.met) || b.signed / Math.max(1, b.needed) - a.signed / Math.max(1, a.needed),
  )[0]
  if (p.reached || lead?.met)
    return { headline: `已有 ${p.signatures} 人联名，已达到法定人数`, percent: 100, reached: true, lines }
  if (!lead) return { headline: `已有 ${p.signatures} 人联名`, percent: 0, reached: false, lines }
  const unit = unitOf(lead.criterion)
  return {
    headline: `已有 ${lead.signed} ${unit}联名，需 ${lead.needed} ${unit}`,
    percent: progressLine(p.target, lead).percent,
    reached: false,
    lines,
  }
}

/** What is still missing, in one sentence: 还差 1 人就达到法定人数. */
export function stillNeeded(p: Pick<PetitionView, 'criteria' | 'reached' | 'status'>): string | null {
  if (p.reached || p.status !== 'open') return null
  const gaps = p.criteria.map((c) => ({ c, gap: Math.max(0, c.needed - c.signed) })).filter((g) => g.gap > 0)
  if (gaps.length === 0) return null
  const { c, gap } = gaps.reduce((a, b) => (b.gap < a.gap ? b : a))
  const who =
    c.criterion === 'households'
      ? `${gap} 户`
      : `${gap} ${c.criterion === 'resident_groups' ? '个' : '名'}${c.label}`
  return `再有 ${who}联名，就达到法定人数。`
}

export interface PetitionActions {
  sign: boolean
  withdraw: boolean
  /** the committee turns it into a deliberation */
  convene: boolean
  /** the deliberation it became */
  deliberation: boolean
  /** my standing: 您已联名 / why I cannot sign / what happens next */
  myStatus: string
}

/** Which buttons a person sees on a petition, and what the page says about them. */
export function petitionActions(
  p: Pick<
    PetitionView,
    'status' | 'canSign' | 'signedByMe' | 'cannotSignReason' | 'isMine' | 'canConvene' | 'deliberationId'
  >,
): PetitionActions {
  let myStatus: string
  if (p.status === 'withdrawn')
    myStatus = p.isMine ? '您已撤回这份联名，不再签名。' : '这份联名已由发起人撤回，不再签名。'
  else if (p.status === 'convened')
    myStatus = p.signedByMe ? '您已联名，这份联名已列入议事。' : '这份联名已列入议事，不再签名。'
  else if (p.isMine) myStatus = '这是您发起的联名，您已经签了名。'
  else if (p.signedByMe) myStatus = '您已联名。'
  else if (p.canSign) myStatus = '您还没有联名。'
  else myStatus = p.cannotSignReason ?? '您不能在这份联名上签名。'
  return {
    sign: p.canSign,
    // the server refuses withdrawing once the threshold is reached
    withdraw: p.isMine && p.status === 'open',
    convene: p.canConvene && p.status === 'reached',
    deliberation: p.deliberationId !== null,
    myStatus,
  }
}

/** The confirm dialog before signing: what the person puts their name to. */
export const signConfirmText = (p: Pick<PetitionView, 'title' | 'targetLabel'>): string =>
  `同意提议召开${p.targetLabel}，事由：“${p.title}”。签名会用您的实名，签了不能撤回。`

// ---------- the start form ----------

export interface PetitionForm {
  target: PetitionTarget
  title: string
  text: string
}
export type PetitionFormErrors = Partial<Record<'title' | 'text' | 'target', string>>

export function checkPetitionForm(
  f: PetitionForm,
): { ok: true; value: PetitionCreateRequest } | { ok: false; errors: PetitionFormErrors } {
  const parsed = petitionCreateSchema.safeParse(f)
  if (parsed.success) return { ok: true, value: parsed.data }
  const errors: PetitionFormErrors = {}
  for (const issue of parsed.error.issues) {
    const key = issue.path[0]
    if ((key === 'title' || key === 'text' || key === 'target') && !errors[key])
      errors[key] = key === 'target' ? '请选择提议召开哪个会议' : issue.message
  }
  return { ok: false, errors }
}

// ---------- convening it (the committee) ----------

/** 一般事项 first: most petitions are about ordinary matters; the Art 24 matters follow. */
export const MATTER_OPTIONS: readonly { value: MatterType; label: string }[] = [
  'ordinary' as const,
  ...MATTER_TYPES.filter((m) => m !== 'ordinary'),
].map((m) => ({ value: m, label: MATTER_TYPE_LABELS[m] }))

export interface ConveneForm {
  title: string
  content: string
  matterType: MatterType
}
export type ConveneFormErrors = Partial<Record<'title' | 'content', string>>

/** The deliberation's draft, from the petition: its title (cut to what a deliberation allows) and text. */
export function conveneDraft(
  p: Pick<PetitionView, 'title' | 'text' | 'targetLabel' | 'signatures'>,
): ConveneForm {
  return {
    title: p.title.slice(0, 60),
    content: `根据 ${p.signatures} 名村（居）民联名提议召开${p.targetLabel}：\n${p.text}`.slice(0, 5000),
    matterType: 'ordinary',
  }
}

export function checkConveneForm(
  f: ConveneForm,
  petitionId: number,
): { ok: true; value: DeliberationCreate } | { ok: false; errors: ConveneFormErrors } {
  const parsed = deliberationCreateSchema.safeParse({ ...f, source: { kind: 'petition', petitionId } })
  if (parsed.success) return { ok: true, value: parsed.data }
  const errors: ConveneFormErrors = {}
  for (const issue of parsed.error.issues) {
    const key = issue.path[0]
    if ((key === 'title' || key === 'content') && !errors[key]) errors[key] = issue.message
  }
  return { ok: false, errors }
}

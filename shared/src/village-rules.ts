/**
 * 村规民约 and 自治章程 (村民委员会组织法 Art 27): the 两委 draft a version, put it out for comment in
 * the 一征 window of the deliberation that carries it, and the villagers' meeting adopts it through
 * that deliberation. An adopted version is public, hashed into the audit chain and filed with the
 * township (备案), which may order a clause corrected. An amendment is a new version of the same kind
 * and shows, line by line, what it changes against the version in force.
 */
import { z } from 'zod'
import type { ErrorCode } from './errors'
import type { MeetingBody } from './procedure'
import type { Role } from './roles'

export const RULES_KINDS = ['village_rules', 'charter'] as const
export type RulesKind = (typeof RULES_KINDS)[number]
export const RULES_KIND_LABELS: Record<RulesKind, string> = {
  village_rules: '村规民约',
  charter: '村民自治章程',
}

/**
 * draft (草稿, the 两委 may edit) → in_adoption (交付表决: frozen, carried by a deliberation) →
 * adopted (村民会议通过, in force) → superseded (a later version of the kind was adopted), or
 * not_adopted (the deciding vote failed or the deliberation was ended).
 */
export const RULES_STATUSES = ['draft', 'in_adoption', 'adopted', 'superseded', 'not_adopted'] as const
export type RulesStatus = (typeof RULES_STATUSES)[number]
export const RULES_STATUS_LABELS: Record<RulesStatus, string> = {
  draft: '草稿',
  in_adoption: '征求意见和表决中',
  adopted: '现行有效',
  superseded: '已被新版本取代',
  not_adopted: '未通过',
}

export type RulesEvent =
  | { type: 'edit' }
  | { type: 'start_adoption' }
  | { type: 'decided'; body: MeetingBody; passed: boolean }
  | { type: 'ended' }
  | { type: 'supersede' }

export type RulesTransition = { ok: true; next: RulesStatus } | { ok: false; code: ErrorCode }

/** Art 27: made and amended by the villagers' meeting, which may not hand it to its representatives. */
export const RULES_ADOPTING_BODY: MeetingBody = 'villagers_meeting'

/** Who drafts, puts to the vote and files: the 两委. */
export const RULES_WRITERS: readonly Role[] = ['committee_member', 'party_secretary']

export function transitionRules(status: RulesStatus, event: RulesEvent): RulesTransition {
  switch (event.type) {
    case 'edit':
    case 'start_adoption':
      return status === 'draft'
        ? { ok: true, next: event.type === 'edit' ? 'draft' : 'in_adoption' }
        : frozen(status)
    case 'decided':
      if (status !== 'in_adoption') return { ok: false, code: 'VILLAGE_RULES_NOT_IN_ADOPTION' }
      if (event.body !== RULES_ADOPTING_BODY)
        return { ok: false, code: 'VILLAGE_RULES_VILLAGERS_MEETING_ONLY' }
      return { ok: true, next: event.passed ? 'adopted' : 'not_adopted' }
    case 'ended':
      return status === 'in_adoption'
        ? { ok: true, next: 'not_adopted' }
        : { ok: false, code: 'VILLAGE_RULES_NOT_IN_ADOPTION' }
    case 'supersede':
      return status === 'adopted'
        ? { ok: true, next: 'superseded' }
        : { ok: false, code: 'VILLAGE_RULES_NOT_ADOPTED' }
  }
}

const frozen = (status: RulesStatus): RulesTransition => ({
  ok: false,
  code: status === 'in_adoption' ? 'VILLAGE_RULES_IN_ADOPTION' : 'VILLAGE_RULES_NOT_DRAFT',
})

/** A version the township may see filed: adopted, in force or since superseded. */
export const wasAdopted = (s: RulesStatus): boolean => s === 'adopted' || s === 'superseded'

// ---------- the text and what changed ----------

/** The text as hashed and compared: Unix line ends, no trailing spaces, no blank lines at either end. */
export function canonicalRulesText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\s+$/u, ''))
    .join('\n')
    .replace(/^\n+|\n+$/g, '')
}

export const DIFF_OPS = ['same', 'added', 'removed'] as const
export type DiffOp = (typeof DIFF_OPS)[number]
export interface DiffLine {
  op: DiffOp
  text: string
}

/**
 * What changed from `before` to `after`, line by line: the longest common subsequence of lines kept
 * as `same`, the rest `removed` (from before) then `added` (from after) at the place they differ.
 * The texts are bounded by the request schema (RULES_TEXT_MAX), so the table stays small.
 */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before === '' ? [] : canonicalRulesText(before).split('\n')
  const b = after === '' ? [] : canonicalRulesText(after).split('\n')
  const n = a.length
  const m = b.length
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..]
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1))
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!)
  const out: DiffLine[] = []
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ op: 'same', text: a[i]! })
      i++
      j++
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) out.push({ op: 'removed', text: a[i++]! })
    else out.push({ op: 'added', text: b[j++]! })
  }
  while (i < n) out.push({ op: 'removed', text: a[i++]! })
  while (j < m) out.push({ op: 'added', text: b[j++]! })
  return out
}

/** How many lines were added and removed. */
export function diffCounts(diff: readonly DiffLine[]): { added: number; removed: number } {
  return {
    added: diff.filter((d) => d.op === 'added').length,
    removed: diff.filter((d) => d.op === 'removed').length,
  }
}

// ---------- requests ----------

/** at most 4 bytes a character, so the text fits a MySQL TEXT column */
export const RULES_TEXT_MAX = 15000
/** lines of one text; keeps the diff's table (lines × lines) small */
export const RULES_LINES_MAX = 1000
/** The deliberation that carries a version shows this much of the text; the rest is on the rules page. */
export const RULES_DELIBERATION_EXCERPT = 4000

const nonBlank = (what: string, max: number) =>
  z
    .string({ required_error: `请填写${what}` })
    .trim()
    .min(1, `请填写${what}`)
    .max(max, `${what}最多 ${max} 个字`)

export const rulesDraftSchema = z.object({
  kind: z.enum(RULES_KINDS, { errorMap: () => ({ message: '请选择村规民约或自治章程' }) }),
  title: nonBlank('标题', 60),
  text: nonBlank('正文', RULES_TEXT_MAX).refine(
    (t) => canonicalRulesText(t).split('\n').length <= RULES_LINES_MAX,
    `正文最多 ${RULES_LINES_MAX} 行，请把短行合并`,
  ),
})
export type RulesDraft = z.infer<typeof rulesDraftSchema>

export const rulesEditSchema = rulesDraftSchema.omit({ kind: true })
export type RulesEdit = z.infer<typeof rulesEditSchema>

export const rulesCorrectionSchema = z.object({
  clause: nonBlank('需要改正的条款', 200),
  reason: nonBlank('理由（与哪条法律法规相抵触，或侵犯了村民哪项权利）', 500),
})
export type RulesCorrectionRequest = z.infer<typeof rulesCorrectionSchema>

export const rulesKindQuerySchema = z.object({
  kind: z.enum(RULES_KINDS).default('village_rules'),
})

// ---------- what the pages show ----------

export interface RulesCorrectionView {
  id: number
  clause: string
  reason: string
  orderedAt: string
  orderedBy: string
}

export interface RulesFilingView {
  id: number
  filedAt: string
  filedBy: string
  corrections: RulesCorrectionView[]
}

export interface RulesVersionSummary {
  id: number
  kind: RulesKind
  number: number
  title: string
  status: RulesStatus
  statusLabel: string
  adoptedAt: string | null
  filed: boolean
  corrections: number
}

export interface RulesVersionView extends RulesVersionSummary {
  villageId: number
  kindLabel: string
  text: string
  /** SHA-256 of the canonical text, as the audit chain recorded it at adoption */
  contentHash: string | null
  /** the version in force when this one was drafted, which it amends */
  basedOn: { id: number; number: number } | null
  /** the deliberation that carries it (一征, then the villagers' meeting) */
  deliberationId: number | null
  /** against the version it amends; every line added for a first version */
  diff: DiffLine[]
  filing: RulesFilingView | null
  createdAt: string
  /** what the caller may do now */
  can: { edit: boolean; startAdoption: boolean; file: boolean }
}

export interface RulesOverview {
  villageId: number
  villageName: string
  /** the version in force of each kind, or null */
  current: Record<RulesKind, RulesVersionSummary | null>
  /** every version the caller may see, newest first */
  versions: RulesVersionSummary[]
}

/** What anyone may read without logging in: the adopted versions in force, in full. */
export interface PublicRules {
  villageId: number
  villageName: string
  current: {
    kind: RulesKind
    kindLabel: string
    number: number
    title: string
    text: string
    adoptedAt: string
    contentHash: string
  }[]
}

export interface TownshipRulesFiling {
  id: number
  villageId: number
  villageName: string
  versionId: number
  kind: RulesKind
  kindLabel: string
  number: number
  title: string
  status: RulesStatus
  filedAt: string
  corrections: RulesCorrectionView[]
}

export interface TownshipRulesFilings {
  townshipId: number
  items: TownshipRulesFiling[]
}

/** The miniapp's pages of 村规民约, for links in notifications and from the 办事 tab. */
export const RULES_PAGES = {
  current: '/subpackages/village-rules/pages/current/index',
  version: '/subpackages/village-rules/pages/version/index',
  manage: '/subpackages/village-rules/pages/manage/index',
  compose: '/subpackages/village-rules/pages/compose/index',
  township: '/subpackages/village-rules/pages/filings/index',
} as const
export const rulesVersionPage = (id: number): string => `${RULES_PAGES.version}?id=${id}`

/** 备案: only the version in force, once. */
export function mayFile(status: RulesStatus, filed: boolean): { ok: true } | { ok: false; code: ErrorCode } {
  if (status === 'superseded') return { ok: false, code: 'VILLAGE_RULES_SUPERSEDED' }
  if (status !== 'adopted') return { ok: false, code: 'VILLAGE_RULES_NOT_ADOPTED' }
  if (filed) return { ok: false, code: 'VILLAGE_RULES_ALREADY_FILED' }
  return { ok: true }
}

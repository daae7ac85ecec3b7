import {
  diffCounts,
  RULES_KIND_LABELS,
  RULES_PAGES,
  RULES_STATUS_LABELS,
  type DiffLine,
  type RulesKind,
  type RulesStatus,
  type RulesVersionSummary,
} from '@xiangli/shared'

export { RULES_PAGES }

/** How a version reads in a list: "村规民约 第 2 版 · 现行有效". */
export const versionLabel = (v: Pick<RulesVersionSummary, 'kind' | 'number' | 'status'>): string =>
  `${RULES_KIND_LABELS[v.kind]} 第 ${v.number} 版 · ${RULES_STATUS_LABELS[v.status]}`

export type RulesTone = 'draft' | 'working' | 'done' | 'stopped'
const TONES: Record<RulesStatus, RulesTone> = {
  draft: 'draft',
  in_adoption: 'working',
  adopted: 'done',
  superseded: 'stopped',
  not_adopted: 'stopped',
}
export const toneOf = (s: RulesStatus): RulesTone => TONES[s]

/** The words above a diff: what the amendment changed, or that it is the first version. */
export function diffSummary(diff: readonly DiffLine[], amends: number | null): string {
  if (amends === null) return '这是第一版，全文都是新订的。'
  const { added, removed } = diffCounts(diff)
  if (added === 0 && removed === 0) return `与第 ${amends} 版相比没有改动。`
  return `与第 ${amends} 版相比：新增 ${added} 行，删去 ${removed} 行（修改一条算删去旧的、新增新的）。`
}

/** The sign before a line of the diff, for those who cannot tell the colours apart. */
export const DIFF_MARKS: Record<DiffLine['op'], string> = { same: ' ', added: '+', removed: '−' }

export const KIND_OPTIONS: { value: RulesKind; label: string }[] = [
  { value: 'village_rules', label: RULES_KIND_LABELS.village_rules },
  { value: 'charter', label: RULES_KIND_LABELS.charter },
]

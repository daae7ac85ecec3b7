import {
  lineDiff,
  mayFile,
  RULES_KIND_LABELS,
  RULES_STATUS_LABELS,
  transitionRules,
  type RulesCorrectionView,
  type RulesFilingView,
  type RulesVersionSummary,
  type RulesVersionView,
} from '@xiangli/shared'
import type { RulesCorrection } from './entities/rules-correction.entity'
import type { RulesFiling } from './entities/rules-filing.entity'
import type { RulesVersion } from './entities/rules-version.entity'

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString())

export const presentCorrection = (c: RulesCorrection): RulesCorrectionView => ({
  id: c.id,
  clause: c.clause,
  reason: c.reason,
  orderedAt: new Date(c.orderedAt).toISOString(),
  orderedBy: c.orderedByName,
})

export function presentSummary(
  v: Pick<RulesVersion, 'id' | 'kind' | 'number' | 'title' | 'status' | 'adoptedAt'>,
  filing: RulesFiling | null,
  corrections: number,
): RulesVersionSummary {
  return {
    id: v.id,
    kind: v.kind,
    number: v.number,
    title: v.title,
    status: v.status,
    statusLabel: RULES_STATUS_LABELS[v.status],
    adoptedAt: iso(v.adoptedAt),
    filed: filing !== null,
    corrections,
  }
}

export function presentVersion(
  v: RulesVersion,
  o: {
    basedOn: RulesVersion | null
    filing: RulesFiling | null
    corrections: RulesCorrection[]
    writer: boolean
  },
): RulesVersionView {
  const filing: RulesFilingView | null = o.filing
    ? {
        id: o.filing.id,
        filedAt: new Date(o.filing.filedAt).toISOString(),
        filedBy: o.filing.filedByName,
        corrections: o.corrections.map(presentCorrection),
      }
    : null
  return {
    ...presentSummary(v, o.filing, o.corrections.length),
    villageId: v.villageId,
    kindLabel: RULES_KIND_LABELS[v.kind],
    text: v.text,
    contentHash: v.contentHash,
    basedOn: o.basedOn ? { id: o.basedOn.id, number: o.basedOn.number } : null,
    deliberationId: v.deliberationId,
    diff: lineDiff(o.basedOn?.text ?? '', v.text),
    filing,
    createdAt: new Date(v.createdAt).toISOString(),
    can: {
      edit: o.writer && transitionRules(v.status, { type: 'edit' }).ok,
      startAdoption: o.writer && transitionRules(v.status, { type: 'start_adoption' }).ok,
      file: o.writer && mayFile(v.status, o.filing !== null).ok,
    },
  }
}

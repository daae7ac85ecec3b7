import type { AuditEntryView, AuditHeadView, AuditVerifyResult, AuditVerifyRunView } from '@xiangli/shared'
import type { AuditEntry } from '../../core/audit/entities/audit-entry.entity'
import type { AuditVerifyRun } from './entities'

/** An entry as people see it: who did what to which record, when; the digests and hashes stay inside. */
export const presentEntry = (e: AuditEntry): AuditEntryView => ({
  seq: e.seq,
  actorName: e.actorName,
  actorRole: e.actorRole,
  action: e.action,
  targetType: e.targetType,
  targetId: e.targetId,
  createdAt: e.at,
})

/** A chain's head as published: the organisation, how long the chain is, and its last hash. */
export const presentHead = (
  h: { id: number; lastSeq: number; lastHash: string },
  names: Map<number, string>,
): AuditHeadView => ({
  chain: h.id,
  orgName: names.get(h.id) ?? null,
  link: h.lastSeq,
  hash: h.lastHash,
})

/** A run of the check, its stored result read back. */
export function presentRun(r: AuditVerifyRun): AuditVerifyRunView {
  const stored = r.result ? (JSON.parse(r.result) as AuditVerifyResult | { failure: string }) : null
  const failure = stored && 'failure' in stored ? stored.failure : null
  return {
    id: r.id,
    mode: r.mode as AuditVerifyRunView['mode'],
    state: r.state as AuditVerifyRunView['state'],
    checked: r.checked,
    total: r.total,
    result: stored && !('failure' in stored) ? stored : null,
    failure,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt ? r.finishedAt.toISOString() : null,
  }
}

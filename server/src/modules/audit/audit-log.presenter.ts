import type { AuditEntryView } from '@xiangli/shared'
import type { AuditEntry } from '../../core/audit/entities/audit-entry.entity'

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

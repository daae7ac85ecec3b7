import type { DataSource } from 'typeorm'
import type { AuditVerifyResult } from '@xiangli/shared'
import { AuditService } from '../core/audit/audit.service'
import { meetingSealsCheck } from '../modules/deliberations/deliberations.service'
import { noticeVersionsCheck } from '../modules/notices/notices.service'

/**
 * The whole check, outside a running server: the chain itself, then the records it vouches for by
 * hash (notice versions, sealed meetings), as GET /api/audit/verify runs them.
 */
export function verifyChain(ds: DataSource): Promise<AuditVerifyResult> {
  const audit = new AuditService(ds)
  audit.registerContentCheck('notice_versions', noticeVersionsCheck)
  audit.registerContentCheck('deliberation_seals', meetingSealsCheck)
  return audit.verify()
}

import type { DataSource } from 'typeorm'
import type { AuditVerifyResult } from '@xiangli/shared'
import { AuditService } from '../core/audit/audit.service'
import { registerContentChecks } from '../modules/audit/content-checks'

/**
 * The whole check, outside a running server: the chain itself, then the records it vouches for by
 * digest (notices, sealed meetings, certificates and the seal-use register), as a check run on the server
 * runs them.
 */
export function verifyChain(ds: DataSource): Promise<AuditVerifyResult> {
  const audit = new AuditService(ds)
  registerContentChecks(audit)
  return audit.verify()
}

import { AuditVerifyRun } from './audit-verify-run.entity'

export { AuditVerifyRun }
export const AUDIT_ENTITIES = [AuditVerifyRun]

import { Module } from '@nestjs/common'
import { AuditLogRepository } from './audit-log.repository'
import { AuditVerifyRunsRepository } from './audit-verify-runs.repository'
import { ContentChecks } from './content-checks'
import { AuditLogController } from './http/audit-log.controller'
import { AuditTrail } from './use-cases/audit-trail'
import { VerifyRuns } from './use-cases/verify-runs'

@Module({
  controllers: [AuditLogController],
  providers: [AuditLogRepository, AuditVerifyRunsRepository, AuditTrail, VerifyRuns, ContentChecks],
})
export class AuditLogModule {}

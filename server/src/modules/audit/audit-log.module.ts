import { Module } from '@nestjs/common'
import { AuditLogRepository } from './audit-log.repository'
import { ContentChecks } from './content-checks'
import { AuditLogController } from './http/audit-log.controller'
import { AuditTrail } from './use-cases/audit-trail'

@Module({ controllers: [AuditLogController], providers: [AuditLogRepository, AuditTrail, ContentChecks] })
export class AuditLogModule {}

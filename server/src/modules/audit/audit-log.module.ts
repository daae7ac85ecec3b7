import { Module } from '@nestjs/common'
import { AuditLogController } from './audit-log.controller'
import { ContentChecks } from './content-checks'

@Module({ controllers: [AuditLogController], providers: [ContentChecks] })
export class AuditLogModule {}

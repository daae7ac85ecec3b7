import { Global, Module } from '@nestjs/common'
import { AuditService } from './audit.service'
import { TxService } from '../tx/tx.service'
import { UtcSession } from '../database/utc-session'

@Global()
@Module({ providers: [UtcSession, AuditService, TxService], exports: [AuditService, TxService] })
export class AuditModule {}

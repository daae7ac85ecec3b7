import { Global, Module } from '@nestjs/common'
import { AuditService } from './audit.service'
import { TxService } from '../tx/tx.service'

@Global()
@Module({ providers: [AuditService, TxService], exports: [AuditService, TxService] })
export class AuditModule {}

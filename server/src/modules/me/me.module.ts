import { Module } from '@nestjs/common'
import { VerificationModule } from '../verification/verification.module'
import { MeController } from './me.controller'
import { MeService } from './me.service'

@Module({ imports: [VerificationModule], controllers: [MeController], providers: [MeService] })
export class MeModule {}

import { Module } from '@nestjs/common'
import { VerificationModule } from '../verification/verification.module'
import { MeController } from './http/me.controller'
import { MyAccount } from './use-cases/my-account'

@Module({
  imports: [VerificationModule],
  controllers: [MeController],
  providers: [MyAccount],
})
export class MeModule {}

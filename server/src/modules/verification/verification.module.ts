import { Module } from '@nestjs/common'
import { VerificationController } from './http/verification.controller'
import { ClaimDecisions } from './use-cases/claim-decisions'
import { ClaimPhoneSealing } from './use-cases/claim-phone-sealing'
import { ClaimReads } from './use-cases/claim-reads'
import { Claims } from './use-cases/claims'
import { VerificationRepository } from './verification.repository'
import { VerificationService } from './verification.service'

@Module({
  controllers: [VerificationController],
  providers: [
    VerificationRepository,
    ClaimReads,
    ClaimDecisions,
    Claims,
    VerificationService,
    ClaimPhoneSealing,
  ],
  exports: [VerificationService],
})
export class VerificationModule {}

import { Module } from '@nestjs/common'
import { ConsentsModule } from '../privacy/consents.module'
import { VerificationController } from './http/verification.controller'
import { ClaimDecisions } from './use-cases/claim-decisions'
import { ClaimPhoneSealing } from './use-cases/claim-phone-sealing'
import { ClaimReads } from './use-cases/claim-reads'
import { Claims } from './use-cases/claims'
import { VerificationPersonalData } from './verification-personal-data.repository'
import { VerificationRepository } from './verification.repository'
import { VerificationService } from './verification.service'

@Module({
  imports: [ConsentsModule],
  controllers: [VerificationController],
  providers: [
    VerificationRepository,
    ClaimReads,
    ClaimDecisions,
    Claims,
    VerificationService,
    ClaimPhoneSealing,
    VerificationPersonalData,
  ],
  exports: [VerificationService, VerificationPersonalData],
})
export class VerificationModule {}

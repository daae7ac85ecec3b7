import { Module } from '@nestjs/common'
import { PrivacyConsents } from './privacy-consents'
import { PrivacyRepository } from './privacy.repository'
import { Consents } from './use-cases/consents'

/**
 * The consents alone, so that 实名认证 can ask for one without depending on everything 我的数据
 * gathers (which includes 实名认证 itself).
 */
@Module({
  providers: [PrivacyRepository, Consents, PrivacyConsents],
  exports: [PrivacyRepository, Consents, PrivacyConsents],
})
export class ConsentsModule {}

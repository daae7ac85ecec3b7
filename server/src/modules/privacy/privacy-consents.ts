import { Injectable } from '@nestjs/common'
import { ID_NUMBER_CONSENT } from '@xiangli/shared'
import type { EntityManager } from 'typeorm'
import { AppException } from '../../core/errors/app.exception'
import { PrivacyRepository } from './privacy.repository'

/** What other modules ask of the consents: 实名认证 takes no ID number without its own consent. */
@Injectable()
export class PrivacyConsents {
  constructor(private readonly repo: PrivacyRepository) {}

  /** Refuses (403 ID_NUMBER_CONSENT_REQUIRED) unless the account accepted today's ID-number words. */
  async mustHaveIdNumberConsent(accountId: number, m?: EntityManager): Promise<void> {
    if (!(await this.repo.hasConsent(accountId, 'id_number', ID_NUMBER_CONSENT.version, m)))
      throw new AppException('ID_NUMBER_CONSENT_REQUIRED')
  }
}

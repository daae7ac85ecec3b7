import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import { maskIdNumber, type VerificationView } from '@xiangli/shared'
import { FieldCrypto } from '../../core/crypto/field-crypto.service'
import { VerificationRepository } from './verification.repository'
import { ClaimReads } from './use-cases/claim-reads'

/** What other modules may ask of 实名认证: one's own claims, and how many wait in a village. */
@Injectable()
export class VerificationService {
  constructor(
    private readonly reads: ClaimReads,
    private readonly repo: VerificationRepository,
    private readonly crypto: FieldCrypto,
  ) {}

  /** The account's latest claims, newest first (its profile shows them). */
  listMine(accountId: number): Promise<VerificationView[]> {
    return this.reads.mine(accountId)
  }

  /** How many claims wait for the village's 两委. */
  pendingCount(villageId: number): Promise<number> {
    return this.repo.pendingCount(villageId)
  }

  /**
   * For the demo seeder: a claim on a roster person waiting for the 两委, in the seeder's
   * transaction. As the demo has always had it, it leaves pendingResidentId unset.
   */
  async seedDemoClaim(
    m: EntityManager,
    claim: {
      accountId: number
      villageId: number
      residentId: number
      name: string
      idNumber: string
      phone: string
    },
  ): Promise<void> {
    const { idNumber, phone, ...who } = claim
    const { phoneEnc, phoneMasked } = this.crypto.sealPhone(phone)
    await this.repo.insertClaim(m, {
      ...who,
      phoneEnc,
      phoneMasked,
      pendingResidentId: null,
      idNumberEnc: this.crypto.encrypt(idNumber),
      idNumberMasked: maskIdNumber(idNumber),
      state: 'pending',
      reason: null,
      decidedByAccountId: null,
      decidedAt: null,
    })
  }
}

import { Injectable } from '@nestjs/common'
import type { VerificationView } from '@xiangli/shared'
import { VerificationRepository } from './verification.repository'
import { ClaimReads } from './use-cases/claim-reads'

/** What other modules may ask of 实名认证: one's own claims, and how many wait in a village. */
@Injectable()
export class VerificationService {
  constructor(
    private readonly reads: ClaimReads,
    private readonly repo: VerificationRepository,
  ) {}

  /** The account's latest claims, newest first (its profile shows them). */
  listMine(accountId: number): Promise<VerificationView[]> {
    return this.reads.mine(accountId)
  }

  /** How many claims wait for the village's 两委. */
  pendingCount(villageId: number): Promise<number> {
    return this.repo.pendingCount(villageId)
  }
}

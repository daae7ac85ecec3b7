import { Injectable } from '@nestjs/common'
import type { CertificateRequestView } from '@xiangli/shared'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { CertificateReads } from './request-reads'
import { RequestSteps } from './request-steps'

/**
 * 作废: an issued certificate is revoked with a reason; it keeps its number and register line, the
 * chain records the revocation, and the public check answers 已作废 from then on.
 */
@Injectable()
export class CertificateRevocation {
  constructor(
    private readonly steps: RequestSteps,
    private readonly reads: CertificateReads,
  ) {}

  async revoke(a: ActingContext, id: number, reason: string): Promise<CertificateRequestView> {
    await this.steps.step(a, id, 'revoke', async (m, r, now) => {
      await this.steps.tellApplicant(m, r, `您的${r.itemName}已作废`, `证明编号 ${r.number}。原因：${reason}`)
      return { revokedAt: now, revokeReason: reason }
    })
    return this.reads.detail(a.viewer, a.villageId, id)
  }
}

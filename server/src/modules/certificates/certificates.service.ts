import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import type { CertificateCheckQuery, PublicCertificateCheck } from '@xiangli/shared'
import { CertificatesRepository } from './certificates.repository'
import { DemoCertificates, type DemoCertificateSeed } from './use-cases/demo-certificates'
import { PublicCheck } from './use-cases/public-check'

export type { DemoCertificateSeed, DemoRequest } from './use-cases/demo-certificates'

/** What other modules may ask of 出具证明. */
@Injectable()
export class CertificatesService {
  constructor(
    private readonly demo: DemoCertificates,
    private readonly publicCheck: PublicCheck,
    private readonly repo: CertificatesRepository,
  ) {}

  /** The township's dashboard: certificates issued per village and item, in each of `years`. */
  async issuedByYear(villageIds: number[], years: number[]) {
    const out: { villageId: number; year: number; itemCode: string; itemName: string; issued: number }[] = []
    for (const year of years)
      for (const c of await this.repo.issuedCounts(villageIds, year))
        out.push({
          villageId: c.villageId,
          year,
          itemCode: c.itemCode,
          itemName: c.itemName,
          issued: c.issued + c.revoked,
        })
    return out
  }

  /** The home page's counts: requests to approve (for the 两委), the applicant's to resubmit. */
  async waiting(villageId: number, accountId: number, committee: boolean) {
    return {
      toApprove: committee ? await this.repo.toApprove(villageId) : 0,
      toResubmit: await this.repo.toResubmit(villageId, accountId),
    }
  }

  /** The public check of a number and its code, as the QR code's page shows it to anyone. */
  check(q: CertificateCheckQuery): Promise<PublicCertificateCheck> {
    return this.publicCheck.check(q)
  }

  /**
   * The demo village's certificates, in the seeder's transaction: its change to the list, requests
   * issued in the past (numbered, in the register and the audit chain as issuing leaves them) and
   * requests still waiting.
   */
  seedDemo(m: EntityManager, seed: DemoCertificateSeed): Promise<void> {
    return this.demo.seed(m, seed)
  }
}

import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import type { CertificateCheckQuery, PublicCertificateCheck } from '@xiangli/shared'
import { DemoCertificates, type DemoCertificateSeed } from './use-cases/demo-certificates'
import { PublicCheck } from './use-cases/public-check'

export type { DemoCertificateSeed, DemoRequest } from './use-cases/demo-certificates'

/** What other modules may ask of 出具证明. */
@Injectable()
export class CertificatesService {
  constructor(
    private readonly demo: DemoCertificates,
    private readonly publicCheck: PublicCheck,
  ) {}

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

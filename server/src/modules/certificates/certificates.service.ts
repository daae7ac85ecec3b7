import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import { DemoCertificates, type DemoCertificateSeed } from './use-cases/demo-certificates'

export type { DemoCertificateSeed, DemoRequest } from './use-cases/demo-certificates'

/** What other modules may ask of 出具证明. */
@Injectable()
export class CertificatesService {
  constructor(private readonly demo: DemoCertificates) {}

  /**
   * The demo village's certificates, in the seeder's transaction: its change to the list, requests
   * issued in the past (numbered, in the register and the audit chain as issuing leaves them) and
   * requests still waiting.
   */
  seedDemo(m: EntityManager, seed: DemoCertificateSeed): Promise<void> {
    return this.demo.seed(m, seed)
  }
}

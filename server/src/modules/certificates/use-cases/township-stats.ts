import { Injectable } from '@nestjs/common'
import type { CertificateStats } from '@xiangli/shared'
import type { TownshipContext } from '../../../core/auth/current.decorator'
import { OrgsService } from '../../orgs/orgs.service'
import { presentStats } from '../certificates.presenter'
import { CertificatesRepository } from '../certificates.repository'

/** The township's measure of the 万能章 clean-up: how many certificates each village issues, per item. */
@Injectable()
export class TownshipCertificateStats {
  constructor(
    private readonly repo: CertificatesRepository,
    private readonly orgs: OrgsService,
  ) {}

  /** Certificates numbered in the year, per village and per item, issued and revoked. */
  async stats(t: TownshipContext, year: number): Promise<CertificateStats> {
    const villages = await this.orgs.villagesOf(t.townshipId)
    const counted = await this.repo.issuedCounts(
      villages.map((v) => v.id),
      year,
    )
    return presentStats(t.townshipId, year, villages, counted)
  }
}

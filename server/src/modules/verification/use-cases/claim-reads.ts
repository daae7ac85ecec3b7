import { Injectable } from '@nestjs/common'
import type { Page, VerificationQuery, VerificationView } from '@xiangli/shared'
import { OrgsService } from '../../orgs/orgs.service'
import type { VerificationRequest } from '../entities/verification-request.entity'
import { presentClaim } from '../verification.presenter'
import { VerificationRepository } from '../verification.repository'
import { MY_CLAIMS_SHOWN } from '../verification.rules'

/** Reading claims: the 两委's list of a village's claims, and one's own. */
@Injectable()
export class ClaimReads {
  constructor(
    private readonly repo: VerificationRepository,
    private readonly orgs: OrgsService,
  ) {}

  async list(villageId: number, q: VerificationQuery): Promise<Page<VerificationView>> {
    const [rows, total] = await this.repo.page(villageId, q)
    return { items: await this.views(rows), total, page: q.page, pageSize: q.pageSize }
  }

  async mine(accountId: number): Promise<VerificationView[]> {
    return this.repo.mineViews(accountId, MY_CLAIMS_SHOWN)
  }

  async views(rows: VerificationRequest[]): Promise<VerificationView[]> {
    const names = await this.orgs.names([...new Set(rows.map((r) => r.villageId))])
    return rows.map((r) => presentClaim(r, names.get(r.villageId) ?? ''))
  }
}

import { Injectable } from '@nestjs/common'
import { DataSource, IsNull } from 'typeorm'
import { sortRoles, type HomeSummary } from '@xiangli/shared'
import type { Principal } from '../../core/auth/principal'
import { OrgsService } from '../orgs/orgs.service'
import { Notification } from '../inbox/entities/notification.entity'
import { VerificationRequest } from '../verification/entities/verification-request.entity'

@Injectable()
export class HomeService {
  constructor(
    private readonly ds: DataSource,
    private readonly orgs: OrgsService,
  ) {}

  async summary(villageId: number, p: Principal): Promise<HomeSummary> {
    const v = await this.orgs.villageView(villageId)
    const roles = sortRoles(p.roles.get(villageId) ?? [])
    const decides = roles.includes('committee_member') || roles.includes('party_secretary')
    return {
      org: {
        id: v.id,
        kind: v.kind,
        name: v.name,
        code: v.code,
        parentId: v.parentId,
        parentName: v.parentName,
      },
      roles,
      unread: await this.ds.getRepository(Notification).countBy({ accountId: p.accountId, readAt: IsNull() }),
      pendingVerifications: decides
        ? await this.ds.getRepository(VerificationRequest).countBy({ villageId, state: 'pending' })
        : null,
      householdCount: v.householdCount,
      residentCount: v.residentCount,
    }
  }
}

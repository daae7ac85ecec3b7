import { Injectable } from '@nestjs/common'
import { sortRoles, type HomeSummary } from '@xiangli/shared'
import type { Viewer } from '../../../core/access/viewer'
import { InboxService } from '../../inbox/inbox.service'
import { OrgsService } from '../../orgs/orgs.service'
import { VerificationService } from '../../verification/verification.service'
import { seesPendingVerifications } from '../home.policy'
import { presentHome } from '../home.presenter'

/** A village's first page, gathered from the modules that own each part of it. */
@Injectable()
export class VillageHome {
  constructor(
    private readonly orgs: OrgsService,
    private readonly inbox: InboxService,
    private readonly verifications: VerificationService,
  ) {}

  async summary(v: Viewer, villageId: number): Promise<HomeSummary> {
    const village = await this.orgs.villageView(villageId)
    const unread = (await this.inbox.unread(v.accountId)).count
    const pending = seesPendingVerifications(v, villageId)
      ? await this.verifications.pendingCount(villageId)
      : null
    return presentHome(village, sortRoles(v.rolesIn(villageId)), unread, pending)
  }
}

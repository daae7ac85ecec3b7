import { Injectable } from '@nestjs/common'
import { sortRoles, type CommitteeWaiting, type HomeMine, type HomeSummary } from '@xiangli/shared'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { Clock } from '../../../core/clock/clock'
import { CertificatesService } from '../../certificates/certificates.service'
import { DeliberationsService } from '../../deliberations/deliberations.service'
import { GrievancesService } from '../../grievances/grievances.service'
import { InboxService } from '../../inbox/inbox.service'
import { NoticesService } from '../../notices/notices.service'
import { OrgsService } from '../../orgs/orgs.service'
import { VerificationService } from '../../verification/verification.service'
import { handlesVillageWork, reviewsNotices, seesPendingVerifications } from '../home.policy'
import { presentHome } from '../home.presenter'

/**
 * A village's first page, gathered from the modules that own each part of it, in one call: what the
 * village is, what waits on the person as a resident, and what waits on them as a member of the 两委
 * or the supervision committee. Every part is a count over an indexed column or a short list, so the
 * page stays cheap however large the village grows.
 */
@Injectable()
export class VillageHome {
  constructor(
    private readonly orgs: OrgsService,
    private readonly inbox: InboxService,
    private readonly verifications: VerificationService,
    private readonly grievances: GrievancesService,
    private readonly certificates: CertificatesService,
    private readonly notices: NoticesService,
    private readonly deliberations: DeliberationsService,
    private readonly clock: Clock,
  ) {}

  async summary(a: ActingContext): Promise<HomeSummary> {
    const { viewer: v, villageId } = a
    const now = this.clock.now()
    const committee = handlesVillageWork(v, villageId)
    const supervisor = reviewsNotices(v, villageId)
    const roles = sortRoles(v.rolesIn(villageId))

    const village = await this.orgs.villageView(villageId)
    const unread = (await this.inbox.unread(v.accountId)).count
    const pending = seesPendingVerifications(v, villageId)
      ? await this.verifications.pendingCount(villageId)
      : null
    const notices = await this.notices.waiting(a, { committee, supervisor })
    const certificates = await this.certificates.waiting(villageId, v.accountId, committee)
    const mine: HomeMine = {
      newNotices: notices.unread,
      meetings: await this.deliberations.meetingsFor(villageId, v.residentIdIn(villageId)),
      toRate: await this.grievances.toRate(villageId, v.accountId),
      toResubmit: certificates.toResubmit,
    }

    let waiting: CommitteeWaiting | null = null
    if (committee || supervisor) {
      const issues = committee
        ? await this.grievances.waitingInVillage(villageId, now)
        : { toAccept: 0, toAnswer: 0, overdue: 0 }
      const d = await this.deliberations.waitingOn(villageId, roles, committee)
      waiting = {
        grievancesToAccept: issues.toAccept,
        grievancesToAnswer: issues.toAnswer,
        grievancesOverdue: issues.overdue,
        certificatesToApprove: certificates.toApprove,
        objectionsToAnswer: notices.objectionsToAnswer,
        deliberationsWaiting: d.deliberations,
        petitionsReached: d.petitionsReached,
        noticesToReview: notices.toReview,
      }
    }
    return presentHome(village, roles, unread, pending, mine, waiting)
  }
}

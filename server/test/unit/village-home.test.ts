import type { Role, VillageView } from '@xiangli/shared'
import type { Clock } from '../../src/core/clock/clock'
import type { ActingContext } from '../../src/core/auth/current.decorator'
import type { CertificatesService } from '../../src/modules/certificates/certificates.service'
import type { DeliberationsService } from '../../src/modules/deliberations/deliberations.service'
import type { GrievancesService } from '../../src/modules/grievances/grievances.service'
import type { NoticesService } from '../../src/modules/notices/notices.service'
import { VillageHome } from '../../src/modules/home/use-cases/village-home'
import type { InboxService } from '../../src/modules/inbox/inbox.service'
import type { OrgsService } from '../../src/modules/orgs/orgs.service'
import type { VerificationService } from '../../src/modules/verification/verification.service'
import { viewerWith } from './support/viewer'

const VILLAGE = 7
const TOWNSHIP = 3

const acting = (roles: Record<number, Role[]>) =>
  ({ viewer: viewerWith(roles), villageId: VILLAGE }) as unknown as ActingContext

const village: VillageView = {
  id: VILLAGE,
  kind: 'village',
  name: '柳林村',
  code: 'LL',
  parentId: TOWNSHIP,
  parentName: '柳林镇',
  settings: {} as VillageView['settings'],
  householdCount: 12,
  residentCount: 40,
  groups: [],
}

function home(pending = 4) {
  const asked: number[] = []
  const orgs = { villageView: async () => village } as unknown as OrgsService
  const inbox = { unread: async () => ({ count: 2 }) } as unknown as InboxService
  const verifications = {
    pendingCount: async (villageId: number): Promise<number> => {
      asked.push(villageId)
      return pending
    },
  } as unknown as VerificationService
  const grievances = {
    toRate: async () => 1,
    waitingInVillage: async () => ({ toAccept: 2, toAnswer: 3, overdue: 1 }),
  } as unknown as GrievancesService
  const certificates = {
    waiting: async (_v: number, _a: number, committee: boolean) => ({
      toApprove: committee ? 5 : 0,
      toResubmit: 1,
    }),
  } as unknown as CertificatesService
  const notices = {
    waiting: async (_a: unknown, o: { committee: boolean; supervisor: boolean }) => ({
      unread: 6,
      objectionsToAnswer: o.committee ? 2 : 0,
      toReview: o.supervisor ? 1 : 0,
    }),
  } as unknown as NoticesService
  const deliberations = {
    meetingsFor: async () => [],
    waitingOn: async (_v: number, _r: unknown, convenes: boolean) => ({
      deliberations: 1,
      petitionsReached: convenes ? 1 : 0,
    }),
  } as unknown as DeliberationsService
  const clock = { now: () => new Date('2026-12-01T00:00:00Z') } as Clock
  return {
    home: new VillageHome(
      orgs,
      inbox,
      verifications,
      grievances,
      certificates,
      notices,
      deliberations,
      clock,
    ),
    asked,
  }
}

describe('a village home', () => {
  it('shows the 两委 how many verifications wait for them', async () => {
    const { home: h, asked } = home(4)
    const secretary = await h.summary(acting({ [VILLAGE]: ['resident', 'party_secretary'] }))
    const member = await h.summary(acting({ [VILLAGE]: ['committee_member'] }))
    expect([secretary.pendingVerifications, member.pendingVerifications]).toEqual([4, 4])
    expect(asked).toEqual([VILLAGE, VILLAGE])
  })

  it('shows no count to a resident, a supervisor or a township official looking in', async () => {
    const { home: h, asked } = home(4)
    const callers: Record<number, Role[]>[] = [
      { [VILLAGE]: ['resident'] },
      { [VILLAGE]: ['resident', 'supervisor'] },
      { [TOWNSHIP]: ['township_official'] },
    ]
    for (const roles of callers) expect((await h.summary(acting(roles))).pendingVerifications).toBeNull()
    expect(asked).toEqual([])
  })

  it('gives a plain resident their own waiting items and no committee counts', async () => {
    const { home: h } = home()
    const s = await h.summary(acting({ [VILLAGE]: ['resident'] }))
    expect(s.waiting).toBeNull()
    expect(s.mine).toEqual({ newNotices: 6, meetings: [], toRate: 1, toResubmit: 1 })
  })

  it('gives the 两委 the counts of each kind of work waiting on them', async () => {
    const { home: h } = home()
    const s = await h.summary(acting({ [VILLAGE]: ['resident', 'committee_member'] }))
    expect(s.waiting).toEqual({
      grievancesToAccept: 2,
      grievancesToAnswer: 3,
      grievancesOverdue: 1,
      certificatesToApprove: 5,
      objectionsToAnswer: 2,
      deliberationsWaiting: 1,
      petitionsReached: 1,
      noticesToReview: 0,
    })
  })

  it('lists the caller’s roles in the village, the most responsible first, and their unread count', async () => {
    const { home: h } = home()
    const s = await h.summary(acting({ [VILLAGE]: ['resident', 'supervisor', 'party_member'] }))
    expect(s).toEqual({
      org: {
        id: VILLAGE,
        kind: 'village',
        name: '柳林村',
        code: 'LL',
        parentId: TOWNSHIP,
        parentName: '柳林镇',
      },
      roles: ['supervisor', 'party_member', 'resident'],
      unread: 2,
      pendingVerifications: null,
      householdCount: 12,
      residentCount: 40,
      mine: { newNotices: 6, meetings: [], toRate: 1, toResubmit: 1 },
      waiting: {
        grievancesToAccept: 0,
        grievancesToAnswer: 0,
        grievancesOverdue: 0,
        certificatesToApprove: 0,
        objectionsToAnswer: 0,
        deliberationsWaiting: 1,
        petitionsReached: 0,
        noticesToReview: 1,
      },
    })
  })
})

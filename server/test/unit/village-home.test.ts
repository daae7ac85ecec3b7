import type { Role, VillageView } from '@xiangli/shared'
import { VillageHome } from '../../src/modules/home/use-cases/village-home'
import type { InboxService } from '../../src/modules/inbox/inbox.service'
import type { OrgsService } from '../../src/modules/orgs/orgs.service'
import type { VerificationService } from '../../src/modules/verification/verification.service'
import { viewerWith } from './support/viewer'

const VILLAGE = 7
const TOWNSHIP = 3

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
  return { home: new VillageHome(orgs, inbox, verifications), asked }
}

describe('a village home', () => {
  it('shows the 两委 how many verifications wait for them', async () => {
    const { home: h, asked } = home(4)
    const secretary = await h.summary(viewerWith({ [VILLAGE]: ['resident', 'party_secretary'] }), VILLAGE)
    const member = await h.summary(viewerWith({ [VILLAGE]: ['committee_member'] }), VILLAGE)
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
    for (const roles of callers)
      expect((await h.summary(viewerWith(roles), VILLAGE)).pendingVerifications).toBeNull()
    expect(asked).toEqual([])
  })

  it('lists the caller’s roles in the village, the most responsible first, and their unread count', async () => {
    const { home: h } = home()
    const s = await h.summary(viewerWith({ [VILLAGE]: ['resident', 'supervisor', 'party_member'] }), VILLAGE)
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
    })
  })
})

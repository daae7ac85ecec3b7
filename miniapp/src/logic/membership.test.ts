import { me, membership, verification } from '@/test/factories'
import { activeMembership, hasWorkbench, latestVerification, townshipOf, workbenchFor } from './membership'

describe('activeMembership', () => {
  const two = [
    membership({ orgId: 11, orgName: '幸福村' }),
    membership({ orgId: 12, orgName: '和平社区', orgKind: 'community' }),
  ]

  it('is the village the person chose last', () => {
    expect(
      activeMembership(me({ memberships: two, preferences: { elderMode: false, activeOrgId: 12 } }))?.orgName,
    ).toBe('和平社区')
  })

  it('falls back to the first membership when none was chosen', () => {
    expect(activeMembership(me({ memberships: two }))?.orgId).toBe(11)
  })

  it('falls back to the first membership when the chosen one is gone', () => {
    expect(
      activeMembership(me({ memberships: two, preferences: { elderMode: false, activeOrgId: 99 } }))?.orgId,
    ).toBe(11)
  })

  it('is null for a person not yet in any village', () => {
    expect(activeMembership(me({ memberships: [] }))).toBeNull()
  })
})

describe('latestVerification', () => {
  it('is the newest request', () => {
    const older = verification({ id: 1, state: 'rejected', createdAt: '2025-01-01T00:00:00.000Z' })
    const newer = verification({ id: 2, state: 'pending', createdAt: '2025-02-01T00:00:00.000Z' })
    expect(latestVerification(me({ verifications: [newer, older] }))?.id).toBe(2)
    expect(latestVerification(me({ verifications: [older, newer] }))?.id).toBe(2)
  })

  it('is null when the person never asked', () => {
    expect(latestVerification(me({ verifications: [] }))).toBeNull()
  })
})

describe('workbenchFor', () => {
  it('gives a committee member every workbench tool but 我的网格 and 我的小组, the first line’s', () => {
    const bench = workbenchFor(membership({ roles: ['resident', 'committee_member'] }))
    expect(
      Object.entries(bench)
        .filter(([, on]) => !on)
        .map(([k]) => k),
    ).toEqual(['myGrid', 'myGroup'])
  })

  it('gives the party secretary every workbench tool', () => {
    expect(workbenchFor(membership({ roles: ['party_secretary'] })).manageRoles).toBe(true)
  })

  it('lets a supervisor look at the roster, roles, audit trail and seal register but not change them or decide', () => {
    expect(workbenchFor(membership({ roles: ['resident', 'supervisor'] }))).toEqual({
      handleGrievances: false,
      reviewVerifications: false,
      viewRoster: true,
      importRoster: false,
      viewRoles: true,
      manageRoles: false,
      viewAudit: true,
      handleCertificates: false,
      viewSealRegister: true,
      actForResidents: false,
      answerAssigned: false,
      manageGrids: false,
      myGrid: false,
      myGroup: false,
    })
  })

  it('gives a 网格员 their grid, what is handed to them and 代办, and nothing else of the committee’s', () => {
    const bench = workbenchFor(membership({ roles: ['resident', 'grid_worker'] }))
    expect(
      Object.entries(bench)
        .filter(([, on]) => on)
        .map(([k]) => k),
    ).toEqual(['actForResidents', 'answerAssigned', 'myGrid'])
  })

  it('gives a 村民小组长 their group and what is handed to them, and no grid', () => {
    const bench = workbenchFor(membership({ roles: ['resident', 'group_leader'] }))
    expect(
      Object.entries(bench)
        .filter(([, on]) => on)
        .map(([k]) => k),
    ).toEqual(['answerAssigned', 'myGroup'])
  })

  it('gives residents, representatives and party members no workbench', () => {
    expect(
      hasWorkbench(workbenchFor(membership({ roles: ['resident', 'representative', 'party_member'] }))),
    ).toBe(false)
  })

  it('gives no village workbench for a post held at a township', () => {
    expect(hasWorkbench(workbenchFor(membership({ orgKind: 'township', roles: ['committee_member'] })))).toBe(
      false,
    )
  })

  it('gives nothing without a membership', () => {
    expect(hasWorkbench(workbenchFor(null))).toBe(false)
  })
})

describe('townshipOf', () => {
  it('is the township where the person is an official', () => {
    expect(townshipOf(membership({ orgId: 7, orgKind: 'township', roles: ['township_official'] }))).toBe(7)
    expect(townshipOf(membership({ orgId: 8, orgKind: 'street', roles: ['township_official'] }))).toBe(8)
  })

  it('is null for a village membership or another post at a township', () => {
    expect(townshipOf(membership({ roles: ['committee_member'] }))).toBeNull()
    expect(townshipOf(membership({ orgKind: 'township', roles: ['system_admin'] }))).toBeNull()
    expect(townshipOf(null)).toBeNull()
  })
})

import type { RoleHolderView } from '@xiangli/shared'
import { ASSIGNABLE_ROLES, groupRoleHolders, isAssignable } from './roles'

const holder = (overrides: Partial<RoleHolderView>): RoleHolderView => ({
  id: 1,
  residentId: 1,
  accountId: 1,
  name: '张三',
  role: 'representative',
  since: '2025-01-01T00:00:00.000Z',
  ...overrides,
})

describe('roles', () => {
  it('offers the village posts the server accepts and nothing above the village', () => {
    expect(ASSIGNABLE_ROLES).toEqual([
      'representative',
      'party_member',
      'committee_member',
      'party_secretary',
      'supervisor',
      'group_leader',
    ])
    expect(isAssignable('township_official')).toBe(false)
    // a 网格员 is named with their grid, on the grids page
    expect(isAssignable('grid_worker')).toBe(false)
    expect(isAssignable('supervisor')).toBe(true)
  })

  it('lists the most responsible post first', () => {
    const groups = groupRoleHolders([
      holder({ id: 1, role: 'representative' }),
      holder({ id: 2, role: 'party_secretary' }),
      holder({ id: 3, role: 'committee_member' }),
      holder({ id: 4, role: 'representative', name: '李四' }),
    ])
    expect(groups.map((g) => g.role)).toEqual(['party_secretary', 'committee_member', 'representative'])
    expect(groups[2]!.holders).toHaveLength(2)
  })
})

import { ORG_KINDS, type OrgKind } from './org'
import {
  COMMITTEE_ROLES,
  OVERSIGHT_ROLES,
  ROLE_LABELS,
  ROLE_ORDER,
  ROLES,
  roleAllowedAt,
  sortRoles,
  type Role,
} from './roles'

const WHERE: Record<Role, readonly OrgKind[]> = {
  resident: ['village', 'community'],
  representative: ['village', 'community'],
  party_member: ['village', 'community'],
  committee_member: ['village', 'community'],
  party_secretary: ['village', 'community'],
  supervisor: ['village', 'community'],
  grid_worker: ['village', 'community'],
  group_leader: ['village', 'community'],
  township_official: ['township', 'street'],
  system_admin: ['county'],
}

describe('roleAllowedAt', () => {
  const cases = ROLES.flatMap((role) =>
    ORG_KINDS.map((kind) => [role, kind, WHERE[role].includes(kind)] as const),
  )

  it('covers every role at every kind of organisation', () => {
    expect(cases).toHaveLength(ROLES.length * ORG_KINDS.length)
  })

  it.each(cases)('%s at a %s: %s', (role, kind, allowed) => {
    expect(roleAllowedAt(role, kind)).toBe(allowed)
  })

  it('never allows a role in a villager group', () => {
    expect(ROLES.filter((r) => roleAllowedAt(r, 'group'))).toEqual([])
  })
})

describe('role lists', () => {
  it('labels every role in Chinese', () => {
    for (const role of ROLES) expect(ROLE_LABELS[role]).toMatch(/[\u4e00-\u9fff]/)
  })

  it('orders roles from the most responsible, each with its own rank', () => {
    expect(new Set(ROLES.map((r) => ROLE_ORDER[r])).size).toBe(ROLES.length)
    expect(sortRoles(['resident', 'committee_member', 'party_secretary'])).toEqual([
      'party_secretary',
      'committee_member',
      'resident',
    ])
  })

  it('does not reorder the list it is given', () => {
    const given: Role[] = ['resident', 'system_admin']
    sortRoles(given)
    expect(given).toEqual(['resident', 'system_admin'])
  })

  it('keeps the two committees inside the oversight roles', () => {
    for (const r of COMMITTEE_ROLES) expect(OVERSIGHT_ROLES).toContain(r)
    expect(OVERSIGHT_ROLES).toContain('supervisor')
  })
})

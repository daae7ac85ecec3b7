import type { OrgKind } from './org'

export const ROLES = [
  'resident',
  'representative',
  'party_member',
  'committee_member',
  'party_secretary',
  'supervisor',
  'township_official',
  'system_admin',
] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  resident: '村（居）民',
  representative: '村（居）民代表',
  party_member: '党员',
  committee_member: '村（居）委会成员',
  party_secretary: '党组织书记',
  supervisor: '监督委员会成员',
  township_official: '乡镇（街道）干部',
  system_admin: '系统管理员',
}

/** Where each role may be held. A village-level role is held in a village or community. */
export function roleAllowedAt(role: Role, kind: OrgKind): boolean {
  switch (role) {
    case 'township_official':
      return kind === 'township' || kind === 'street'
    case 'system_admin':
      return kind === 'county'
    case 'resident':
    case 'representative':
    case 'party_member':
    case 'committee_member':
    case 'party_secretary':
    case 'supervisor':
      return kind === 'village' || kind === 'community'
  }
}

/** 两委: the village committee and the party branch run the daily work. */
export const COMMITTEE_ROLES: readonly Role[] = ['committee_member', 'party_secretary']
/** Roles that see the roster and the audit trail of a village. */
export const OVERSIGHT_ROLES: readonly Role[] = ['committee_member', 'party_secretary', 'supervisor']

/** Everyone who lives in or serves a village. */
export const ANY_VILLAGE_ROLE: readonly Role[] = [
  'resident',
  'representative',
  'party_member',
  'committee_member',
  'party_secretary',
  'supervisor',
]
/** Who works at a township or street office. */
export const TOWNSHIP_ROLES: readonly Role[] = ['township_official']

/** Roles are shown in this order in switchers and profiles: the most responsible first. */
export const ROLE_ORDER: Record<Role, number> = {
  system_admin: 0,
  township_official: 1,
  party_secretary: 2,
  committee_member: 3,
  supervisor: 4,
  representative: 5,
  party_member: 6,
  resident: 7,
}

export const sortRoles = (roles: readonly Role[]): Role[] =>
  [...roles].sort((a, b) => ROLE_ORDER[a] - ROLE_ORDER[b])

import type { OrgKind } from './org'

export const ROLES = [
  'resident',
  'representative',
  'party_member',
  'committee_member',
  'party_secretary',
  'supervisor',
  'grid_worker',
  'group_leader',
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
  grid_worker: '网格员',
  group_leader: '村民小组长',
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
    case 'grid_worker':
    case 'group_leader':
      return kind === 'village' || kind === 'community'
  }
}

/** 两委: the village committee and the party branch run the daily work. */
export const COMMITTEE_ROLES: readonly Role[] = ['committee_member', 'party_secretary']
/** Roles that see the roster and the audit trail of a village. */
export const OVERSIGHT_ROLES: readonly Role[] = ['committee_member', 'party_secretary', 'supervisor']

/**
 * The first line (网格员, 村民小组长): they collect residents' concerns and handle the issues the
 * 两委 hand them, within their grid or group; they are not the committee.
 */
export const FRONTLINE_ROLES: readonly Role[] = ['grid_worker', 'group_leader']
/** Who the 两委 may hand a resident's issue to: one of themselves or someone of the first line. */
export const GRIEVANCE_ASSIGNEE_ROLES: readonly Role[] = [...COMMITTEE_ROLES, ...FRONTLINE_ROLES]

/** Everyone who lives in or serves a village. */
export const ANY_VILLAGE_ROLE: readonly Role[] = [
  'resident',
  'representative',
  'party_member',
  'committee_member',
  'party_secretary',
  'supervisor',
  'grid_worker',
  'group_leader',
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
  grid_worker: 5,
  group_leader: 6,
  representative: 7,
  party_member: 8,
  resident: 9,
}

export const sortRoles = (roles: readonly Role[]): Role[] =>
  [...roles].sort((a, b) => ROLE_ORDER[a] - ROLE_ORDER[b])

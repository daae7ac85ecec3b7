import type { Role } from '@xiangli/shared'

/** Who is calling, with every role they hold, loaded fresh for each request. */
export interface Principal {
  accountId: number
  displayName: string
  /** orgId → roles held there (villages, communities, townships, the county for admins) */
  roles: Map<number, Role[]>
  /** residents rows linked to this account: villageId → residentId */
  residentIn: Map<number, number>
}

export const hasRoleIn = (p: Principal, orgId: number, roles: readonly Role[]): Role | null => {
  const held = p.roles.get(orgId) ?? []
  return roles.find((r) => held.includes(r)) ?? null
}

export const isSystemAdmin = (p: Principal): boolean =>
  [...p.roles.values()].some((roles) => roles.includes('system_admin'))

export const isVerified = (p: Principal): boolean => p.residentIn.size > 0

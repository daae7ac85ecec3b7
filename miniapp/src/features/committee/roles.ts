import {
  ROLE_ORDER,
  assignRoleSchema,
  type AssignRoleRequest,
  type Role,
  type RoleHolderView,
} from '@xiangli/shared'

/** The posts a committee can give in a village, from the shared request schema. */
export const ASSIGNABLE_ROLES: readonly AssignRoleRequest['role'][] = assignRoleSchema.shape.role.options

export const isAssignable = (role: Role): role is AssignRoleRequest['role'] =>
  (ASSIGNABLE_ROLES as readonly Role[]).includes(role)

export interface RoleGroup {
  role: Role
  holders: RoleHolderView[]
}

/** Holders grouped by post, the most responsible post first, names in order within a post. */
export function groupRoleHolders(holders: readonly RoleHolderView[]): RoleGroup[] {
  const groups = new Map<Role, RoleHolderView[]>()
  for (const h of holders) groups.set(h.role, [...(groups.get(h.role) ?? []), h])
  return [...groups.entries()]
    .sort(([a], [b]) => ROLE_ORDER[a] - ROLE_ORDER[b])
    .map(([role, list]) => ({
      role,
      holders: list.sort((x, y) => x.name.localeCompare(y.name, 'zh-Hans-CN')),
    }))
}

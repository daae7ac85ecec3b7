import type { RoleAssignment } from './entities/role-assignment.entity'

/** What the audit digests see of a role assignment. */
export const snapshot = (a: RoleAssignment) => ({
  id: a.id,
  orgId: a.orgId,
  role: a.role,
  residentId: a.residentId,
  accountId: a.accountId,
})

/** A village role belongs to the roster row, so it follows the person to whichever account they verify with. */
export const residentHolder = (residentId: number): string => `r:${residentId}`

import { sortRoles, type Membership, type OrgView, type Role } from '@xiangli/shared'

/** The organisations one holds roles in, by id, each with one's roles there, the most responsible first. */
export const presentMemberships = (orgs: OrgView[], roles: Map<number, Role[]>): Membership[] =>
  orgs
    .map((o) => ({
      orgId: o.id,
      orgName: o.name,
      orgKind: o.kind,
      parentName: o.parentName,
      roles: sortRoles(roles.get(o.id) ?? []),
    }))
    .sort((a, b) => a.orgId - b.orgId)

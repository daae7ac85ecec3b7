import {
  COMMITTEE_ROLES,
  FRONTLINE_ROLES,
  OVERSIGHT_ROLES,
  isSelfGoverningUnit,
  isTownshipLevel,
  type Me,
  type Membership,
  type Role,
  type VerificationView,
  hasCapability,
} from '@xiangli/shared'

/** The village the person works in now: the one they chose last, else their first. */
export function activeMembership(me: Pick<Me, 'memberships' | 'preferences'>): Membership | null {
  const chosen = me.preferences.activeOrgId
  if (chosen !== null) {
    const found = me.memberships.find((m) => m.orgId === chosen)
    if (found) return found
  }
  return me.memberships[0] ?? null
}

export const hasAnyRole = (roles: readonly Role[], wanted: readonly Role[]): boolean =>
  roles.some((r) => wanted.includes(r))

/** The newest verification request, which is the one whose state the person cares about. */
export function latestVerification(me: Pick<Me, 'verifications'>): VerificationView | null {
  let latest: VerificationView | null = null
  for (const v of me.verifications) if (!latest || v.createdAt > latest.createdAt) latest = v
  return latest
}

/**
 * What the 村委工作台 offers to a role. The server decides for real; this only keeps the app from
 * showing doors that would open onto 您没有权限.
 */
export interface Workbench {
  /** 说事处理: the queue of residents' issues */
  handleGrievances: boolean
  reviewVerifications: boolean
  viewRoster: boolean
  importRoster: boolean
  viewRoles: boolean
  manageRoles: boolean
  viewAudit: boolean
  /** 证明审批: approve, refuse, revoke residents' certificates */
  handleCertificates: boolean
  /** 用印登记 */
  viewSealRegister: boolean
  /** 代办: file for a resident at the desk (a capability of roles, shared ROLE_CAPABILITIES) */
  actForResidents: boolean
  /** 交我办理: issues handed to the person (a committee member, 网格员 or 村民小组长) to answer */
  answerAssigned: boolean
  /** 网格管理: make grids, name their 网格员, put households in */
  manageGrids: boolean
  /** 我的网格: a 网格员's households and their issues, 民情收集 */
  myGrid: boolean
  /** 我的小组: a 村民小组长's villager group, household by household */
  myGroup: boolean
}

export function workbenchFor(membership: Pick<Membership, 'orgKind' | 'roles'> | null): Workbench {
  const inVillage = membership !== null && isSelfGoverningUnit(membership.orgKind)
  const roles = membership?.roles ?? []
  const committee = inVillage && hasAnyRole(roles, COMMITTEE_ROLES)
  const oversight = inVillage && hasAnyRole(roles, OVERSIGHT_ROLES)
  return {
    handleGrievances: committee,
    reviewVerifications: committee,
    viewRoster: oversight,
    importRoster: committee,
    viewRoles: oversight,
    manageRoles: committee,
    viewAudit: oversight,
    handleCertificates: committee,
    viewSealRegister: oversight,
    actForResidents: inVillage && hasCapability(roles, 'act_for_residents'),
    answerAssigned: committee || (inVillage && hasAnyRole(roles, FRONTLINE_ROLES)),
    manageGrids: committee,
    myGrid: inVillage && roles.includes('grid_worker'),
    myGroup: inVillage && roles.includes('group_leader'),
  }
}

export const hasWorkbench = (w: Workbench): boolean => Object.values(w).some(Boolean)

/** The township or street where the person is an official (乡镇督办), or null. */
export function townshipOf(
  membership: Pick<Membership, 'orgId' | 'orgKind' | 'roles'> | null,
): number | null {
  if (!membership || !isTownshipLevel(membership.orgKind)) return null
  return membership.roles.includes('township_official') ? membership.orgId : null
}

/** Whether the person lives in or serves this village or community (and so can raise an issue there). */
export const isVillageMembership = (membership: Pick<Membership, 'orgKind'> | null): boolean =>
  membership !== null && isSelfGoverningUnit(membership.orgKind)

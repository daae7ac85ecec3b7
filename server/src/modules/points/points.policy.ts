import { COMMITTEE_ROLES } from '@xiangli/shared'
import type { Viewer } from '../../core/access/viewer'

/** The 两委 publish the rules, award, keep the shop and record redemptions at the desk. */
export const isPointsCommittee = (v: Viewer, villageId: number): boolean =>
  v.holds(villageId, COMMITTEE_ROLES)

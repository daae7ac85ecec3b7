import { COMMITTEE_ROLES } from '@xiangli/shared'
import type { Viewer } from '../../core/access/viewer'

/** The verifications waiting in a village concern those who decide them: the 两委, not a township visitor. */
export const seesPendingVerifications = (v: Viewer, villageId: number): boolean =>
  v.holds(villageId, COMMITTEE_ROLES)

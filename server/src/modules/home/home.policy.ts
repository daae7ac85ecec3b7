import { COMMITTEE_ROLES } from '@xiangli/shared'
import type { Viewer } from '../../core/access/viewer'

/** The verifications waiting in a village concern those who decide them: the 两委, not a township visitor. */
export const seesPendingVerifications = (v: Viewer, villageId: number): boolean =>
  v.holds(villageId, COMMITTEE_ROLES)

/** Issues, certificate requests, objections and petitions wait on the 两委. */
export const handlesVillageWork = (v: Viewer, villageId: number): boolean =>
  v.holds(villageId, COMMITTEE_ROLES)

/** Notices submitted for review wait on the supervision committee (村务监督委员会). */
export const reviewsNotices = (v: Viewer, villageId: number): boolean => v.holds(villageId, ['supervisor'])

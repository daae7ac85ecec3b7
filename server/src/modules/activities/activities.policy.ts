import { COMMITTEE_ROLES } from '@xiangli/shared'
import type { Viewer } from '../../core/access/viewer'
import { AppException } from '../../core/errors/app.exception'

/** The 两委 publish and run their village's activities and see drafts. */
export const isActivityOrganiser = (v: Viewer, villageId: number): boolean =>
  v.holds(villageId, COMMITTEE_ROLES)

/** Only a person on the village's roster signs up and checks in; their roster id. */
export function mustBeResident(v: Viewer, villageId: number): number {
  const residentId = v.residentIdIn(villageId)
  if (residentId === null) throw new AppException('ACTIVITY_NOT_A_RESIDENT')
  return residentId
}

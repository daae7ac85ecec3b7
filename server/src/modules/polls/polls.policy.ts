import { COMMITTEE_ROLES } from '@xiangli/shared'
import type { Viewer } from '../../core/access/viewer'
import { AppException } from '../../core/errors/app.exception'

/** The 两委 create, close and always see the counts of their village's polls. */
export const isPollCommittee = (v: Viewer, villageId: number): boolean => v.holds(villageId, COMMITTEE_ROLES)

/** Only a person on the village's roster answers its polls; their roster id. */
export function mustBeResident(v: Viewer, villageId: number): number {
  const residentId = v.residentIdIn(villageId)
  if (residentId === null) throw new AppException('POLL_NOT_A_RESIDENT')
  return residentId
}

import { COMMITTEE_ROLES } from '@xiangli/shared'
import type { Viewer } from '../../core/access/viewer'
import { AppException } from '../../core/errors/app.exception'

/** A claim on a village's roster is decided by the 两委 of that village, nobody else. */
export const mayDecideClaims = (v: Viewer, villageId: number): boolean => v.holds(villageId, COMMITTEE_ROLES)

export function mustDecideClaims(v: Viewer, villageId: number): void {
  if (!mayDecideClaims(v, villageId)) throw new AppException('FORBIDDEN')
}

import { hasCapability, OVERSIGHT_ROLES } from '@xiangli/shared'
import type { Viewer } from '../../core/access/viewer'
import { AppException } from '../../core/errors/app.exception'
import type { ServiceRequest } from './entities/service-request.entity'

/** The desk: whoever may act for residents (两委, 网格员) takes and carries their papers. */
export const isServiceStaff = (v: Viewer, villageId: number): boolean =>
  hasCapability(v.rolesIn(villageId), 'act_for_residents')

export const isOwner = (v: Viewer, r: Pick<ServiceRequest, 'villageId' | 'residentId'>): boolean =>
  v.residentIdIn(r.villageId) === r.residentId

/**
 * A request is read by its resident, the desk and the supervision committee; anyone else is told
 * there is no such request, so ids reveal nothing.
 */
export function mustRead(v: Viewer, r: ServiceRequest): void {
  if (isOwner(v, r) || isServiceStaff(v, r.villageId) || v.holds(r.villageId, OVERSIGHT_ROLES)) return
  throw new AppException('SERVICE_REQUEST_NOT_FOUND')
}

export function mustBeStaff(v: Viewer, villageId: number): void {
  if (!isServiceStaff(v, villageId)) throw new AppException('SERVICE_NOT_STAFF')
}

/** Only the resident withdraws their own request. */
export function mustOwn(v: Viewer, r: ServiceRequest): void {
  if (!isOwner(v, r)) throw new AppException('SERVICE_REQUEST_NOT_FOUND')
}

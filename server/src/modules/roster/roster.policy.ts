import { COMMITTEE_ROLES } from '@xiangli/shared'
import type { Viewer } from '../../core/access/viewer'
import type { Resident } from './entities/resident.entity'

const isOwn = (v: Viewer, r: Pick<Resident, 'accountId'>): boolean =>
  r.accountId !== null && r.accountId === v.accountId

/**
 * A person sees their own ID number in full; everyone else, the committee and the township
 * included, sees it masked.
 */
export const seesFullIdNumber = (v: Viewer, r: Pick<Resident, 'accountId'>): boolean => isOwn(v, r)

/**
 * A person's phone number in full: to the person and to the 两委 of their village, who must be able
 * to call them. Everyone else (the supervisors, the township) sees it masked.
 */
export const seesFullPhone = (v: Viewer, r: Pick<Resident, 'accountId' | 'villageId'>): boolean =>
  isOwn(v, r) || v.holds(r.villageId, COMMITTEE_ROLES)

/**
 * The photo of a person's proof of address (rental contract, 居住证, deed): to the person and to the
 * 两委 who keep the residence. The supervisors and the township see the status without the photo.
 */
export const seesResidenceProof = (v: Viewer, r: Pick<Resident, 'accountId' | 'villageId'>): boolean =>
  isOwn(v, r) || v.holds(r.villageId, COMMITTEE_ROLES)

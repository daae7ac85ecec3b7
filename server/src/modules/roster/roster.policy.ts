import type { Viewer } from '../../core/access/viewer'
import type { Resident } from './entities/resident.entity'

/**
 * A person sees their own ID number in full; everyone else, the committee and the township
 * included, sees it masked.
 */
export const seesFullIdNumber = (v: Viewer, r: Pick<Resident, 'accountId'>): boolean =>
  r.accountId !== null && r.accountId === v.accountId

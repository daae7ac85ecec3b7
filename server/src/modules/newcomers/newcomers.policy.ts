import { COMMITTEE_ROLES } from '@xiangli/shared'
import type { Viewer } from '../../core/access/viewer'
import type { Principal } from '../../core/auth/principal'
import type { NewcomerApplication } from './entities/newcomer-application.entity'

/** The 两委 of the village decide its applications and keep its people's residence on the roster. */
export const isResidenceKeeper = (v: Viewer, villageId: number): boolean =>
  v.holds(villageId, COMMITTEE_ROLES)

/** An application's proof photos are seen by the applicant and the 两委 of the village. */
export const maySeeApplication = (p: Principal, a: NewcomerApplication): boolean =>
  a.accountId === p.accountId || COMMITTEE_ROLES.some((r) => (p.roles.get(a.villageId) ?? []).includes(r))

/** A roster person's proof of address is seen by the person and the 两委 of the village. */
export const maySeeResidenceProof = (p: Principal, villageId: number, residentId: number): boolean =>
  p.residentIn.get(villageId) === residentId ||
  COMMITTEE_ROLES.some((r) => (p.roles.get(villageId) ?? []).includes(r))

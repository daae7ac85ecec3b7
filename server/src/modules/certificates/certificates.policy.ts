import { OVERSIGHT_ROLES, canApprove } from '@xiangli/shared'
import type { Viewer } from '../../core/access/viewer'
import type { Actor } from '../../core/audit/audit.service'
import { AppException } from '../../core/errors/app.exception'
import type { CertificateRequest } from './entities/certificate-request.entity'

type Parties = Pick<CertificateRequest, 'villageId' | 'applicantAccountId' | 'applicantResidentId' | 'proxy'>

/** The applicant: the account that applied, or the roster person it was applied for (代办) once they log in. */
export const isApplicant = (v: Viewer, r: Parties): boolean =>
  (r.applicantAccountId !== null && r.applicantAccountId === v.accountId) ||
  v.residentIdIn(r.villageId) === r.applicantResidentId

/**
 * Who follows a request (sees it, its materials and, once issued, its code and PDF): the applicant,
 * whoever applied for them (代办), and the village's 两委 and supervision committee. Other residents, representatives and party
 * members of the village do not, nor does the township (it sees the register and the counts).
 */
export const canFollow = (v: Viewer, r: Parties): boolean =>
  isApplicant(v, r) || r.proxy?.accountId === v.accountId || v.holds(r.villageId, OVERSIGHT_ROLES)

/** A request one may not follow does not exist, as far as they are told. */
export function mustFollow(v: Viewer, r: Parties): void {
  if (!canFollow(v, r)) throw new AppException('NOT_FOUND')
}

/** Resubmitting and withdrawing are the applicant's own; the 两委 who see the request do not act for them. */
export function mustBeApplicant(v: Viewer, r: Parties): void {
  mustFollow(v, r)
  if (!isApplicant(v, r)) throw new AppException('FORBIDDEN')
}

/**
 * Deciding (approving and issuing, refusing, asking for more, revoking) is for the committee only: a
 * committee role in the request's village, never temporary staff, and never on one's own request,
 * whatever post one holds (canApprove in shared).
 */
export function mustDecide(v: Viewer, r: Parties): void {
  const ok = canApprove({
    approverRoles: v.rolesIn(r.villageId),
    approverAccountId: v.accountId,
    applicantAccountId: r.applicantAccountId,
    proxyAccountId: r.proxy?.accountId ?? null,
  })
  if (!ok.ok) throw new AppException(ok.code)
}

/** An applicant acts as a villager, whatever post they hold, under their name on the roster. */
export const asApplicant = (v: Viewer, name: string): Actor => ({
  accountId: v.accountId,
  name,
  role: 'resident',
})

import type { VerificationView } from '@xiangli/shared'
import type { VerificationRequest } from './entities/verification-request.entity'

/** A claim as the applicant and the 两委 see it: the ID number and phone masked. */
export const presentClaim = (r: VerificationRequest, villageName: string): VerificationView => ({
  id: r.id,
  villageId: r.villageId,
  villageName,
  name: r.name,
  idNumberMasked: r.idNumberMasked,
  phoneMasked: r.phoneMasked ?? '',
  state: r.state,
  reason: r.reason,
  createdAt: r.createdAt.toISOString(),
  decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null,
})

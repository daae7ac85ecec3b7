import type { NewcomerApplicationView } from '@xiangli/shared'
import type { NewcomerApplication } from './entities/newcomer-application.entity'

/** An application as the applicant and the 两委 see it: ID number and phone masked, proofs as signed links. */
export const presentApplication = (
  a: NewcomerApplication,
  villageName: string,
  urlOf: (fileId: number) => string,
): NewcomerApplicationView => ({
  id: a.id,
  villageId: a.villageId,
  villageName,
  name: a.name,
  idNumber: a.idNumberMasked,
  phone: a.phoneMasked,
  address: a.address,
  movedInOn: a.movedInOn,
  proofs: a.proofFileIds.map((id) => ({ id, url: urlOf(id) })),
  state: a.state,
  reason: a.reason,
  residentId: a.residentId,
  createdAt: new Date(a.createdAt).toISOString(),
  decidedAt: a.decidedAt ? new Date(a.decidedAt).toISOString() : null,
})

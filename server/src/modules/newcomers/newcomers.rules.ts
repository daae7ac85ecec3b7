import type { NewcomerApplication } from './entities/newcomer-application.entity'

/** Where stored proof photos are attached: the application, or the roster row the 两委 keep them on. */
export const FILES_OF_APPLICATION = 'newcomer_application'
export const FILES_OF_RESIDENCE = 'resident_residence'

/** How many of one's own applications the page shows. */
export const MY_APPLICATIONS_SHOWN = 20
/** How many applications of a village the 两委's queue shows at once, pending first. */
export const QUEUE_SHOWN = 100

/** Where the 两委 decide applications, and where the applicant follows theirs. */
export const COMMITTEE_QUEUE_PAGE = '/subpackages/committee/pages/newcomers/index'
export const APPLICANT_PAGE = '/subpackages/me/pages/newcomer/index'

/** The 户号 of the household a newcomer is put on the roster as. */
export const newcomerHouseholdCode = (applicationId: number): string => `非户籍-${applicationId}`

/** While pending, one application per person (by the keyed hash of the ID number) and village. */
export const pendingKeyOf = (villageId: number, idNumberHash: string): string =>
  `${villageId}:${idNumberHash}`

/** What the audit digests see of an application: never the ID number or the phone. */
export const snapshot = (a: NewcomerApplication) => ({
  id: a.id,
  accountId: a.accountId,
  villageId: a.villageId,
  movedInOn: a.movedInOn,
  proofFileIds: a.proofFileIds,
  state: a.state,
  reason: a.reason,
  residentId: a.residentId,
})

import { DataDeletionRequest } from './data-deletion-request.entity'
import { PrivacyConsent } from './privacy-consent.entity'

/** Consents to the privacy guide and the ID-number words, and requests to delete one's data. */
export const PRIVACY_ENTITIES = [PrivacyConsent, DataDeletionRequest]

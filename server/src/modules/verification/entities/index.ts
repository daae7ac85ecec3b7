import { VerificationRequest } from './verification-request.entity'

/** The tables of 实名认证 claims; the data source gathers every module's list (src/entities.ts). */
export const VERIFICATION_ENTITIES = [VerificationRequest]

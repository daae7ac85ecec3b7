import type { Actor } from '../../core/audit/audit.service'
import type { VerificationRequest } from './entities/verification-request.entity'

/** How many of one's own claims the profile shows. */
export const MY_CLAIMS_SHOWN = 20

/** What the audit digests see of a claim: never the ID number itself. */
export const snapshot = (v: VerificationRequest) => ({
  id: v.id,
  accountId: v.accountId,
  villageId: v.villageId,
  residentId: v.residentId,
  state: v.state,
  reason: v.reason,
})

/** Who confirms a claim whose name, ID number and phone all match the roster, where the village allows it. */
export const AUTO_CONFIRMER: Actor = {
  accountId: null,
  name: '系统（信息完全一致自动确认）',
  role: 'system',
}

/** Where the 两委 decide claims in the miniapp. */
export const COMMITTEE_QUEUE_PAGE = '/subpackages/committee/pages/verifications/index'
/** Where the applicant lands once told the decision. */
export const HOME_PAGE = '/pages/home/index'

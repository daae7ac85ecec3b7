import { CadreReviewRating, CadreReviewTurnout } from './ballot.entity'
import { CadreReviewAttendance, CadreReviewMeeting, CadreReviewMember } from './meeting.entity'
import { CadreReviewOutcome, CadreReviewPersonResult } from './result.entity'
import { CadreReview, CadreReviewSubject } from './review.entity'

export * from './ballot.entity'
export * from './meeting.entity'
export * from './result.entity'
export * from './review.entity'

/** The tables of 民主评议; the data source gathers every module's list (src/entities.ts). */
export const CADRE_REVIEWS_ENTITIES = [
  CadreReview,
  CadreReviewSubject,
  CadreReviewMeeting,
  CadreReviewMember,
  CadreReviewAttendance,
  CadreReviewTurnout,
  CadreReviewRating,
  CadreReviewOutcome,
  CadreReviewPersonResult,
]

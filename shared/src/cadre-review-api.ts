import type { QuorumCheck } from './quorum'
import type {
  RatingCounts,
  ReviewBody,
  ReviewPost,
  ReviewRating,
  ReviewRatingRule,
  ReviewStatus,
} from './cadre-review'

/** What the pages of 民主评议 read (routes: contract/reviews.ts). */

export interface ReviewSubjectView {
  id: number
  residentId: number
  name: string
  post: ReviewPost
  postLabel: string
  /** 述职报告; null until the reviewed person submits it */
  report: string | null
  reportedAt: string | null
}

export interface ReviewMeetingView {
  id: number
  body: ReviewBody
  bodyLabel: string
  meetingAt: string
  noticeAt: string
  checkInOpensAt: string
  location: string
  status: 'scheduled' | 'in_session' | 'closed' | 'lapsed'
  due: number
  present: number
  quorum: QuorumCheck
  /** the sign-in list, for the supervision committee only (null for everyone else) */
  members: { id: number; name: string; present: boolean }[] | null
}

export interface ReviewPersonResult {
  subjectId: number
  name: string
  post: ReviewPost
  counts: RatingCounts
  valid: number
  rating: ReviewRating
  ratingLabel: string
  reason: string
  /** rated 不称职 in this review and the one before: the post ended (Art 33) */
  postEnded: boolean
}

export interface ReviewResultView {
  meetingId: number
  /** false when the meeting was not quorate: nobody is rated and the review needs a new meeting */
  valid: boolean
  reason: string
  due: number
  present: number
  /** ballots cast in the app, and the paper ones counted at the meeting */
  ballots: number
  paperBallots: number
  persons: ReviewPersonResult[]
  closedAt: string
}

/** What the caller may do in this review, so a page shows only the buttons that work. */
export interface ReviewMine {
  hosts: boolean
  /** the subject the caller is, if they are reviewed */
  subjectId: number | null
  member: boolean
  checkedIn: boolean
  voted: boolean
}

export interface ReviewView {
  id: number
  villageId: number
  year: number
  status: ReviewStatus
  statusLabel: string
  ratingRule: ReviewRatingRule
  ratingRuleText: string
  subjects: ReviewSubjectView[]
  meeting: ReviewMeetingView | null
  /** the latest valid result (published), or the latest not-quorate one while a new meeting is due */
  result: ReviewResultView | null
  mine: ReviewMine
}

export interface ReviewSummary {
  id: number
  year: number
  status: ReviewStatus
  statusLabel: string
  subjects: number
  publishedAt: string | null
}

export interface BallotReceiptView {
  reviewId: number
  voted: true
}

/** The township's list: one line per review of its villages, with the posts that ended. */
export interface TownshipReviewRow {
  reviewId: number
  villageId: number
  villageName: string
  year: number
  status: ReviewStatus
  statusLabel: string
  incompetent: number
  postsEnded: { name: string; post: ReviewPost; postLabel: string }[]
}

/** The miniapp pages of 民主评议; a notification links the review's page. */
export const CADRE_REVIEW_PAGES = {
  list: '/subpackages/cadre-review/pages/list/index',
  detail: '/subpackages/cadre-review/pages/detail/index',
} as const
export const cadreReviewPage = (id: number, villageId: number): string =>
  `${CADRE_REVIEW_PAGES.detail}?id=${id}&villageId=${villageId}`

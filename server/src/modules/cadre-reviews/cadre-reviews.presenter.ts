import {
  DELIBERATION_BODY_LABELS,
  meetingTimes,
  ratingRuleLabel,
  REVIEW_POST_LABELS,
  REVIEW_RATING_LABELS,
  REVIEW_STATUS_LABELS,
  type QuorumCheck,
  type ReviewMeetingView,
  type ReviewMine,
  type ReviewResultView,
  type ReviewSubjectView,
  type ReviewSummary,
  type ReviewView,
} from '@xiangli/shared'
import type {
  CadreReview,
  CadreReviewMeeting,
  CadreReviewOutcome,
  CadreReviewPersonResult,
  CadreReviewSubject,
} from './entities'

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString())

export const presentSubject = (s: CadreReviewSubject): ReviewSubjectView => ({
  id: s.id,
  residentId: s.residentId,
  name: s.name,
  post: s.post,
  postLabel: REVIEW_POST_LABELS[s.post],
  report: s.report,
  reportedAt: iso(s.reportedAt),
})

export function presentMeeting(
  m: CadreReviewMeeting,
  a: { due: number; present: number },
  quorum: QuorumCheck,
  members: ReviewMeetingView['members'],
): ReviewMeetingView {
  const meetingAt = new Date(m.meetingAt)
  return {
    id: m.id,
    body: m.body,
    bodyLabel: DELIBERATION_BODY_LABELS[m.body],
    meetingAt: meetingAt.toISOString(),
    noticeAt: new Date(m.noticeAt).toISOString(),
    checkInOpensAt: meetingTimes(meetingAt, m.checkInLeadMinutes).checkInOpensAt.toISOString(),
    location: m.location,
    status: m.status,
    due: a.due,
    present: a.present,
    quorum,
    members,
  }
}

export function presentResult(
  o: CadreReviewOutcome,
  persons: CadreReviewPersonResult[],
  subjects: CadreReviewSubject[],
): ReviewResultView {
  const byId = new Map(subjects.map((s) => [s.id, s]))
  return {
    meetingId: o.meetingId,
    valid: Boolean(o.valid),
    reason: o.reason,
    due: o.due,
    present: o.present,
    ballots: o.ballots,
    paperBallots: o.paperBallots,
    closedAt: new Date(o.closedAt).toISOString(),
    persons: persons.map((p) => {
      const s = byId.get(p.subjectId)
      return {
        subjectId: p.subjectId,
        name: s?.name ?? '',
        post: s?.post ?? 'staff',
        counts: { competent: p.competent, basic: p.basic, incompetent: p.incompetent },
        valid: p.competent + p.basic + p.incompetent,
        rating: p.rating,
        ratingLabel: REVIEW_RATING_LABELS[p.rating],
        reason: p.reason,
        postEnded: Boolean(p.postEnded),
      }
    }),
  }
}

export const presentSummary = (r: CadreReview, subjects: number): ReviewSummary => ({
  id: r.id,
  year: r.year,
  status: r.status,
  statusLabel: REVIEW_STATUS_LABELS[r.status],
  subjects,
  publishedAt: iso(r.publishedAt),
})

export function presentReview(
  r: CadreReview,
  parts: {
    subjects: CadreReviewSubject[]
    meeting: ReviewMeetingView | null
    result: ReviewResultView | null
    mine: ReviewMine
  },
): ReviewView {
  return {
    id: r.id,
    villageId: r.villageId,
    year: r.year,
    status: r.status,
    statusLabel: REVIEW_STATUS_LABELS[r.status],
    ratingRule: r.ratingRule,
    ratingRuleText: ratingRuleLabel(r.ratingRule),
    subjects: parts.subjects.map(presentSubject),
    meeting: parts.meeting,
    result: parts.result,
    mine: parts.mine,
  }
}

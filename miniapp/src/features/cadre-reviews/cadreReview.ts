import {
  REVIEW_BODIES,
  REVIEW_RATING_LABELS,
  REVIEW_RATINGS,
  DELIBERATION_BODY_LABELS,
  type ReviewRating,
  type ReviewView,
} from '@xiangli/shared'
import type { Chip } from '@/components/Chips'

/** 民主评议 in the miniapp: what each person may do on a review's page, and the ballot's check. */

export const RATING_CHIPS: readonly Chip<ReviewRating>[] = REVIEW_RATINGS.map((r) => ({
  value: r,
  label: REVIEW_RATING_LABELS[r],
}))

export const BODY_CHIPS = REVIEW_BODIES.map((b) => ({ value: b, label: DELIBERATION_BODY_LABELS[b] }))

export interface ReviewActions {
  /** the reviewed person writes or changes their 述职报告 */
  report: boolean
  /** the supervision committee notices a meeting (none yet, or the last one was not valid or lapsed) */
  schedule: boolean
  open: boolean
  checkIn: boolean
  vote: boolean
  close: boolean
  /** the supervision committee may still change who is reviewed */
  editSubjects: boolean
}

export function reviewActions(r: ReviewView): ReviewActions {
  const m = r.meeting
  const live = m !== null && (m.status === 'scheduled' || m.status === 'in_session')
  const published = r.status === 'published'
  return {
    report: r.mine.subjectId !== null && r.status === 'reporting',
    schedule: r.mine.hosts && !published && !live,
    open: r.mine.hosts && m?.status === 'scheduled',
    checkIn: r.mine.member && live && !r.mine.checkedIn,
    vote: r.mine.member && m?.status === 'in_session' && r.mine.checkedIn && !r.mine.voted,
    close: r.mine.hosts && m?.status === 'in_session',
    editSubjects: r.mine.hosts && r.status === 'reporting',
  }
}

/** The ballot as sent, or what is missing: every reviewed person gets one of the three ratings. */
export function ballotOf(
  r: Pick<ReviewView, 'subjects'>,
  picks: Record<number, ReviewRating | undefined>,
): { ok: true; ratings: { subjectId: number; rating: ReviewRating }[] } | { ok: false; missing: string[] } {
  const missing = r.subjects.filter((s) => !picks[s.id]).map((s) => s.name)
  if (missing.length) return { ok: false, missing }
  return { ok: true, ratings: r.subjects.map((s) => ({ subjectId: s.id, rating: picks[s.id]! })) }
}

/** The counts of a person as one line: 称职 7 · 基本称职 1 · 不称职 0. */
export const countsLine = (c: Record<ReviewRating, number>): string =>
  REVIEW_RATINGS.map((r) => `${REVIEW_RATING_LABELS[r]} ${c[r]}`).join(' · ')

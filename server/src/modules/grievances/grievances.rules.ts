import {
  chinaDay,
  OPEN_STATES,
  transitionGrievance,
  type GrievanceEvent,
  type GrievanceState,
  type Moderation,
} from '@xiangli/shared'
import type { Actor } from '../../core/audit/audit.service'
import { AppException } from '../../core/errors/app.exception'
import type { Grievance } from './entities/grievance.entity'

/** The job lease of the escalation run; one instance at a time does the work. */
export const ESCALATION_JOB = 'grievance.escalate'
/** how many overdue items one run sends up; the next run takes the rest */
export const ESCALATION_BATCH = 200

/** What the audit digests see of a grievance. */
export const snapshot = (g: Grievance) => ({
  id: g.id,
  villageId: g.villageId,
  state: g.state,
  visibility: g.visibility,
  assigneeResidentId: g.assigneeResidentId,
  dueAt: g.dueAt,
  rating: g.rating,
  reopenCount: g.reopenCount,
})

/** One line of a grievance's timeline, as it is written. */
export interface Step {
  actor: Actor
  at: Date
  text?: string | null
  photoIds?: number[]
  rating?: number | null
  /** an answer's content check: where it starts ('shown' when nothing checks) */
  moderation?: Moderation
}

/** 3月5日 in Beijing time, for notices. */
export const day = (d: Date): string =>
  d.toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai', month: 'long', day: 'numeric' })

export const excerpt = (s: string, n: number): string =>
  Array.from(s).length > n ? Array.from(s).slice(0, n).join('') + '…' : s

/** The next state for an event, or the refusal as an exception. */
export function need(state: GrievanceState, event: GrievanceEvent): GrievanceState {
  const t = transitionGrievance(state, event)
  if (!t.ok) throw new AppException(t.code)
  return t.next
}

/** What one item adds to the statistics of its village and month (grievance_month_stat). */
export interface MonthStatCounts {
  total: number
  openCount: number
  escalatedCount: number
  answeredCount: number
  answerMinutesSum: number
  ratedCount: number
  ratingSum: number
}

export const countsOf = (g: Pick<Grievance, 'state' | 'answerMinutes' | 'rating'>): MonthStatCounts => ({
  total: 1,
  openCount: OPEN_STATES.includes(g.state) ? 1 : 0,
  escalatedCount: g.state === 'escalated' ? 1 : 0,
  answeredCount: g.answerMinutes === null ? 0 : 1,
  answerMinutesSum: g.answerMinutes ?? 0,
  ratedCount: g.rating === null ? 0 : 1,
  ratingSum: g.rating ?? 0,
})

/** What a change of an item from `before` to `after` adds to its month's statistics. */
export function countsChange(before: MonthStatCounts, after: MonthStatCounts): MonthStatCounts {
  const d = { ...after }
  for (const k of Object.keys(d) as (keyof MonthStatCounts)[]) d[k] -= before[k]
  return d
}

/** The Beijing month an item was raised in, its statistics' bucket: 2026-03. */
export const statMonth = (createdAt: Date): string => chinaDay(createdAt).slice(0, 7)

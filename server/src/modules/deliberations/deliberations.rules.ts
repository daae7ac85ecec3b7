import {
  checkNoticeDays,
  findStep,
  isDelegated,
  isDeliberationClosed,
  stepBody,
  transitionDeliberation,
  type Attendance,
  type DeliberationContext,
  type PublishStepRequest,
  type Role,
  type Votes,
} from '@xiangli/shared'
import { AppException } from '../../core/errors/app.exception'
import type { Deliberation } from './entities/deliberation.entity'
import type { DeliberationMeeting } from './entities/meeting.entity'

/**
 * The deliberation module's own rules: what the shared procedure engine does not say about rows
 * (which meeting states allow what, when opinions are taken, how an engine refusal is answered).
 */

/** Stored-file attachment types: a deliberation's own files, a meeting's, a resident's opinion's. */
export const FILES_OF_DELIBERATION = 'deliberation'
export const FILES_OF_MEETING = 'deliberation_meeting'
export const FILES_OF_OPINION = 'deliberation_opinion'

/** What the audit digests see of a deliberation. */
export const snapshot = (d: Deliberation) => ({
  id: d.id,
  villageId: d.villageId,
  status: d.status,
  step: d.step,
  phase: d.state.phase,
  history: d.state.history.length,
})

/** 3月5日 14:30 in Beijing time, for notices. */
export const meetingDay = (d: Date): string =>
  d.toLocaleString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })

/** A refusal of the shared rules, as the error it answers with (its reason and details kept). */
export function refusal(r: { code: AppException['code']; reason?: string; details?: unknown }): AppException {
  return new AppException(r.code, r.details, r.reason)
}

/** The next state of an engine step, or its refusal (code and reason) thrown. */
export function accepted<T>(
  t: { ok: true; next: T } | { ok: false; code: AppException['code']; reason?: string },
): T {
  if (!t.ok) throw new AppException(t.code, undefined, t.reason)
  return t.next
}

/** The online ballots counted by choice, and the attendance they were cast in. */
export interface Tally {
  attendance: Attendance
  online: Votes
}

/** What the shared engine is told about the deliberation and the one acting on it. */
export const contextOf = (d: Deliberation, roles: readonly Role[], now: Date): DeliberationContext => ({
  procedure: d.procedure,
  matter: d.matterType,
  delegated: isDelegated(d.procedure, d.matterType, d.delegationResolution !== null),
  roles,
  now,
})

/** The shared `publish` event, then `advance` after 决议公开 (实施结果公开 completes by itself). */
export function publishAndMove(
  state: Deliberation['state'],
  noticeId: number,
  ctx: DeliberationContext,
  step: PublishStepRequest['step'] = 'publish_resolution',
): Deliberation['state'] {
  const published = accepted(transitionDeliberation(state, { type: 'publish', step, noticeId }, ctx))
  if (step !== 'publish_resolution') return published
  return accepted(transitionDeliberation(published, { type: 'advance', step }, ctx))
}

/** 一征 takes opinions only in its window, on its step, before the summary. */
export function mustBeCollecting(d: Deliberation, now: Date): void {
  if (isDeliberationClosed(d.status)) throw new AppException('DELIBERATION_CLOSED')
  const solicit = d.procedure.steps.find((s) => s.kind === 'solicitation')
  if (!solicit) throw new AppException('DELIBERATION_ACTION_NOT_FOR_STEP')
  if (d.state.step !== solicit.key || d.state.phase === 'done')
    throw new AppException('DELIBERATION_SOLICITATION_CLOSED')
  const { solicitationOpensAt: opensAt, solicitationClosesAt: closesAt } = d.state
  if (d.state.phase !== 'collecting' || (opensAt && now.getTime() < new Date(opensAt).getTime()))
    throw new AppException('DELIBERATION_SOLICITATION_NOT_STARTED')
  if (closesAt && now.getTime() >= new Date(closesAt).getTime())
    throw new AppException('DELIBERATION_SOLICITATION_CLOSED')
}

/** Whether 一征 takes opinions now. */
export function acceptsOpinions(d: Deliberation, now: Date): boolean {
  try {
    mustBeCollecting(d, now)
    return true
  } catch {
    return false
  }
}

/** Check-ins on paper, ballots and the void are for a meeting in session. */
export function mustBeInSession(meeting: Pick<DeliberationMeeting, 'status'>): void {
  if (meeting.status === 'closed' || meeting.status === 'cancelled' || meeting.status === 'voided')
    throw new AppException('DELIBERATION_VOTING_CLOSED')
  if (meeting.status !== 'in_session') throw new AppException('DELIBERATION_MEETING_NOT_OPEN')
}

/** Only a scheduled meeting opens; each other state says why not. */
export function mustBeScheduled(meeting: Pick<DeliberationMeeting, 'status'>): void {
  if (meeting.status === 'cancelled' || meeting.status === 'voided')
    throw new AppException('DELIBERATION_MEETING_NOT_SCHEDULED')
  if (meeting.status === 'closed') throw new AppException('DELIBERATION_RESULT_FINAL')
  if (meeting.status === 'lapsed') throw new AppException('DELIBERATION_MEETING_LAPSED')
  if (meeting.status !== 'scheduled') throw new AppException('DELIBERATION_MEETING_IN_SESSION')
}

/** A meeting that has not ended may be called off. */
export function mustBeCancellable(meeting: Pick<DeliberationMeeting, 'status'>): void {
  if (meeting.status === 'closed' || meeting.status === 'cancelled' || meeting.status === 'voided')
    throw new AppException('DELIBERATION_VOTING_CLOSED')
}

/**
 * The meeting's time leans on a paper notice no supervisor has confirmed: counted from the system's
 * notice alone, the notice days fall short.
 */
export function awaitsPaperNotice(d: Deliberation, meeting: DeliberationMeeting): boolean {
  if (!meeting.paperNoticeAt || meeting.paperNoticeConfirmedAt) return false
  const step = findStep(d.procedure, meeting.step)
  const rule = step ? stepBody(step, meeting.body)?.notice : null
  return !!rule && !checkNoticeDays(rule, meeting.noticeAt, meeting.meetingAt).ok
}

/** A name as the records keep it: at most 30 characters. */
export const shortName = (name: string): string => Array.from(name).slice(0, 30).join('')

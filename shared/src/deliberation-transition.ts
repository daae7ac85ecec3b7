/** 议事: the transition, one event applied to a deliberation's state. */
import {
  calendarDaysBetween,
  checkMeetingNotice,
  checkNoticeDays,
  checkPaperNotice,
  chinaTimeLabel,
  MEETING_LAPSE_MS,
  openTimeRule,
} from './meeting-time'
import {
  isDelegated,
  isMeetingBody,
  mayDecide,
  meetingRuleFor,
  stepBody,
  stepIndex,
  DELIBERATION_BODY_LABELS,
  NO_NOTICE_RULE,
} from './procedure'
import { meetingOutcome, validateAttendance } from './quorum'
import {
  DeliberationContext,
  DeliberationEvent,
  DeliberationState,
  DeliberationStatus,
  DeliberationTransition,
  OpinionSummary,
  StepRecord,
  refuseStep,
  stepStartedAt,
} from './deliberation'
import { gateEvent } from './deliberation-gate'

// ---------- the transition ----------

const iso = (d: Date): string => d.toISOString()
const isValidDate = (d: Date | undefined): d is Date => d instanceof Date && !Number.isNaN(d.getTime())
const isPositiveId = (n: number): boolean => Number.isSafeInteger(n) && n > 0

function record(state: DeliberationState, entry: StepRecord): readonly StepRecord[] {
  return [...state.history, entry]
}

export function transitionDeliberation(
  state: DeliberationState,
  event: DeliberationEvent,
  ctx: DeliberationContext,
): DeliberationTransition {
  const gate = gateEvent(ctx.procedure, state, event.type, event.step, ctx.roles)
  if (!gate.ok) return gate
  const { step } = gate
  const now = iso(ctx.now)

  switch (event.type) {
    case 'schedule_meeting': {
      const option = stepBody(step, event.body)
      if (!option || !isMeetingBody(event.body))
        return refuseStep(
          'DELIBERATION_BODY_NOT_ALLOWED',
          `${DELIBERATION_BODY_LABELS[event.body]}不能办理“${step.label}”`,
        )
      if (step.deciding) {
        const allowed = mayDecide(
          ctx.matter,
          event.body,
          isDelegated(ctx.procedure, ctx.matter, ctx.delegated),
        )
        if (!allowed.ok) return allowed
      }
      if (!isValidDate(event.meetingAt) || !isValidDate(event.noticeAt))
        return refuseStep('VALIDATION_FAILED', '请填写开会时间')
      if (event.noticeAt.getTime() > ctx.now.getTime())
        return refuseStep('VALIDATION_FAILED', '通知时间不能晚于现在')
      const rule = option.notice ?? NO_NOTICE_RULE
      let noticeAt = event.noticeAt
      if (event.paperNoticeAt !== undefined) {
        const paper = checkPaperNotice(event.paperNoticeAt, {
          stepSince: stepStartedAt(state),
          now: ctx.now,
          rule,
        })
        if (!paper.ok) return paper
        if (event.paperNoticeAt.getTime() < noticeAt.getTime()) noticeAt = event.paperNoticeAt
      }
      const notice = checkMeetingNotice(rule, { ...event, noticeAt })
      if (!notice.ok) return notice
      return {
        ok: true,
        next: {
          ...state,
          phase: 'scheduled',
          meeting: {
            body: event.body,
            meetingAt: iso(event.meetingAt),
            noticeAt: iso(event.noticeAt),
            ballot: event.ballot,
            attendance: null,
          },
        },
      }
    }

    case 'cancel_meeting': {
      const meeting = state.meeting
      if (!meeting) return refuseStep('DELIBERATION_MEETING_NOT_SCHEDULED')
      const entry: StepRecord = { step: step.key, body: meeting.body, outcome: 'cancelled', at: now }
      if (event.reason) entry.reason = event.reason
      return { ok: true, next: { ...state, phase: 'pending', meeting: null, history: record(state, entry) } }
    }

    case 'void_meeting': {
      const meeting = state.meeting
      if (!meeting) return refuseStep('DELIBERATION_MEETING_NOT_SCHEDULED')
      if (!event.reason.trim()) return refuseStep('VALIDATION_FAILED', '请写明表决作废的原因')
      const entry: StepRecord = {
        step: step.key,
        body: meeting.body,
        outcome: 'voided',
        at: now,
        reason: event.reason,
      }
      return { ok: true, next: { ...state, phase: 'pending', meeting: null, history: record(state, entry) } }
    }

    case 'reschedule_meeting': {
      const meeting = state.meeting
      if (!meeting) return refuseStep('DELIBERATION_MEETING_NOT_SCHEDULED')
      if (!isValidDate(event.meetingAt) || !isValidDate(event.noticeAt))
        return refuseStep('VALIDATION_FAILED', '请填写新的开会时间')
      if (event.noticeAt.getTime() > ctx.now.getTime())
        return refuseStep('VALIDATION_FAILED', '通知时间不能晚于现在')
      const notice = checkMeetingNotice(stepBody(step, meeting.body)?.notice ?? NO_NOTICE_RULE, event)
      if (!notice.ok) return notice
      const moved = `由${chinaTimeLabel(new Date(meeting.meetingAt))}改到${chinaTimeLabel(event.meetingAt)}`
      const entry: StepRecord = {
        step: step.key,
        body: meeting.body,
        outcome: 'rescheduled',
        at: now,
        reason: event.reason ? `${moved}：${event.reason}` : moved,
      }
      return {
        ok: true,
        next: {
          ...state,
          meeting: {
            ...meeting,
            meetingAt: iso(event.meetingAt),
            noticeAt: iso(event.noticeAt),
            attendance: null,
          },
          history: record(state, entry),
        },
      }
    }

    case 'lapse_meeting': {
      const meeting = state.meeting
      if (!meeting) return refuseStep('DELIBERATION_MEETING_NOT_SCHEDULED')
      const meetingAt = new Date(meeting.meetingAt)
      if (ctx.now.getTime() < meetingAt.getTime() + MEETING_LAPSE_MS)
        return refuseStep('DELIBERATION_MEETING_NOT_LAPSED')
      const entry: StepRecord = {
        step: step.key,
        body: meeting.body,
        outcome: 'lapsed',
        at: now,
        reason: `会议定于${chinaTimeLabel(meetingAt)}召开，过了一天还没有开始`,
      }
      return { ok: true, next: { ...state, phase: 'pending', meeting: null, history: record(state, entry) } }
    }

    case 'open': {
      if (step.kind === 'solicitation') {
        if (!isValidDate(event.closesAt)) return refuseStep('VALIDATION_FAILED', '请填写征求意见的截止时间')
        const opensAt = event.opensAt ?? ctx.now
        if (!isValidDate(opensAt)) return refuseStep('VALIDATION_FAILED', '请填写征求意见的开始时间')
        // a minute's grace for the clock of the phone that sent "now"
        if (opensAt.getTime() < ctx.now.getTime() - 60_000)
          return refuseStep('VALIDATION_FAILED', '征求意见的开始时间不能早于现在')
        const days = calendarDaysBetween(opensAt, event.closesAt)
        if (days < ctx.procedure.solicitationMinDays)
          return refuseStep(
            'DELIBERATION_SOLICITATION_TOO_SHORT',
            `征求意见至少 ${ctx.procedure.solicitationMinDays} 天，现在只有 ${days} 天`,
          )
        return {
          ok: true,
          next: {
            ...state,
            phase: 'collecting',
            solicitationOpensAt: iso(opensAt),
            solicitationClosesAt: iso(event.closesAt),
          },
        }
      }
      const meeting = state.meeting
      if (!meeting) return refuseStep('DELIBERATION_MEETING_NOT_SCHEDULED')
      const meetingAt = new Date(meeting.meetingAt)
      const timing = openTimeRule({ meetingAt, checkInLeadMinutes: 0 }, ctx.now)
      if (!timing.ok) return timing
      // the days are counted again from the notice that counts now: a paper notice the meeting time
      // leaned on but no supervisor confirmed leaves it too short
      const counted = event.noticeAt ?? new Date(meeting.noticeAt)
      const rule = stepBody(step, meeting.body)?.notice ?? NO_NOTICE_RULE
      const days = checkNoticeDays(rule, counted, meetingAt)
      if (!days.ok) return days
      return { ok: true, next: { ...state, phase: 'in_session' } }
    }

    case 'record_attendance': {
      if (!state.meeting) return refuseStep('DELIBERATION_MEETING_NOT_SCHEDULED')
      const valid = validateAttendance(event.attendance)
      if (!valid.ok) return valid
      return { ok: true, next: { ...state, meeting: { ...state.meeting, attendance: event.attendance } } }
    }

    case 'record_result': {
      const meeting = state.meeting
      if (!meeting) return refuseStep('DELIBERATION_MEETING_NOT_SCHEDULED')
      if (!meeting.attendance) return refuseStep('DELIBERATION_ATTENDANCE_MISSING')
      const timing = openTimeRule({ meetingAt: new Date(meeting.meetingAt), checkInLeadMinutes: 0 }, ctx.now)
      // a vote closes no earlier than it could open; a meeting open for over a day may still close
      if (!timing.ok && timing.code === 'DELIBERATION_MEETING_TOO_EARLY') return timing
      const rule = meetingRuleFor(ctx.procedure, step, meeting.body, ctx.matter)
      if (!rule) return refuseStep('DELIBERATION_BODY_NOT_ALLOWED')
      const result = meetingOutcome(rule, meeting.attendance, event.votes)
      if (!result.ok) return result
      const outcome = result.value
      const history = record(state, {
        step: step.key,
        body: meeting.body,
        outcome: outcome.outcome,
        at: now,
        meeting: {
          meetingAt: meeting.meetingAt,
          attendance: meeting.attendance,
          votes: event.votes,
          quorumBy: outcome.quorum.by,
          reason: outcome.reason,
        },
      })
      // not quorate: the meeting could not decide, so the step waits for a new one
      if (outcome.outcome === 'not_quorate')
        return { ok: true, outcome, next: { ...state, phase: 'pending', meeting: null, history } }
      const status: DeliberationStatus =
        outcome.outcome === 'failed' ? 'not_adopted' : step.deciding ? 'adopted' : state.status
      return { ok: true, outcome, next: { ...state, status, phase: 'done', meeting: null, history } }
    }

    case 'post_summary': {
      const text = event.text.trim()
      if (text === '' || !Number.isSafeInteger(event.opinionCount) || event.opinionCount < 0)
        return refuseStep('VALIDATION_FAILED', '请填写意见汇总')
      if (state.solicitationClosesAt && ctx.now.getTime() < new Date(state.solicitationClosesAt).getTime())
        return refuseStep('DELIBERATION_SOLICITATION_OPEN')
      const summary: OpinionSummary = { text, opinionCount: event.opinionCount, postedAt: now }
      const entry: StepRecord = { step: step.key, body: step.body, outcome: 'summarised', at: now }
      return {
        ok: true,
        next: { ...state, phase: 'done', opinionSummary: summary, history: record(state, entry) },
      }
    }

    case 'advance': {
      const following = ctx.procedure.steps[stepIndex(ctx.procedure, step.key) + 1]
      if (!following) return { ok: true, next: { ...state, status: 'completed' } }
      return {
        ok: true,
        next: { ...state, step: following.key, phase: 'pending', meeting: null, stepSince: now },
      }
    }

    case 'publish': {
      if (!isPositiveId(event.noticeId)) return refuseStep('VALIDATION_FAILED', '公告编号不对')
      const entry: StepRecord = {
        step: step.key,
        body: step.body,
        outcome: 'published',
        at: now,
        noticeId: event.noticeId,
      }
      const history = record(state, entry)
      if (step.key === 'publish_results') {
        if (event.noticeId === state.resolutionNoticeId)
          return refuseStep('VALIDATION_FAILED', '实施结果要另发一条公告，不能用决议公告代替')
        // the last step: publishing the results completes the deliberation
        return {
          ok: true,
          next: { ...state, status: 'completed', phase: 'done', resultsNoticeId: event.noticeId, history },
        }
      }
      return { ok: true, next: { ...state, phase: 'done', resolutionNoticeId: event.noticeId, history } }
    }

    case 'reject': {
      const reason = event.reason.trim()
      if (reason === '') return refuseStep('VALIDATION_FAILED', '请填写终止的原因')
      const entry: StepRecord = {
        step: step.key,
        body: state.meeting?.body ?? step.body,
        outcome: 'rejected',
        at: now,
        reason,
      }
      return {
        ok: true,
        next: { ...state, status: 'rejected', phase: 'done', meeting: null, history: record(state, entry) },
      }
    }
  }
}

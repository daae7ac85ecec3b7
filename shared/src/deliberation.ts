/**
 * A deliberation (议事) moves through its procedure one step at a time. Each event names the step it
 * acts on; acting on a later step is skipping it and is refused, as is acting on a finished one.
 *
 * Within a meeting step: schedule_meeting (the notice goes out) → open → record_attendance (as often
 * as people arrive) → record_result → advance. A meeting that is not quorate leaves the step waiting
 * for a new meeting (the old one stays on the record). A quorate vote against ends the deliberation
 * as not adopted: a decision of the body is not re-voted until it passes; a revised plan starts a new
 * deliberation, from 提议, that may name the old one. When the deciding step passes the matter is
 * adopted and can no longer be withdrawn; 决议公开 and then 实施结果公开 (linked to it) follow.
 */
import { z } from 'zod'
import {
  calendarDaysBetween,
  checkMeetingNotice,
  checkNoticeDays,
  checkPaperNotice,
  chinaTimeLabel,
  meetingMoment,
  MEETING_LAPSE_MS,
  openTimeRule,
} from './meeting-time'
import {
  findStep,
  isDelegated,
  isMeetingBody,
  MATTER_TYPES,
  mayDecide,
  meetingRuleFor,
  STEP_KEYS,
  stepBody,
  stepIndex,
  DELIBERATION_BODIES,
  DELIBERATION_BODY_LABELS,
  type DeliberationBody,
  type MatterType,
  type MeetingBody,
  type NoticeRule,
  type Procedure,
  type ProcedureStep,
  type StepKey,
  type StepKind,
} from './procedure'
import {
  attendanceSchema,
  meetingOutcome,
  PETITION_TARGETS,
  validateAttendance,
  votesSchema,
  type Attendance,
  type MeetingOutcome,
  type QuorumCount,
  type Votes,
} from './quorum'
import type { ErrorCode } from './errors'
import type { Role } from './roles'

// ---------- vocabulary ----------

/** Where the item came from (提议 records it). */
export const DELIBERATION_SOURCES = ['grievance', 'cadre', 'higher_assignment', 'petition'] as const
export type DeliberationSource = (typeof DELIBERATION_SOURCES)[number]
export const DELIBERATION_SOURCE_LABELS: Record<DeliberationSource, string> = {
  grievance: '村（居）民反映的问题',
  cadre: '两委干部提出',
  higher_assignment: '上级交办',
  petition: '村（居）民联名提议',
}

export const DELIBERATION_STATUSES = [
  'in_progress',
  'adopted',
  'completed',
  'not_adopted',
  'rejected',
] as const
export type DeliberationStatus = (typeof DELIBERATION_STATUSES)[number]
export const DELIBERATION_STATUS_LABELS: Record<DeliberationStatus, string> = {
  in_progress: '议事中',
  adopted: '已表决通过，待公开',
  completed: '已办结',
  not_adopted: '未通过',
  rejected: '已终止',
}
export const isDeliberationClosed = (s: DeliberationStatus): boolean =>
  s === 'completed' || s === 'not_adopted' || s === 'rejected'

/** GET …/deliberations: newest first, a page at a time, optionally of one status. */
export const deliberationListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  status: z.enum(DELIBERATION_STATUSES, { errorMap: () => ({ message: '没有这种议事状态' }) }).optional(),
})
export type DeliberationListQuery = z.infer<typeof deliberationListQuerySchema>

/** Where the current step stands. Once the status is closed the phase no longer matters. */
export const STEP_PHASES = ['pending', 'scheduled', 'in_session', 'collecting', 'done'] as const
export type StepPhase = (typeof STEP_PHASES)[number]

const PHASES_BY_KIND: Record<StepKind, readonly StepPhase[]> = {
  meeting: ['pending', 'scheduled', 'in_session', 'done'],
  solicitation: ['pending', 'collecting', 'done'],
  publication: ['pending', 'done'],
}
export const stepPhasesOf = (kind: StepKind): readonly StepPhase[] => PHASES_BY_KIND[kind]

const PHASE_LABELS: Record<StepKind, Partial<Record<StepPhase, string>>> = {
  meeting: { pending: '待安排会议', scheduled: '已发会议通知', in_session: '会议进行中', done: '已完成' },
  solicitation: { pending: '待征求意见', collecting: '正在征求意见', done: '已汇总意见' },
  publication: { pending: '待公开', done: '已公开' },
}
export const stepPhaseLabel = (kind: StepKind, phase: StepPhase): string => PHASE_LABELS[kind][phase] ?? ''

export const DELIBERATION_EVENTS = [
  'schedule_meeting',
  'cancel_meeting',
  'reschedule_meeting',
  'lapse_meeting',
  'void_meeting',
  'open',
  'record_attendance',
  'record_result',
  'post_summary',
  'advance',
  'publish',
  'reject',
] as const
export type DeliberationEventType = (typeof DELIBERATION_EVENTS)[number]
export const DELIBERATION_EVENT_LABELS: Record<DeliberationEventType, string> = {
  schedule_meeting: '发出会议通知',
  cancel_meeting: '取消会议',
  reschedule_meeting: '会议改期',
  lapse_meeting: '会议失效',
  void_meeting: '宣布表决作废',
  open: '开始',
  record_attendance: '登记到会',
  record_result: '结束表决',
  post_summary: '发布意见汇总',
  advance: '进入下一步',
  publish: '发布公告',
  reject: '终止议事',
}

/**
 * Events the server raises by itself, never a person: a meeting not opened within a day after its
 * time lapses. No role records them and no page offers them as a button.
 */
export const SYSTEM_DELIBERATION_EVENTS: readonly DeliberationEventType[] = ['lapse_meeting']

/** 公开表决 (hands, voice or named ballot) or 无记名投票; chosen per meeting. */
export const BALLOT_KINDS = ['open', 'secret'] as const
export type BallotKind = (typeof BALLOT_KINDS)[number]
export const BALLOT_KIND_LABELS: Record<BallotKind, string> = { open: '公开表决', secret: '无记名投票' }

// ---------- state ----------

export interface ScheduledMeeting {
  body: MeetingBody
  /** ISO timestamps, so the state can be stored as it is */
  meetingAt: string
  noticeAt: string
  ballot: BallotKind
  /** the latest count; the quorum shown live comes from it */
  attendance: Attendance | null
}

export interface OpinionSummary {
  text: string
  opinionCount: number
  postedAt: string
}

export const STEP_OUTCOMES = [
  'passed',
  'failed',
  'not_quorate',
  'cancelled',
  'rescheduled',
  'lapsed',
  'voided',
  'summarised',
  'published',
  'rejected',
] as const
export type StepOutcome = (typeof STEP_OUTCOMES)[number]
export const STEP_OUTCOME_LABELS: Record<StepOutcome, string> = {
  passed: '通过',
  failed: '未通过',
  not_quorate: '未达法定人数',
  cancelled: '会议取消',
  rescheduled: '会议改期',
  lapsed: '会议失效',
  voided: '表决作废',
  summarised: '意见已汇总',
  published: '已公开',
  rejected: '终止',
}

/** One line of the deliberation's record: a meeting held or cancelled, a summary, a notice. */
export interface StepRecord {
  step: StepKey
  body: DeliberationBody
  outcome: StepOutcome
  at: string
  meeting?: {
    meetingAt: string
    attendance: Attendance | null
    votes: Votes | null
    quorumBy: QuorumCount | null
    reason: string
  }
  noticeId?: number
  reason?: string
}

export interface DeliberationState {
  status: DeliberationStatus
  step: StepKey
  phase: StepPhase
  meeting: ScheduledMeeting | null
  /** 一征: when residents may start giving opinions (the window is [opensAt, closesAt)) */
  solicitationOpensAt?: string | null
  solicitationClosesAt: string | null
  /** 一征: what residents said, for the steps that follow */
  opinionSummary: OpinionSummary | null
  resolutionNoticeId: number | null
  /** the 实施结果公开 notice, linked to `resolutionNoticeId` */
  resultsNoticeId: number | null
  /** when the current step became current (a paper notice of its meeting cannot be older) */
  stepSince?: string | null
  history: readonly StepRecord[]
}

export function startDeliberation(procedure: Procedure, now?: Date): DeliberationState {
  return {
    stepSince: now ? now.toISOString() : null,
    status: 'in_progress',
    step: procedure.steps[0]!.key,
    phase: 'pending',
    meeting: null,
    solicitationOpensAt: null,
    solicitationClosesAt: null,
    opinionSummary: null,
    resolutionNoticeId: null,
    resultsNoticeId: null,
    history: [],
  }
}

// ---------- events ----------

export type DeliberationEvent =
  | {
      type: 'schedule_meeting'
      step: StepKey
      body: DeliberationBody
      meetingAt: Date
      /** when the system published the notice: the server passes now, never a typed date */
      noticeAt: Date
      /**
       * a paper notice posted on the board earlier; the meeting time may lean on it, but the meeting
       * opens only once a supervisor confirmed it (the open event then carries it as `noticeAt`)
       */
      paperNoticeAt?: Date
      agendaPublished: boolean
      planSent: boolean
      ballot: BallotKind
    }
  | { type: 'cancel_meeting'; step: StepKey; reason?: string }
  /** a new time for a meeting not yet held: a fresh notice, from which the notice days count again */
  | {
      type: 'reschedule_meeting'
      step: StepKey
      meetingAt: Date
      noticeAt: Date
      agendaPublished: boolean
      planSent: boolean
      reason?: string
    }
  /** a meeting not opened within a day after its time (raised by the server) */
  | { type: 'lapse_meeting'; step: StepKey }
  /**
   * a vote in session whose records were altered behind the application (the server has found
   * ballots it cannot account for): nothing is counted, the step waits for a new meeting
   */
  | { type: 'void_meeting'; step: StepKey; reason: string }
  /**
   * opens the meeting, or the opinion window of 一征 (which then needs `closesAt`; it starts at
   * `opensAt`, now when left out). A meeting's `noticeAt` is the notice that counts (the confirmed
   * paper notice); the system's notice when left out.
   */
  | { type: 'open'; step: StepKey; opensAt?: Date; closesAt?: Date; noticeAt?: Date }
  | { type: 'record_attendance'; step: StepKey; attendance: Attendance }
  /** closes the vote; the engine works out the outcome from the counts */
  | { type: 'record_result'; step: StepKey; votes: Votes }
  | { type: 'post_summary'; step: StepKey; text: string; opinionCount: number }
  | { type: 'advance'; step: StepKey }
  /** the notice the server created for this publication step */
  | { type: 'publish'; step: StepKey; noticeId: number }
  | { type: 'reject'; step: StepKey; reason: string }

export interface DeliberationContext {
  /** the procedure frozen on the deliberation when it started */
  procedure: Procedure
  matter: MatterType
  /** the villagers' (residents') meeting delegated this matter to the representatives' meeting */
  delegated: boolean
  /** the actor's roles in this village */
  roles: readonly Role[]
  now: Date
}

type Refusal = { ok: false; code: ErrorCode; reason?: string; details?: Record<string, unknown> }
export type DeliberationTransition = { ok: true; next: DeliberationState; outcome?: MeetingOutcome } | Refusal

const refuse = (code: ErrorCode, reason?: string): Refusal =>
  reason === undefined ? { ok: false, code } : { ok: false, code, reason }

const NO_NOTICE: NoticeRule = { minDays: 0, agendaRequired: false, planRequired: false }

// ---------- notice ----------

/**
 * When the current step became current: stored since it was kept, else the last record of an
 * earlier step (the vote or publication that moved the deliberation on).
 */
export function stepStartedAt(state: DeliberationState): Date | null {
  if (state.stepSince) return new Date(state.stepSince)
  const earlier = [...state.history].reverse().find((h) => h.step !== state.step)
  return earlier ? new Date(earlier.at) : null
}

// ---------- the gate: status, order, role, step kind, phase ----------

const EVENT_KINDS: Record<DeliberationEventType, readonly StepKind[]> = {
  schedule_meeting: ['meeting'],
  cancel_meeting: ['meeting'],
  reschedule_meeting: ['meeting'],
  lapse_meeting: ['meeting'],
  void_meeting: ['meeting'],
  open: ['meeting', 'solicitation'],
  record_attendance: ['meeting'],
  record_result: ['meeting'],
  post_summary: ['solicitation'],
  advance: ['meeting', 'solicitation', 'publication'],
  publish: ['publication'],
  reject: ['meeting', 'solicitation', 'publication'],
}

type PhaseRule = Partial<Record<StepPhase, ErrorCode | 'ok'>>

/** What each event does in each phase of its kind of step: allowed, or the refusal. */
const PHASE_RULES: Record<StepKind, Partial<Record<DeliberationEventType, PhaseRule>>> = {
  meeting: {
    schedule_meeting: {
      pending: 'ok',
      scheduled: 'DELIBERATION_MEETING_ALREADY_SCHEDULED',
      in_session: 'DELIBERATION_MEETING_IN_SESSION',
      done: 'DELIBERATION_STEP_DONE',
    },
    cancel_meeting: {
      pending: 'DELIBERATION_MEETING_NOT_SCHEDULED',
      scheduled: 'ok',
      in_session: 'DELIBERATION_MEETING_IN_SESSION',
      done: 'DELIBERATION_STEP_DONE',
    },
    reschedule_meeting: {
      pending: 'DELIBERATION_MEETING_NOT_SCHEDULED',
      scheduled: 'ok',
      in_session: 'DELIBERATION_MEETING_IN_SESSION',
      done: 'DELIBERATION_STEP_DONE',
    },
    lapse_meeting: {
      pending: 'DELIBERATION_MEETING_NOT_SCHEDULED',
      scheduled: 'ok',
      in_session: 'DELIBERATION_MEETING_IN_SESSION',
      done: 'DELIBERATION_STEP_DONE',
    },
    void_meeting: {
      pending: 'DELIBERATION_MEETING_NOT_SCHEDULED',
      scheduled: 'DELIBERATION_MEETING_NOT_OPEN',
      in_session: 'ok',
      done: 'DELIBERATION_STEP_DONE',
    },
    open: {
      pending: 'DELIBERATION_MEETING_NOT_SCHEDULED',
      scheduled: 'ok',
      in_session: 'DELIBERATION_MEETING_IN_SESSION',
      done: 'DELIBERATION_STEP_DONE',
    },
    record_attendance: {
      pending: 'DELIBERATION_MEETING_NOT_SCHEDULED',
      scheduled: 'DELIBERATION_MEETING_NOT_OPEN',
      in_session: 'ok',
      done: 'DELIBERATION_STEP_DONE',
    },
    record_result: {
      pending: 'DELIBERATION_MEETING_NOT_SCHEDULED',
      scheduled: 'DELIBERATION_MEETING_NOT_OPEN',
      in_session: 'ok',
      done: 'DELIBERATION_STEP_DONE',
    },
    advance: {
      pending: 'DELIBERATION_STEP_NOT_DONE',
      scheduled: 'DELIBERATION_STEP_NOT_DONE',
      in_session: 'DELIBERATION_STEP_NOT_DONE',
      done: 'ok',
    },
    reject: { pending: 'ok', scheduled: 'ok', in_session: 'DELIBERATION_MEETING_IN_SESSION', done: 'ok' },
  },
  solicitation: {
    open: { pending: 'ok', collecting: 'DELIBERATION_SOLICITATION_OPEN', done: 'DELIBERATION_STEP_DONE' },
    post_summary: {
      pending: 'DELIBERATION_SOLICITATION_NOT_STARTED',
      collecting: 'ok',
      done: 'DELIBERATION_STEP_DONE',
    },
    advance: { pending: 'DELIBERATION_STEP_NOT_DONE', collecting: 'DELIBERATION_STEP_NOT_DONE', done: 'ok' },
    reject: { pending: 'ok', collecting: 'ok', done: 'ok' },
  },
  publication: {
    publish: { pending: 'ok', done: 'DELIBERATION_STEP_DONE' },
    advance: { pending: 'DELIBERATION_STEP_NOT_DONE', done: 'ok' },
    reject: { pending: 'ok', done: 'ok' },
  },
}

/**
 * Whether `type` may act on `key` now, before looking at what the event carries. Order: a closed
 * deliberation, a step not in the procedure, a later step (skipping) or an earlier one (done), the
 * actor's role, an event the step has no use for, a withdrawal after the decision, then the phase.
 */
export function gateEvent(
  procedure: Procedure,
  state: DeliberationState,
  type: DeliberationEventType,
  key: StepKey,
  roles: readonly Role[],
): { ok: true; step: ProcedureStep } | Refusal {
  if (isDeliberationClosed(state.status)) return refuse('DELIBERATION_CLOSED')
  const step = findStep(procedure, key)
  if (!step) return refuse('DELIBERATION_STEP_NOT_IN_PROCEDURE')
  const at = stepIndex(procedure, key)
  const current = stepIndex(procedure, state.step)
  if (at > current)
    return refuse('DELIBERATION_STEP_SKIPPED', `现在是“${findStep(procedure, state.step)!.label}”这一步`)
  if (at < current) return refuse('DELIBERATION_STEP_DONE')
  if (!SYSTEM_DELIBERATION_EVENTS.includes(type) && !roles.some((r) => step.recorders.includes(r)))
    return refuse('DELIBERATION_ROLE_NOT_ALLOWED')
  if (!EVENT_KINDS[type].includes(step.kind)) return refuse('DELIBERATION_ACTION_NOT_FOR_STEP')
  if (type === 'reject' && state.status === 'adopted') return refuse('DELIBERATION_ALREADY_DECIDED')
  const verdict = PHASE_RULES[step.kind][type]?.[state.phase]
  if (verdict === undefined) return refuse('DELIBERATION_ACTION_NOT_FOR_STEP')
  return verdict === 'ok' ? { ok: true, step } : refuse(verdict)
}

/**
 * The events the current step accepts from someone with these roles: which buttons a page shows.
 * Given the time, a meeting offers 开始会议 only from its announced time until it lapses.
 */
export function deliberationEventsFrom(
  procedure: Procedure,
  state: DeliberationState,
  roles: readonly Role[],
  now?: Date,
): DeliberationEventType[] {
  const meeting = state.phase === 'scheduled' ? state.meeting : null
  const due = !now || !meeting || meetingMoment(new Date(meeting.meetingAt), 0, now) === 'due'
  return DELIBERATION_EVENTS.filter(
    (t) =>
      !SYSTEM_DELIBERATION_EVENTS.includes(t) &&
      // offered only where the server found ballots it cannot account for (MeetingView.integrityProblem)
      t !== 'void_meeting' &&
      (t !== 'open' || due) &&
      gateEvent(procedure, state, t, state.step, roles).ok,
  )
}

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
        return refuse(
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
        return refuse('VALIDATION_FAILED', '请填写开会时间')
      if (event.noticeAt.getTime() > ctx.now.getTime())
        return refuse('VALIDATION_FAILED', '通知时间不能晚于现在')
      const rule = option.notice ?? NO_NOTICE
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
      if (!meeting) return refuse('DELIBERATION_MEETING_NOT_SCHEDULED')
      const entry: StepRecord = { step: step.key, body: meeting.body, outcome: 'cancelled', at: now }
      if (event.reason) entry.reason = event.reason
      return { ok: true, next: { ...state, phase: 'pending', meeting: null, history: record(state, entry) } }
    }

    case 'void_meeting': {
      const meeting = state.meeting
      if (!meeting) return refuse('DELIBERATION_MEETING_NOT_SCHEDULED')
      if (!event.reason.trim()) return refuse('VALIDATION_FAILED', '请写明表决作废的原因')
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
      if (!meeting) return refuse('DELIBERATION_MEETING_NOT_SCHEDULED')
      if (!isValidDate(event.meetingAt) || !isValidDate(event.noticeAt))
        return refuse('VALIDATION_FAILED', '请填写新的开会时间')
      if (event.noticeAt.getTime() > ctx.now.getTime())
        return refuse('VALIDATION_FAILED', '通知时间不能晚于现在')
      const notice = checkMeetingNotice(stepBody(step, meeting.body)?.notice ?? NO_NOTICE, event)
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
      if (!meeting) return refuse('DELIBERATION_MEETING_NOT_SCHEDULED')
      const meetingAt = new Date(meeting.meetingAt)
      if (ctx.now.getTime() < meetingAt.getTime() + MEETING_LAPSE_MS)
        return refuse('DELIBERATION_MEETING_NOT_LAPSED')
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
        if (!isValidDate(event.closesAt)) return refuse('VALIDATION_FAILED', '请填写征求意见的截止时间')
        const opensAt = event.opensAt ?? ctx.now
        if (!isValidDate(opensAt)) return refuse('VALIDATION_FAILED', '请填写征求意见的开始时间')
        // a minute's grace for the clock of the phone that sent "now"
        if (opensAt.getTime() < ctx.now.getTime() - 60_000)
          return refuse('VALIDATION_FAILED', '征求意见的开始时间不能早于现在')
        const days = calendarDaysBetween(opensAt, event.closesAt)
        if (days < ctx.procedure.solicitationMinDays)
          return refuse(
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
      if (!meeting) return refuse('DELIBERATION_MEETING_NOT_SCHEDULED')
      const meetingAt = new Date(meeting.meetingAt)
      const timing = openTimeRule({ meetingAt, checkInLeadMinutes: 0 }, ctx.now)
      if (!timing.ok) return timing
      // the days are counted again from the notice that counts now: a paper notice the meeting time
      // leaned on but no supervisor confirmed leaves it too short
      const counted = event.noticeAt ?? new Date(meeting.noticeAt)
      const rule = stepBody(step, meeting.body)?.notice ?? NO_NOTICE
      const days = checkNoticeDays(rule, counted, meetingAt)
      if (!days.ok) return days
      return { ok: true, next: { ...state, phase: 'in_session' } }
    }

    case 'record_attendance': {
      if (!state.meeting) return refuse('DELIBERATION_MEETING_NOT_SCHEDULED')
      const valid = validateAttendance(event.attendance)
      if (!valid.ok) return valid
      return { ok: true, next: { ...state, meeting: { ...state.meeting, attendance: event.attendance } } }
    }

    case 'record_result': {
      const meeting = state.meeting
      if (!meeting) return refuse('DELIBERATION_MEETING_NOT_SCHEDULED')
      if (!meeting.attendance) return refuse('DELIBERATION_ATTENDANCE_MISSING')
      const timing = openTimeRule({ meetingAt: new Date(meeting.meetingAt), checkInLeadMinutes: 0 }, ctx.now)
      // a vote closes no earlier than it could open; a meeting open for over a day may still close
      if (!timing.ok && timing.code === 'DELIBERATION_MEETING_TOO_EARLY') return timing
      const rule = meetingRuleFor(ctx.procedure, step, meeting.body, ctx.matter)
      if (!rule) return refuse('DELIBERATION_BODY_NOT_ALLOWED')
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
        return refuse('VALIDATION_FAILED', '请填写意见汇总')
      if (state.solicitationClosesAt && ctx.now.getTime() < new Date(state.solicitationClosesAt).getTime())
        return refuse('DELIBERATION_SOLICITATION_OPEN')
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
      if (!isPositiveId(event.noticeId)) return refuse('VALIDATION_FAILED', '公告编号不对')
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
          return refuse('VALIDATION_FAILED', '实施结果要另发一条公告，不能用决议公告代替')
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
      if (reason === '') return refuse('VALIDATION_FAILED', '请填写终止的原因')
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

// ---------- what the pages show ----------

/** The step under way, its label and phase in words. */
export function currentDeliberationStep(procedure: Procedure, state: DeliberationState): ProcedureStep {
  return findStep(procedure, state.step)!
}

/** Whether the procedure has reached (or passed) the deciding step and it passed. */
export const isDeliberationAdopted = (state: DeliberationState): boolean =>
  state.status === 'adopted' || state.status === 'completed'

// ---------- requests ----------

const nonBlank = (what: string, max: number) =>
  z
    .string({ required_error: `请填写${what}` })
    .trim()
    .min(1, `请填写${what}`)
    .max(max, `${what}最多 ${max} 个字`)

const id = z.number().int().positive()
const stepKey = z.enum(STEP_KEYS)

export const deliberationSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('grievance'), grievanceId: id }),
  z.object({ kind: z.literal('cadre') }),
  z.object({ kind: z.literal('higher_assignment'), reference: nonBlank('交办文件或交办单', 100) }),
  z.object({ kind: z.literal('petition'), petitionId: id }),
])
export type DeliberationSourceRequest = z.infer<typeof deliberationSourceSchema>

export const deliberationCreateSchema = z.object({
  title: nonBlank('议题', 60),
  content: nonBlank('议题内容', 5000),
  matterType: z.enum(MATTER_TYPES),
  source: deliberationSourceSchema,
  attachmentIds: z
    .array(id)
    .max(20, '附件最多 20 个')
    .refine((ids) => new Set(ids).size === ids.length, '同一个附件放了两次')
    .default([]),
  /** the assembly's resolution that delegated this matter to the representatives' meeting */
  delegation: z
    .object({ resolution: nonBlank('授权的村（居）民会议决议', 100) })
    .nullable()
    .default(null),
  /** a not-adopted deliberation this one revises */
  previousId: id.nullable().default(null),
})
export type DeliberationCreateRequest = z.input<typeof deliberationCreateSchema>
export type DeliberationCreate = z.infer<typeof deliberationCreateSchema>

export const meetingScheduleSchema = z.object({
  step: stepKey,
  body: z.enum(DELIBERATION_BODIES),
  meetingAt: z.coerce.date({ errorMap: () => ({ message: '请填写开会时间' }) }),
  /**
   * The notice is given when the system publishes it; a typed notice date is refused (an earlier
   * paper notice is `paperNotice`, which counts once a supervisor confirms its photo).
   */
  noticeAt: z
    .custom<never>(() => false, {
      message: '通知时间以系统发出通知的时间为准，不能填写；公告栏上早已张贴的纸质通知，请拍照登记为纸质通知',
    })
    .optional(),
  /** a paper notice already on the village board: when it went up, and photos of it */
  paperNotice: z
    .object({
      postedAt: z.coerce.date({ errorMap: () => ({ message: '请填写纸质通知张贴的日期和时间' }) }),
      photoIds: z
        .array(id)
        .min(1, '请上传纸质通知张贴在公告栏上的照片')
        .max(9, '照片最多 9 张')
        .refine((ids) => new Set(ids).size === ids.length, '同一张照片放了两次'),
    })
    .optional(),
  location: nonBlank('开会地点', 100),
  agenda: nonBlank('会议议题', 2000),
  agendaPublished: z.boolean().default(false),
  planSent: z.boolean().default(false),
  ballot: z.enum(BALLOT_KINDS).default('open'),
})
export type MeetingScheduleRequest = z.input<typeof meetingScheduleSchema>
export type MeetingSchedule = z.infer<typeof meetingScheduleSchema>

/**
 * 会议改期, or a lapsed meeting noticed afresh: a new time is a new notice, published now, and the
 * notice days count again from it. The members frozen at the first notice are told.
 */
export const meetingRescheduleSchema = z.object({
  step: stepKey,
  meetingAt: z.coerce.date({ errorMap: () => ({ message: '请填写新的开会时间' }) }),
  location: nonBlank('开会地点', 100).optional(),
  agendaPublished: z.boolean().default(false),
  planSent: z.boolean().default(false),
  reason: z.string().trim().max(200, '改期的原因最多 200 个字').optional(),
})
export type MeetingRescheduleRequest = z.input<typeof meetingRescheduleSchema>
export type MeetingReschedule = z.infer<typeof meetingRescheduleSchema>

export const stepActionSchema = z.object({ step: stepKey })
export type StepActionRequest = z.infer<typeof stepActionSchema>

/** 一征: the committee opens the window in which residents give their opinions. */
export const solicitationOpenSchema = z.object({
  step: stepKey,
  /** when the window opens; now when left out */
  opensAt: z.coerce.date({ errorMap: () => ({ message: '请填写开始时间' }) }).optional(),
  closesAt: z.coerce.date({ errorMap: () => ({ message: '请填写截止时间' }) }),
})
export type SolicitationOpenRequest = z.input<typeof solicitationOpenSchema>
export type SolicitationOpen = z.infer<typeof solicitationOpenSchema>

/** 一征: a resident's opinion, with photos uploaded first through POST /api/villages/:v/files. */
export const opinionCreateSchema = z.object({
  text: nonBlank('意见', 1000),
  photoIds: z
    .array(id)
    .max(9, '照片最多 9 张')
    .refine((ids) => new Set(ids).size === ids.length, '同一张照片放了两次')
    .default([]),
})
export type OpinionCreateRequest = z.input<typeof opinionCreateSchema>
export type OpinionCreate = z.infer<typeof opinionCreateSchema>

export const attendanceRecordSchema = z.object({ step: stepKey, attendance: attendanceSchema })
export type AttendanceRecordRequest = z.infer<typeof attendanceRecordSchema>

/** The clerk's count of hands or paper ballots; the server adds the online ballots (`combineVotes`). */
export const voteResultSchema = z.object({ step: stepKey, counted: votesSchema })
export type VoteResultRequest = z.infer<typeof voteResultSchema>

/** The committee's summary of the opinions; the server counts the opinions itself. */
export const opinionSummarySchema = z.object({
  step: stepKey,
  text: nonBlank('意见汇总', 3000),
})
export type OpinionSummaryRequest = z.infer<typeof opinionSummarySchema>

export const publishStepSchema = z.object({
  step: stepKey,
  title: nonBlank('公告标题', 60),
  text: nonBlank('公告内容', 5000),
  attachmentIds: z.array(id).max(20, '附件最多 20 个').default([]),
})
export type PublishStepRequest = z.input<typeof publishStepSchema>

export const rejectDeliberationSchema = z.object({ step: stepKey, reason: nonBlank('终止的原因', 200) })
export type RejectDeliberationRequest = z.infer<typeof rejectDeliberationSchema>

export const petitionCreateSchema = z.object({
  target: z.enum(PETITION_TARGETS),
  title: nonBlank('提议召开会议的事由', 60),
  text: nonBlank('具体内容', 2000),
})
export type PetitionCreateRequest = z.infer<typeof petitionCreateSchema>

// ---------- meeting records ----------

/**
 * 会议记录. The first entry is the minutes; every later one is a correction (更正) that names what
 * it corrects. Nothing is edited or deleted: the record only grows.
 */
export const minutesCreateSchema = z.object({ text: nonBlank('会议记录', 10000) })
export type MinutesCreateRequest = z.infer<typeof minutesCreateSchema>

/** Files uploaded first (photos of the sign-in sheet, the minutes on paper…), then attached. */
export const meetingAttachmentsSchema = z.object({
  fileIds: z
    .array(id)
    .min(1, '请选择附件')
    .max(20, '附件最多 20 个')
    .refine((ids) => new Set(ids).size === ids.length, '同一个附件放了两次'),
})
export type MeetingAttachmentsRequest = z.infer<typeof meetingAttachmentsSchema>

/** 列席的乡镇（街道）干部: an official of the township above the village, with their post. */
export const townshipAttendeeSchema = z.object({
  accountId: id,
  title: nonBlank('职务', 30),
})
export type TownshipAttendeeRequest = z.infer<typeof townshipAttendeeSchema>

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
  type DeliberationBody,
  type MatterType,
  type MeetingBody,
  type Procedure,
  type StepKey,
  type StepKind,
} from './procedure'
import { type Attendance, type MeetingOutcome, type QuorumCount, type Votes } from './quorum'
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

/** A refused event: the code and, for some, why in words. */
export type StepRefusal = { ok: false; code: ErrorCode; reason?: string; details?: Record<string, unknown> }
export type DeliberationTransition =
  { ok: true; next: DeliberationState; outcome?: MeetingOutcome } | StepRefusal

/** The refusal of an event by its code. */
export const refuseStep = (code: ErrorCode, reason?: string): StepRefusal =>
  reason === undefined ? { ok: false, code } : { ok: false, code, reason }

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

/** 议事: the gate every event passes (status, order, role, step kind, phase). */
import { meetingMoment } from './meeting-time'
import {
  findStep,
  stepIndex,
  type Procedure,
  type ProcedureStep,
  type StepKey,
  type StepKind,
} from './procedure'
import type { ErrorCode } from './errors'
import type { Role } from './roles'
import {
  DELIBERATION_EVENTS,
  DeliberationEventType,
  DeliberationState,
  StepRefusal,
  SYSTEM_DELIBERATION_EVENTS,
  StepPhase,
  isDeliberationClosed,
  refuseStep,
} from './deliberation'

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
): { ok: true; step: ProcedureStep } | StepRefusal {
  if (isDeliberationClosed(state.status)) return refuseStep('DELIBERATION_CLOSED')
  const step = findStep(procedure, key)
  if (!step) return refuseStep('DELIBERATION_STEP_NOT_IN_PROCEDURE')
  const at = stepIndex(procedure, key)
  const current = stepIndex(procedure, state.step)
  if (at > current)
    return refuseStep('DELIBERATION_STEP_SKIPPED', `现在是“${findStep(procedure, state.step)!.label}”这一步`)
  if (at < current) return refuseStep('DELIBERATION_STEP_DONE')
  if (!SYSTEM_DELIBERATION_EVENTS.includes(type) && !roles.some((r) => step.recorders.includes(r)))
    return refuseStep('DELIBERATION_ROLE_NOT_ALLOWED')
  if (!EVENT_KINDS[type].includes(step.kind)) return refuseStep('DELIBERATION_ACTION_NOT_FOR_STEP')
  if (type === 'reject' && state.status === 'adopted') return refuseStep('DELIBERATION_ALREADY_DECIDED')
  const verdict = PHASE_RULES[step.kind][type]?.[state.phase]
  if (verdict === undefined) return refuseStep('DELIBERATION_ACTION_NOT_FOR_STEP')
  return verdict === 'ok' ? { ok: true, step } : refuseStep(verdict)
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

import { DAY_MS } from './grievance'
import { ERRORS, type ErrorCode } from './errors'
import { calendarDaysBetween, checkMeetingNotice, earliestMeetingAt } from './meeting-time'
import {
  DELIBERATION_EVENTS,
  SYSTEM_DELIBERATION_EVENTS,
  stepPhasesOf,
  startDeliberation,
  type DeliberationContext,
  type DeliberationEvent,
  type DeliberationEventType,
  type DeliberationState,
  type StepPhase,
} from './deliberation'
import { transitionDeliberation } from './deliberation-transition'
import { deliberationEventsFrom } from './deliberation-gate'
import {
  attendanceRecordSchema,
  deliberationCreateSchema,
  meetingRescheduleSchema,
  meetingScheduleSchema,
} from './deliberation-requests'
import {
  buildProcedure,
  defaultProcedureSettings,
  procedureSettingsSchema,
  type DeliberationBody,
  type MatterType,
  type Procedure,
  type ProcedureSettings,
  type ProcedureStep,
  type StepKey,
  type StepKind,
} from './procedure'
import type { Attendance, Votes } from './quorum'
import { ROLES, type Role } from './roles'

// ---------- factories ----------

const T0 = new Date('2025-03-03T02:00:00Z') // a Monday, 10:00 in China
const days = (at: Date, n: number) => new Date(at.getTime() + n * DAY_MS)

const RURAL = buildProcedure({ procedureVariant: 'siyi_liang_gongkai', yijiantiao: false })
const RURAL_MERGED = buildProcedure({ procedureVariant: 'siyi_liang_gongkai', yijiantiao: true })
const URBAN = buildProcedure({ procedureVariant: 'yizheng_sanyi_liang_gongkai', yijiantiao: false })
const URBAN_MERGED = buildProcedure({ procedureVariant: 'yizheng_sanyi_liang_gongkai', yijiantiao: true })
const PRESETS: [string, Procedure][] = [
  ['四议两公开', RURAL],
  ['四议两公开 (一肩挑)', RURAL_MERGED],
  ['一征三议两公开', URBAN],
  ['一征三议两公开 (一肩挑)', URBAN_MERGED],
]

const CADRES: Role[] = ['party_secretary', 'committee_member']

const ctx = (procedure: Procedure, over: Partial<DeliberationContext> = {}): DeliberationContext => ({
  procedure,
  matter: 'ordinary',
  delegated: false,
  roles: CADRES,
  now: T0,
  ...over,
})

const withSettings = (variant: 'rural' | 'urban', change: (s: ProcedureSettings) => void): Procedure => {
  const s = defaultProcedureSettings()
  change(s)
  return buildProcedure(
    {
      procedureVariant: variant === 'rural' ? 'siyi_liang_gongkai' : 'yizheng_sanyi_liang_gongkai',
      yijiantiao: false,
    },
    procedureSettingsSchema.parse(s),
  )
}

const FULL_HOUSE: Attendance = { due: 10, present: 10, households: { total: 5, represented: 5 } }
const ALL_YES: Votes = { yes: 10, no: 0, abstain: 0 }

type ScheduleEvent = Extract<DeliberationEvent, { type: 'schedule_meeting' }>

/** A notice for a meeting 15 days after `now`, with agenda and plan out: valid for any body's rule. */
const scheduleEvent = (step: ProcedureStep, now: Date, body?: DeliberationBody): ScheduleEvent => ({
  type: 'schedule_meeting',
  step: step.key,
  body: body ?? step.body,
  meetingAt: days(now, 15),
  noticeAt: now,
  agendaPublished: true,
  planSent: true,
  ballot: 'open',
})

/** An event that is valid in itself for this step at `now`, so only the state can refuse it. */
function validEvent(
  step: ProcedureStep,
  type: DeliberationEventType,
  now: Date,
  body?: DeliberationBody,
): DeliberationEvent {
  const base = { step: step.key }
  switch (type) {
    case 'schedule_meeting':
      return scheduleEvent(step, now, body)
    case 'cancel_meeting':
    case 'lapse_meeting':
      return { ...base, type }
    case 'void_meeting':
      return { ...base, type, reason: '收回选票 41 张，投了票的有 40 人' }
    case 'reschedule_meeting':
      return {
        ...base,
        type,
        meetingAt: days(now, 15),
        noticeAt: now,
        agendaPublished: true,
        planSent: true,
      }
    case 'open':
      return { ...base, type, closesAt: days(now, 10) }
    case 'record_attendance':
      return { ...base, type, attendance: FULL_HOUSE }
    case 'record_result':
      return { ...base, type, votes: ALL_YES }
    case 'post_summary':
      return { ...base, type, text: '多数居民赞成加装电梯，希望公开费用分摊办法', opinionCount: 37 }
    case 'advance':
      return { ...base, type }
    case 'publish':
      return { ...base, type, noticeId: step.key === 'publish_results' ? 202 : 201 }
    case 'reject':
      return { ...base, type, reason: '方案需要重新修改' }
  }
}

/** Applies an event that must succeed. */
function apply(
  state: DeliberationState,
  event: DeliberationEvent,
  c: DeliberationContext,
): DeliberationState {
  const r = transitionDeliberation(state, event, c)
  if (!r.ok) throw new Error(`${event.type} on ${event.step} refused: ${r.code} ${r.reason ?? ''}`)
  return r.next
}

interface Driven {
  state: DeliberationState
  /**
   * a moment after everything done so far, when any event of the current phase is in time: for a
   * scheduled meeting its announced time (a month later it would have lapsed)
   */
  now: Date
}

/** How each kind of step is carried through: the event, the days to wait before it, the phase it reaches. */
const PATHS: Record<StepKind, [DeliberationEventType, number, StepPhase][]> = {
  meeting: [
    ['schedule_meeting', 0, 'scheduled'],
    ['open', 15, 'in_session'],
    ['record_attendance', 0, 'in_session'],
    ['record_result', 0, 'done'],
  ],
  solicitation: [
    ['open', 0, 'collecting'],
    ['post_summary', 11, 'done'],
  ],
  publication: [['publish', 0, 'done']],
}

/** Walks a deliberation to `phase` of `key`, passing every step before it (a full house votes yes). */
function driveTo(
  procedure: Procedure,
  key: StepKey,
  phase: StepPhase,
  over: Partial<DeliberationContext> = {},
): Driven {
  let state = startDeliberation(procedure)
  let t = T0
  const run = (step: ProcedureStep, type: DeliberationEventType) => {
    state = apply(state, validEvent(step, type, t), ctx(procedure, { ...over, now: t }))
  }
  for (const step of procedure.steps) {
    const target = step.key === key ? stepPhasesOf(step.kind).indexOf(phase) : Infinity
    for (const [type, wait, reaches] of PATHS[step.kind]) {
      if (stepPhasesOf(step.kind).indexOf(reaches) > target) break
      t = days(t, wait)
      run(step, type)
    }
    if (step.key === key)
      return { state, now: phase === 'scheduled' ? new Date(state.meeting!.meetingAt) : days(t, 30) }
    run(step, 'advance')
  }
  throw new Error(`no step ${key}`)
}

function refusal(r: ReturnType<typeof transitionDeliberation>): ErrorCode | 'ok' {
  return r.ok ? 'ok' : r.code
}

// ---------- every step × phase × event ----------

type Expected = StepPhase | 'next step' | 'rejected' | 'completed' | ErrorCode

const NS = 'DELIBERATION_MEETING_NOT_SCHEDULED'
const AS = 'DELIBERATION_MEETING_ALREADY_SCHEDULED'
const NO = 'DELIBERATION_MEETING_NOT_OPEN'
const IS = 'DELIBERATION_MEETING_IN_SESSION'
const SD = 'DELIBERATION_STEP_DONE'
const ND = 'DELIBERATION_STEP_NOT_DONE'
const NF = 'DELIBERATION_ACTION_NOT_FOR_STEP'
const AD = 'DELIBERATION_ALREADY_DECIDED'
const SO = 'DELIBERATION_SOLICITATION_OPEN'
const NST = 'DELIBERATION_SOLICITATION_NOT_STARTED'
const NL = 'DELIBERATION_MEETING_NOT_LAPSED'

/** What every event does in every phase of each kind of step, written out. */
const EXPECTED: Record<StepKind, Partial<Record<StepPhase, Record<DeliberationEventType, Expected>>>> = {
  meeting: {
    // prettier-ignore
    pending: { schedule_meeting: 'scheduled', cancel_meeting: NS, reschedule_meeting: NS, lapse_meeting: NS, void_meeting: NS, open: NS, record_attendance: NS, record_result: NS, post_summary: NF, advance: ND, publish: NF, reject: 'rejected' },
    // prettier-ignore
    scheduled: { schedule_meeting: AS, cancel_meeting: 'pending', reschedule_meeting: 'scheduled', lapse_meeting: NL, void_meeting: NO, open: 'in_session', record_attendance: NO, record_result: NO, post_summary: NF, advance: ND, publish: NF, reject: 'rejected' },
    // prettier-ignore
    in_session: { schedule_meeting: IS, cancel_meeting: IS, reschedule_meeting: IS, lapse_meeting: IS, void_meeting: 'pending', open: IS, record_attendance: 'in_session', record_result: 'done', post_summary: NF, advance: ND, publish: NF, reject: IS },
    // prettier-ignore
    done: { schedule_meeting: SD, cancel_meeting: SD, reschedule_meeting: SD, lapse_meeting: SD, void_meeting: SD, open: SD, record_attendance: SD, record_result: SD, post_summary: NF, advance: 'next step', publish: NF, reject: 'rejected' },
  },
  solicitation: {
    // prettier-ignore
    pending: { schedule_meeting: NF, cancel_meeting: NF, reschedule_meeting: NF, lapse_meeting: NF, void_meeting: NF, open: 'collecting', record_attendance: NF, record_result: NF, post_summary: NST, advance: ND, publish: NF, reject: 'rejected' },
    // prettier-ignore
    collecting: { schedule_meeting: NF, cancel_meeting: NF, reschedule_meeting: NF, lapse_meeting: NF, void_meeting: NF, open: SO, record_attendance: NF, record_result: NF, post_summary: 'done', advance: ND, publish: NF, reject: 'rejected' },
    // prettier-ignore
    done: { schedule_meeting: NF, cancel_meeting: NF, reschedule_meeting: NF, lapse_meeting: NF, void_meeting: NF, open: SD, record_attendance: NF, record_result: NF, post_summary: SD, advance: 'next step', publish: NF, reject: 'rejected' },
  },
  publication: {
    // prettier-ignore
    pending: { schedule_meeting: NF, cancel_meeting: NF, reschedule_meeting: NF, lapse_meeting: NF, void_meeting: NF, open: NF, record_attendance: NF, record_result: NF, post_summary: NF, advance: ND, publish: 'done', reject: AD },
    // prettier-ignore
    done: { schedule_meeting: NF, cancel_meeting: NF, reschedule_meeting: NF, lapse_meeting: NF, void_meeting: NF, open: NF, record_attendance: NF, record_result: NF, post_summary: NF, advance: 'next step', publish: SD, reject: AD },
  },
}

/** The exceptions, also written out: a passed deciding step cannot be withdrawn; the last publication completes. */
function expectedFor(
  procedure: Procedure,
  step: ProcedureStep,
  phase: StepPhase,
  event: DeliberationEventType,
): Expected {
  if (step.deciding && phase === 'done' && event === 'reject') return AD
  const last = procedure.steps[procedure.steps.length - 1]!.key === step.key
  if (last && event === 'publish' && phase === 'pending') return 'completed'
  return EXPECTED[step.kind][phase]![event]
}

const matrix = PRESETS.flatMap(([name, procedure]) =>
  procedure.steps.flatMap((step) =>
    stepPhasesOf(step.kind)
      // the last step completes the deliberation when published, so it never sits "done"
      .filter((phase) => !(step.key === 'publish_results' && phase === 'done'))
      .flatMap((phase) =>
        DELIBERATION_EVENTS.map((event) => ({
          name,
          procedure,
          step,
          phase,
          event,
          expected: expectedFor(procedure, step, phase, event),
        })),
      ),
  ),
)

const isCode = (e: Expected): e is ErrorCode => /^[A-Z_]+$/.test(e)

describe('every step × phase × event of both presets and their 一肩挑 merges', () => {
  it('has an expectation for each', () => {
    // meeting steps: 4 phases, solicitation 3, publications 1 + 2 (the last one only pending)
    const perPreset = (p: Procedure) =>
      p.steps.reduce((n, s) => n + (s.key === 'publish_results' ? 1 : stepPhasesOf(s.kind).length), 0) *
      DELIBERATION_EVENTS.length
    expect(matrix).toHaveLength(PRESETS.reduce((n, [, p]) => n + perPreset(p), 0))
    expect(matrix).toHaveLength(792)
  })

  it.each(
    matrix
      .filter((m) => !isCode(m.expected))
      .map((m) => [m.name, m.step.key, m.phase, m.event, m.expected, m]),
  )('%s: %s (%s) on %s → %s', (_n, _s, _p, _e, expected, m) => {
    const { procedure, step, phase, event } = m as (typeof matrix)[number]
    const { state, now } = driveTo(procedure, step.key, phase)
    const r = transitionDeliberation(state, validEvent(step, event, now), ctx(procedure, { now }))
    if (!r.ok) throw new Error(`refused with ${r.code} ${r.reason ?? ''}`)
    const next = r.next
    switch (expected) {
      case 'next step': {
        const i = procedure.steps.findIndex((s) => s.key === step.key)
        expect([next.step, next.phase]).toEqual([procedure.steps[i + 1]!.key, 'pending'])
        break
      }
      case 'rejected':
      case 'completed':
        expect(next.status).toBe(expected)
        break
      default:
        expect([next.step, next.phase]).toEqual([step.key, expected])
    }
  })

  it.each(
    matrix
      .filter((m) => isCode(m.expected))
      .map((m) => [m.name, m.step.key, m.phase, m.event, m.expected, m]),
  )('%s: %s (%s) refuses %s with %s', (_n, _s, _p, _e, expected, m) => {
    const { procedure, step, phase, event } = m as (typeof matrix)[number]
    const { state, now } = driveTo(procedure, step.key, phase)
    const r = transitionDeliberation(state, validEvent(step, event, now), ctx(procedure, { now }))
    expect(refusal(r)).toBe(expected)
  })

  it('refuses only with codes that have a message a villager can read', () => {
    for (const m of matrix)
      if (isCode(m.expected)) expect(ERRORS[m.expected].message).toMatch(/[\u4e00-\u9fff]/)
  })
})

describe('order', () => {
  const cases = PRESETS.flatMap(([name, p]) =>
    p.steps.flatMap((current, i) =>
      p.steps
        .filter((_, j) => j !== i)
        .map((other, _k) => [name, current.key, other.key, p.steps.indexOf(other) > i, p] as const),
    ),
  )

  it.each(cases)(
    '%s: at %s, an event for %s is refused as skipping ahead or already done',
    (_, current, other, ahead, p) => {
      const { state, now } = driveTo(p, current, 'pending')
      const step = p.steps.find((s) => s.key === other)!
      for (const event of DELIBERATION_EVENTS) {
        const r = transitionDeliberation(state, validEvent(step, event, now), ctx(p, { now }))
        expect(refusal(r)).toBe(ahead ? 'DELIBERATION_STEP_SKIPPED' : 'DELIBERATION_STEP_DONE')
      }
    },
  )

  it('names the step that is under way when refusing a skip', () => {
    const r = transitionDeliberation(
      startDeliberation(RURAL),
      validEvent(RURAL.steps[3]!, 'schedule_meeting', T0),
      ctx(RURAL),
    )
    expect(r).toEqual({ ok: false, code: 'DELIBERATION_STEP_SKIPPED', reason: '现在是“提议”这一步' })
  })

  it.each([
    ['the rural procedure has no 征', RURAL, 'solicit'],
    ['the urban procedure has no 审议', URBAN, 'review'],
    ['a merged procedure has no separate 提议', RURAL_MERGED, 'propose'],
    ['a merged procedure has no separate 商议', URBAN_MERGED, 'consult'],
    ['an unmerged procedure has no merged step', RURAL, 'propose_consult'],
  ] as const)('refuses a step not in the procedure: %s', (_, p, key) => {
    const r = transitionDeliberation(startDeliberation(p), { type: 'advance', step: key }, ctx(p))
    expect(refusal(r)).toBe('DELIBERATION_STEP_NOT_IN_PROCEDURE')
  })
})

describe('who may record each step', () => {
  const cases = PRESETS.flatMap(([name, p]) =>
    p.steps.flatMap((step) =>
      ROLES.filter((r) => !step.recorders.includes(r)).map((role) => [name, step.key, role, p] as const),
    ),
  )

  it.each(cases)('%s: %s is refused to a %s, whatever the event', (_, key, role, p) => {
    const { state, now } = driveTo(p, key, 'pending')
    const step = p.steps.find((s) => s.key === key)!
    for (const event of DELIBERATION_EVENTS.filter((e) => !SYSTEM_DELIBERATION_EVENTS.includes(e))) {
      const r = transitionDeliberation(state, validEvent(step, event, now), ctx(p, { now, roles: [role] }))
      expect(refusal(r)).toBe('DELIBERATION_ROLE_NOT_ALLOWED')
    }
  })

  it('lets a committee member hold 商议 but not 提议 or 审议', () => {
    const c = (key: StepKey) => {
      const { state, now } = driveTo(RURAL, key, 'pending')
      const step = RURAL.steps.find((s) => s.key === key)!
      return refusal(
        transitionDeliberation(
          state,
          validEvent(step, 'schedule_meeting', now),
          ctx(RURAL, { now, roles: ['committee_member'] }),
        ),
      )
    }
    expect([c('propose'), c('consult'), c('review'), c('decide')]).toEqual([
      'DELIBERATION_ROLE_NOT_ALLOWED',
      'ok',
      'DELIBERATION_ROLE_NOT_ALLOWED',
      'ok',
    ])
  })

  it('refuses someone with no role in the village', () => {
    const r = transitionDeliberation(
      startDeliberation(RURAL),
      validEvent(RURAL.steps[0]!, 'schedule_meeting', T0),
      ctx(RURAL, { roles: [] }),
    )
    expect(refusal(r)).toBe('DELIBERATION_ROLE_NOT_ALLOWED')
  })

  it('shows a secretary the buttons of the step under way, and a villager none', () => {
    const state = startDeliberation(RURAL)
    expect(deliberationEventsFrom(RURAL, state, ['party_secretary'])).toEqual(['schedule_meeting', 'reject'])
    expect(deliberationEventsFrom(RURAL, state, ['resident', 'representative'])).toEqual([])
    const { state: inSession } = driveTo(RURAL, 'decide', 'in_session')
    expect(deliberationEventsFrom(RURAL, inSession, CADRES)).toEqual(['record_attendance', 'record_result'])
  })
})

// ---------- whole procedures ----------

describe('a whole 四议两公开', () => {
  it('goes from 提议 to the published results, each publication linked', () => {
    const { state } = driveTo(RURAL, 'publish_results', 'pending')
    expect(state.status).toBe('adopted')
    expect(state.resolutionNoticeId).toBe(201)
    const done = apply(state, validEvent(RURAL.steps[5]!, 'publish', T0), ctx(RURAL))
    expect(done).toMatchObject({ status: 'completed', resolutionNoticeId: 201, resultsNoticeId: 202 })
    expect(done.history.map((h) => [h.step, h.outcome])).toEqual([
      ['propose', 'passed'],
      ['consult', 'passed'],
      ['review', 'passed'],
      ['decide', 'passed'],
      ['publish_resolution', 'published'],
      ['publish_results', 'published'],
    ])
  })

  it('refuses anything once completed', () => {
    const { state } = driveTo(RURAL, 'publish_results', 'pending')
    const done = apply(state, validEvent(RURAL.steps[5]!, 'publish', T0), ctx(RURAL))
    for (const step of RURAL.steps)
      for (const event of DELIBERATION_EVENTS)
        expect(refusal(transitionDeliberation(done, validEvent(step, event, T0), ctx(RURAL)))).toBe(
          'DELIBERATION_CLOSED',
        )
  })

  it('is adopted when the deciding step passes, and only then', () => {
    const before = driveTo(RURAL, 'decide', 'in_session')
    expect(before.state.status).toBe('in_progress')
    const r = transitionDeliberation(
      before.state,
      validEvent(RURAL.steps[3]!, 'record_result', before.now),
      ctx(RURAL, { now: before.now }),
    )
    expect(r.ok && r.next.status).toBe('adopted')
    expect(r.ok && r.outcome?.outcome).toBe('passed')
  })

  it('moves to 决议公开 when the decision is advanced', () => {
    const { state, now } = driveTo(RURAL, 'decide', 'done')
    const next = apply(state, { type: 'advance', step: 'decide' }, ctx(RURAL, { now }))
    expect([next.step, next.phase, next.status]).toEqual(['publish_resolution', 'pending', 'adopted'])
  })

  it('refuses a results notice that reuses the resolution notice', () => {
    const { state } = driveTo(RURAL, 'publish_results', 'pending')
    const r = transitionDeliberation(
      state,
      { type: 'publish', step: 'publish_results', noticeId: 201 },
      ctx(RURAL),
    )
    expect(refusal(r)).toBe('VALIDATION_FAILED')
  })
})

describe('a whole 一征三议两公开', () => {
  it('opens a window of at least 5 days for residents’ opinions', () => {
    const s = startDeliberation(URBAN)
    const open = (closesInDays: number) =>
      refusal(
        transitionDeliberation(
          s,
          { type: 'open', step: 'solicit', closesAt: days(T0, closesInDays) },
          ctx(URBAN),
        ),
      )
    expect(open(4)).toBe('DELIBERATION_SOLICITATION_TOO_SHORT')
    expect(open(5)).toBe('ok')
  })

  it('needs a closing date for the window', () => {
    const r = transitionDeliberation(startDeliberation(URBAN), { type: 'open', step: 'solicit' }, ctx(URBAN))
    expect(refusal(r)).toBe('VALIDATION_FAILED')
  })

  it('will not summarise before the window closes', () => {
    const s = apply(
      startDeliberation(URBAN),
      { type: 'open', step: 'solicit', closesAt: days(T0, 7) },
      ctx(URBAN),
    )
    const summary = validEvent(URBAN.steps[0]!, 'post_summary', T0)
    expect(refusal(transitionDeliberation(s, summary, ctx(URBAN, { now: days(T0, 6) })))).toBe(
      'DELIBERATION_SOLICITATION_OPEN',
    )
    expect(refusal(transitionDeliberation(s, summary, ctx(URBAN, { now: days(T0, 7) })))).toBe('ok')
  })

  it('hands the opinion summary to the steps that follow', () => {
    const { state } = driveTo(URBAN, 'propose', 'pending')
    expect(state.opinionSummary).toMatchObject({
      text: '多数居民赞成加装电梯，希望公开费用分摊办法',
      opinionCount: 37,
    })
  })

  it('refuses an empty summary', () => {
    const s = apply(
      startDeliberation(URBAN),
      { type: 'open', step: 'solicit', closesAt: days(T0, 7) },
      ctx(URBAN),
    )
    const r = transitionDeliberation(
      s,
      { type: 'post_summary', step: 'solicit', text: '  ', opinionCount: 0 },
      ctx(URBAN, { now: days(T0, 8) }),
    )
    expect(refusal(r)).toBe('VALIDATION_FAILED')
  })

  it("is decided by the residents' meeting and published", () => {
    const { state } = driveTo(URBAN, 'publish_results', 'pending')
    expect(state.history.find((h) => h.step === 'decide')?.body).toBe('residents_meeting')
    expect(apply(state, validEvent(URBAN.steps[5]!, 'publish', T0), ctx(URBAN)).status).toBe('completed')
  })
})

describe('a merged (一肩挑) procedure', () => {
  it('holds 提议 and 商议 as one joint-committees meeting recorded by the secretary', () => {
    const { state } = driveTo(RURAL_MERGED, 'review', 'pending')
    expect(state.history.map((h) => [h.step, h.body, h.outcome])).toEqual([
      ['propose_consult', 'joint_committees', 'passed'],
    ])
  })
})

// ---------- meetings ----------

describe('a meeting that is not quorate', () => {
  const notQuorate = () => {
    const { state, now } = driveTo(RURAL, 'decide', 'scheduled')
    let s = apply(state, { type: 'open', step: 'decide' }, ctx(RURAL, { now }))
    s = apply(
      s,
      {
        type: 'record_attendance',
        step: 'decide',
        attendance: { due: 100, present: 40, households: { total: 40, represented: 20 } },
      },
      ctx(RURAL, { now }),
    )
    const r = transitionDeliberation(
      s,
      { type: 'record_result', step: 'decide', votes: { yes: 40, no: 0, abstain: 0 } },
      ctx(RURAL, { now }),
    )
    if (!r.ok) throw new Error(r.code)
    return { r, now }
  }

  it('is a result (未达法定人数), not an error, and leaves the step waiting for a new meeting', () => {
    const { r } = notQuorate()
    expect(r.outcome?.outcome).toBe('not_quorate')
    expect([r.next.status, r.next.step, r.next.phase, r.next.meeting]).toEqual([
      'in_progress',
      'decide',
      'pending',
      null,
    ])
    expect(r.next.history.at(-1)).toMatchObject({
      step: 'decide',
      outcome: 'not_quorate',
      meeting: { quorumBy: null },
    })
  })

  it('can be called again, with a fresh notice', () => {
    const { r, now } = notQuorate()
    const again = { ...scheduleEvent(RURAL.steps[3]!, now), meetingAt: days(now, 5) }
    expect(refusal(transitionDeliberation(r.next, again, ctx(RURAL, { now })))).toBe(
      'DELIBERATION_NOTICE_TOO_SHORT',
    )
    expect(
      refusal(transitionDeliberation(r.next, { ...again, meetingAt: days(now, 10) }, ctx(RURAL, { now }))),
    ).toBe('ok')
  })
})

describe('a vote against', () => {
  const voteAgainst = (key: StepKey, procedure = RURAL) => {
    const { state, now } = driveTo(procedure, key, 'in_session')
    return transitionDeliberation(
      state,
      { type: 'record_result', step: key, votes: { yes: 5, no: 5, abstain: 0 } },
      ctx(procedure, { now }),
    )
  }

  it.each(['propose', 'consult', 'review', 'decide'] as const)(
    'at %s ends the deliberation as not adopted',
    (key) => {
      const r = voteAgainst(key)
      expect(r.ok && [r.next.status, r.outcome?.outcome]).toEqual(['not_adopted', 'failed'])
    },
  )

  it('is final: the matter is not re-voted, a revised plan starts a new deliberation', () => {
    const r = voteAgainst('decide')
    if (!r.ok) throw new Error(r.code)
    const again = validEvent(RURAL.steps[3]!, 'schedule_meeting', T0)
    expect(refusal(transitionDeliberation(r.next, again, ctx(RURAL)))).toBe('DELIBERATION_CLOSED')
    expect(deliberationCreateSchema.parse({ ...createRequest, previousId: 7 }).previousId).toBe(7)
  })
})

describe('votes and attendance', () => {
  it('refuses to close a vote before anyone is counted in', () => {
    const { state, now } = driveTo(RURAL, 'consult', 'scheduled')
    const open = apply(state, { type: 'open', step: 'consult' }, ctx(RURAL, { now }))
    const r = transitionDeliberation(
      open,
      validEvent(RURAL.steps[1]!, 'record_result', now),
      ctx(RURAL, { now }),
    )
    expect(refusal(r)).toBe('DELIBERATION_ATTENDANCE_MISSING')
  })

  it('keeps the latest count as people arrive', () => {
    const { state, now } = driveTo(RURAL, 'consult', 'in_session')
    const later = apply(
      state,
      { type: 'record_attendance', step: 'consult', attendance: { due: 10, present: 8 } },
      ctx(RURAL, { now }),
    )
    expect(later.meeting?.attendance).toEqual({ due: 10, present: 8 })
  })

  it.each([
    ['more present than due', { due: 10, present: 11 }, 'DELIBERATION_PRESENT_EXCEEDS_DUE'],
    ['a negative count', { due: 10, present: -1 }, 'DELIBERATION_TALLY_INVALID'],
    [
      'more households than people present',
      { due: 10, present: 2, households: { total: 5, represented: 3 } },
      'DELIBERATION_HOUSEHOLDS_INVALID',
    ],
  ] as const)('refuses an attendance with %s', (_, attendance, code) => {
    const { state, now } = driveTo(RURAL, 'consult', 'in_session')
    const r = transitionDeliberation(
      state,
      { type: 'record_attendance', step: 'consult', attendance },
      ctx(RURAL, { now }),
    )
    expect(refusal(r)).toBe(code)
  })

  it('refuses more votes than people present, and leaves the meeting open', () => {
    const { state, now } = driveTo(RURAL, 'consult', 'in_session')
    const r = transitionDeliberation(
      state,
      { type: 'record_result', step: 'consult', votes: { yes: 8, no: 2, abstain: 1 } },
      ctx(RURAL, { now }),
    )
    expect(refusal(r)).toBe('DELIBERATION_VOTES_EXCEED_PRESENT')
    expect(state.phase).toBe('in_session')
  })

  it("counts a party members' meeting against those due, not those present", () => {
    const { state, now } = driveTo(RURAL, 'review', 'in_session')
    const c = ctx(RURAL, { now })
    const s = apply(
      state,
      { type: 'record_attendance', step: 'review', attendance: { due: 30, present: 20 } },
      c,
    )
    const r = transitionDeliberation(
      s,
      { type: 'record_result', step: 'review', votes: { yes: 15, no: 5, abstain: 0 } },
      c,
    )
    expect(r.ok && r.outcome?.outcome).toBe('failed')
  })
})

describe('notice of a meeting', () => {
  const decideAt = (p = RURAL) => driveTo(p, 'decide', 'pending')
  /** Schedules the deciding meeting with some fields changed; the meeting is 15 days after the notice. */
  const schedule = (over: Partial<ScheduleEvent>, p = RURAL) => {
    const { state, now } = decideAt(p)
    const noticeAt = over.noticeAt ?? now
    const event: ScheduleEvent = {
      ...scheduleEvent(
        p.steps.find((s) => s.key === 'decide')!,
        now,
      ),
      ...over,
      noticeAt,
      meetingAt: over.meetingAt ?? days(noticeAt, 15),
    }
    return transitionDeliberation(state, event, ctx(p, { now }))
  }
  const now = decideAt().now

  it("refuses a villagers' meeting called 9 days ahead, naming the earliest lawful day", () => {
    // now is 10:00 on 2025-05-17 in Beijing; ten days on is the 27th
    expect(now.toISOString()).toBe('2025-05-17T02:00:00.000Z')
    expect(schedule({ meetingAt: days(now, 9) })).toEqual({
      ok: false,
      code: 'DELIBERATION_NOTICE_TOO_SHORT',
      reason: '要提前 10 天通知，现在只提前了 9 天；按5月17日发出的通知，最早5月27日开会',
      details: {
        minDays: 10,
        days: 9,
        noticeAt: now.toISOString(),
        earliestMeetingAt: '2025-05-26T16:00:00.000Z',
        earliestDay: '2025-05-27',
      },
    })
  })

  it("accepts a villagers' meeting on the 10th calendar day, even early in the morning", () => {
    // notice at 23:00 on the 1st (China time), meeting at 08:00 on the 11th
    const noticeAt = new Date('2025-04-01T15:00:00Z')
    const meetingAt = new Date('2025-04-11T00:00:00Z')
    expect(calendarDaysBetween(noticeAt, meetingAt)).toBe(10)
    expect(
      checkMeetingNotice(
        { minDays: 10, agendaRequired: false, planRequired: false },
        { noticeAt, meetingAt, agendaPublished: false, planSent: false },
      ),
    ).toEqual({ ok: true })
    expect(
      earliestMeetingAt({ minDays: 10, agendaRequired: false, planRequired: false }, noticeAt).toISOString(),
    ).toBe('2025-04-10T16:00:00.000Z')
  })

  it("refuses a villagers' meeting whose agenda is not published", () => {
    expect(refusal(schedule({ agendaPublished: false }))).toBe('DELIBERATION_AGENDA_NOT_PUBLISHED')
  })

  it("calls a representatives' meeting without a minimum notice by default", () => {
    expect(
      refusal(schedule({ body: 'representatives_meeting', meetingAt: days(now, 1), agendaPublished: false })),
    ).toBe('ok')
  })

  it('lets a village lower the notice in its settings', () => {
    const p = withSettings(
      'rural',
      (s) => (s.notices.villagers_meeting = { minDays: 5, agendaRequired: false, planRequired: false }),
    )
    expect(
      refusal(
        schedule({ meetingAt: days(driveTo(p, 'decide', 'pending').now, 5), agendaPublished: false }, p),
      ),
    ).toBe('ok')
  })

  it('refuses a meeting held before its notice, or a notice dated in the future', () => {
    expect(refusal(schedule({ meetingAt: days(now, -1) }))).toBe('DELIBERATION_NOTICE_TOO_SHORT')
    expect(refusal(schedule({ noticeAt: days(now, 1) }))).toBe('VALIDATION_FAILED')
  })

  it('lets a meeting time lean on a paper notice posted on the board earlier in the step', () => {
    const { state } = decideAt()
    const since = new Date(state.stepSince!)
    expect(days(since, 12).getTime()).toBeLessThan(now.getTime())
    expect(refusal(schedule({ paperNoticeAt: days(now, -12), meetingAt: days(now, 1) }))).toBe('ok')
    // without it, the same meeting is too soon
    expect(refusal(schedule({ meetingAt: days(now, 1) }))).toBe('DELIBERATION_NOTICE_TOO_SHORT')
  })

  it('refuses a paper notice from the future or from before the step began, naming the earliest day', () => {
    const { state } = decideAt()
    const since = new Date(state.stepSince!)
    const future = schedule({ paperNoticeAt: days(now, 1), meetingAt: days(now, 12) })
    expect(future).toMatchObject({
      ok: false,
      code: 'DELIBERATION_PAPER_NOTICE_INVALID',
      details: { earliestDay: '2025-05-27' },
    })
    expect(!future.ok && future.reason).toContain('晚于现在；按现在发出通知，最早5月27日开会')
    const older = schedule({ paperNoticeAt: new Date(since.getTime() - 60_000), meetingAt: days(now, 1) })
    expect(older).toMatchObject({ ok: false, code: 'DELIBERATION_PAPER_NOTICE_INVALID' })
    expect(!older.ok && older.reason).toContain('早于这一步开始的时间')
    expect(refusal(schedule({ paperNoticeAt: since, meetingAt: days(since, 10) }))).toBe('ok')
  })

  it('sends party members the plan 3 days before their meeting', () => {
    const { state, now: t } = driveTo(RURAL, 'review', 'pending')
    const base = scheduleEvent(RURAL.steps[2]!, t)
    expect(refusal(transitionDeliberation(state, { ...base, planSent: false }, ctx(RURAL, { now: t })))).toBe(
      'DELIBERATION_PLAN_NOT_SENT',
    )
    expect(
      refusal(transitionDeliberation(state, { ...base, meetingAt: days(t, 2) }, ctx(RURAL, { now: t }))),
    ).toBe('DELIBERATION_NOTICE_TOO_SHORT')
    expect(
      refusal(transitionDeliberation(state, { ...base, meetingAt: days(t, 3) }, ctx(RURAL, { now: t }))),
    ).toBe('ok')
  })

  it('opens a meeting at its announced time, not a minute before, and not once a day has passed', () => {
    const { state } = driveTo(RURAL, 'consult', 'scheduled')
    const meetingAt = new Date(state.meeting!.meetingAt)
    const open = (ms: number) =>
      refusal(
        transitionDeliberation(
          state,
          { type: 'open', step: 'consult' },
          ctx(RURAL, { now: new Date(meetingAt.getTime() + ms) }),
        ),
      )
    expect(open(-DAY_MS)).toBe('DELIBERATION_MEETING_TOO_EARLY')
    expect(open(-60_000)).toBe('DELIBERATION_MEETING_TOO_EARLY')
    expect(open(0)).toBe('ok')
    expect(open(DAY_MS - 1)).toBe('ok')
    expect(open(DAY_MS)).toBe('DELIBERATION_MEETING_LAPSED')
  })

  it('counts the notice days again at the opening, from the notice that counts then', () => {
    const { state: pending, now: t } = driveTo(RURAL, 'decide', 'pending')
    const step = RURAL.steps.find((s) => s.key === 'decide')!
    // the time leaned on a paper notice 12 days old
    const scheduled = apply(
      pending,
      { ...scheduleEvent(step, t), meetingAt: days(t, 1), paperNoticeAt: days(t, -12) },
      ctx(RURAL, { now: t }),
    )
    const at = days(t, 1)
    const open = (noticeAt?: Date) =>
      transitionDeliberation(
        scheduled,
        noticeAt ? { type: 'open', step: 'decide', noticeAt } : { type: 'open', step: 'decide' },
        ctx(RURAL, { now: at }),
      )
    // unconfirmed, the system's notice is the one that counts: one day is too short
    expect(open()).toMatchObject({ ok: false, code: 'DELIBERATION_NOTICE_TOO_SHORT' })
    expect(refusal(open(days(t, -12)))).toBe('ok')
  })

  it('closes the vote no earlier than the announced time', () => {
    const { state, now: t } = driveTo(RURAL, 'consult', 'in_session')
    const meetingAt = new Date(state.meeting!.meetingAt)
    expect(t.getTime()).toBeGreaterThan(meetingAt.getTime())
    const close = (at: Date) =>
      refusal(
        transitionDeliberation(
          state,
          { type: 'record_result', step: 'consult', votes: ALL_YES },
          ctx(RURAL, { now: at }),
        ),
      )
    expect(close(new Date(meetingAt.getTime() - 1))).toBe('DELIBERATION_MEETING_TOO_EARLY')
    expect(close(meetingAt)).toBe('ok')
    expect(close(days(meetingAt, 3))).toBe('ok')
  })

  it('lapses a meeting not opened within a day, keeps it on the record and waits for a new one', () => {
    const { state } = driveTo(RURAL, 'consult', 'scheduled')
    const meetingAt = new Date(state.meeting!.meetingAt)
    const lapse = (at: Date) =>
      transitionDeliberation(
        state,
        { type: 'lapse_meeting', step: 'consult' },
        ctx(RURAL, { now: at, roles: [] }),
      )
    expect(refusal(lapse(new Date(meetingAt.getTime() + DAY_MS - 1)))).toBe('DELIBERATION_MEETING_NOT_LAPSED')
    const lapsed = lapse(days(meetingAt, 1))
    if (!lapsed.ok) throw new Error(lapsed.code)
    expect(lapsed.next).toMatchObject({ phase: 'pending', meeting: null })
    expect(lapsed.next.history.at(-1)).toMatchObject({ step: 'consult', outcome: 'lapsed' })
    // no page offers it as a button
    expect(deliberationEventsFrom(RURAL, state, CADRES)).not.toContain('lapse_meeting')
  })

  it('reschedules a meeting as a fresh notice, from which the notice days count again', () => {
    const { state, now: t } = driveTo(RURAL, 'decide', 'scheduled')
    const move = (meetingAt: Date) =>
      transitionDeliberation(
        state,
        {
          type: 'reschedule_meeting',
          step: 'decide',
          meetingAt,
          noticeAt: t,
          agendaPublished: true,
          planSent: false,
          reason: '暴雨',
        },
        ctx(RURAL, { now: t }),
      )
    expect(refusal(move(days(t, 9)))).toBe('DELIBERATION_NOTICE_TOO_SHORT')
    const moved = move(days(t, 10))
    if (!moved.ok) throw new Error(moved.code)
    expect(moved.next.meeting).toMatchObject({
      meetingAt: days(t, 10).toISOString(),
      noticeAt: t.toISOString(),
    })
    expect(moved.next.history.at(-1)).toMatchObject({ outcome: 'rescheduled' })
    expect(moved.next.history.at(-1)!.reason).toMatch(/^由.+改到.+：暴雨$/)
  })

  it('offers 开始会议 only from the announced time until the meeting lapses', () => {
    const { state } = driveTo(RURAL, 'consult', 'scheduled')
    const meetingAt = new Date(state.meeting!.meetingAt)
    const offered = (ms: number) =>
      deliberationEventsFrom(RURAL, state, CADRES, new Date(meetingAt.getTime() + ms)).includes('open')
    expect([offered(-60_000), offered(0), offered(DAY_MS)]).toEqual([false, true, false])
    expect(deliberationEventsFrom(RURAL, state, CADRES, new Date(meetingAt.getTime() - 60_000))).toEqual([
      'cancel_meeting',
      'reschedule_meeting',
      'reject',
    ])
  })

  it('takes no typed notice date with a schedule request, and a new time with a reschedule', () => {
    const request = {
      step: 'decide',
      body: 'villagers_meeting',
      meetingAt: '2025-05-30T11:00:00Z',
      location: '村委会',
      agenda: '修桥',
    }
    expect(meetingScheduleSchema.safeParse(request).success).toBe(true)
    const typed = meetingScheduleSchema.safeParse({ ...request, noticeAt: '2025-05-01T00:00:00Z' })
    expect(typed.success).toBe(false)
    expect(JSON.stringify(!typed.success && typed.error.issues)).toContain('以系统发出通知的时间为准')
    expect(
      meetingScheduleSchema.safeParse({
        ...request,
        paperNotice: { postedAt: '2025-05-01T00:00:00Z', photoIds: [] },
      }).success,
    ).toBe(false)
    expect(
      meetingRescheduleSchema.parse({ step: 'decide', meetingAt: '2025-06-01T11:00:00Z' }),
    ).toMatchObject({
      agendaPublished: false,
      planSent: false,
    })
  })

  it('keeps a cancelled meeting on the record', () => {
    const { state, now: t } = driveTo(RURAL, 'consult', 'scheduled')
    const next = apply(
      state,
      { type: 'cancel_meeting', step: 'consult', reason: '暴雨' },
      ctx(RURAL, { now: t }),
    )
    expect(next.history.at(-1)).toMatchObject({ step: 'consult', outcome: 'cancelled', reason: '暴雨' })
  })

  it('voids a vote in session whose records were altered: nothing counted, the step waits for a new meeting', () => {
    const { state, now: t } = driveTo(RURAL, 'decide', 'in_session')
    const voided = apply(
      state,
      { type: 'void_meeting', step: 'decide', reason: '收回选票 41 张，投了票的有 40 人' },
      ctx(RURAL, { now: t }),
    )
    expect(voided).toMatchObject({ step: 'decide', phase: 'pending', meeting: null, status: state.status })
    expect(voided.history.at(-1)).toMatchObject({
      step: 'decide',
      outcome: 'voided',
      reason: '收回选票 41 张，投了票的有 40 人',
    })
    expect(
      refusal(
        transitionDeliberation(
          state,
          { type: 'void_meeting', step: 'decide', reason: ' ' },
          ctx(RURAL, { now: t }),
        ),
      ),
    ).toBe('VALIDATION_FAILED')
    // a resident cannot void a vote, and no page offers it on its own
    expect(
      refusal(
        transitionDeliberation(
          state,
          { type: 'void_meeting', step: 'decide', reason: '我不服' },
          ctx(RURAL, { now: t, roles: ['resident'] }),
        ),
      ),
    ).toBe('DELIBERATION_ROLE_NOT_ALLOWED')
    expect(deliberationEventsFrom(RURAL, state, CADRES)).not.toContain('void_meeting')
  })
})

// ---------- Art 24 ----------

describe('deciding an Art 24 matter', () => {
  const scheduleDecision = (body: DeliberationBody, matter: MatterType, p = RURAL, delegated = false) => {
    const c = { matter, delegated }
    const { state, now } = driveTo(p, 'decide', 'pending', c)
    const step = p.steps.find((s) => s.key === 'decide')!
    return transitionDeliberation(
      state,
      validEvent(step, 'schedule_meeting', now, body),
      ctx(p, { now, ...c }),
    )
  }

  it("refuses a homestead plan to a representatives' meeting without delegation", () => {
    expect(scheduleDecision('representatives_meeting', 'homestead')).toMatchObject({
      ok: false,
      code: 'DELIBERATION_MATTER_RESERVED',
    })
  })

  it("accepts it in the villagers' meeting, or in a delegated representatives' meeting", () => {
    expect(refusal(scheduleDecision('villagers_meeting', 'homestead'))).toBe('ok')
    expect(refusal(scheduleDecision('representatives_meeting', 'homestead', RURAL, true))).toBe('ok')
  })

  it('accepts a standing delegation from the settings', () => {
    const p = withSettings(
      'rural',
      (s) => (s.standingDelegations = [{ matter: 'homestead', resolution: '2024年第2次村民会议决议' }]),
    )
    expect(refusal(scheduleDecision('representatives_meeting', 'homestead', p))).toBe('ok')
  })

  it("refuses the use of land-requisition compensation to a residents' representatives' meeting without delegation", () => {
    expect(refusal(scheduleDecision('residents_representatives_meeting', 'land_compensation', URBAN))).toBe(
      'DELIBERATION_MATTER_RESERVED',
    )
  })

  it('refuses a body that cannot hold the deciding step at all', () => {
    expect(refusal(scheduleDecision('joint_committees', 'homestead'))).toBe('DELIBERATION_BODY_NOT_ALLOWED')
    expect(refusal(scheduleDecision('residents_meeting', 'ordinary'))).toBe('DELIBERATION_BODY_NOT_ALLOWED')
    expect(refusal(scheduleDecision('publication', 'ordinary'))).toBe('DELIBERATION_BODY_NOT_ALLOWED')
  })

  it('refuses the wrong body at any other step too', () => {
    const step = RURAL.steps[1]!
    const { state, now } = driveTo(RURAL, 'consult', 'pending')
    expect(
      refusal(
        transitionDeliberation(
          state,
          validEvent(step, 'schedule_meeting', now, 'villagers_meeting'),
          ctx(RURAL, { now }),
        ),
      ),
    ).toBe('DELIBERATION_BODY_NOT_ALLOWED')
  })

  it('needs two thirds of all the representatives for a land-contracting plan, not a majority of those present', () => {
    const c = { matter: 'land_contracting' as const, delegated: true }
    const { state, now } = driveTo(RURAL, 'decide', 'pending', c)
    let s = apply(
      state,
      { ...validEvent(RURAL.steps[3]!, 'schedule_meeting', now, 'representatives_meeting') },
      ctx(RURAL, { now, ...c }),
    )
    const later = days(now, 15)
    s = apply(s, { type: 'open', step: 'decide' }, ctx(RURAL, { now: later, ...c }))
    s = apply(
      s,
      { type: 'record_attendance', step: 'decide', attendance: { due: 30, present: 24 } },
      ctx(RURAL, { now: later, ...c }),
    )
    const result = (yes: number) => {
      const r = transitionDeliberation(
        s,
        { type: 'record_result', step: 'decide', votes: { yes, no: 24 - yes, abstain: 0 } },
        ctx(RURAL, { now: later, ...c }),
      )
      return r.ok ? r.outcome?.outcome : r.code
    }
    expect(result(19)).toBe('failed')
    expect(result(20)).toBe('passed')
  })
})

// ---------- withdrawal ----------

describe('rejecting (withdrawing) a deliberation', () => {
  it('ends it with the reason on the record', () => {
    const next = apply(
      startDeliberation(RURAL),
      { type: 'reject', step: 'propose', reason: '已由上级统一安排' },
      ctx(RURAL),
    )
    expect(next.status).toBe('rejected')
    expect(next.history.at(-1)).toMatchObject({ outcome: 'rejected', reason: '已由上级统一安排' })
  })

  it('needs a reason', () => {
    expect(
      refusal(
        transitionDeliberation(
          startDeliberation(RURAL),
          { type: 'reject', step: 'propose', reason: ' ' },
          ctx(RURAL),
        ),
      ),
    ).toBe('VALIDATION_FAILED')
  })

  it('is refused once the matter is decided', () => {
    const { state, now } = driveTo(RURAL, 'publish_resolution', 'pending')
    expect(
      refusal(
        transitionDeliberation(
          state,
          { type: 'reject', step: 'publish_resolution', reason: '不办了' },
          ctx(RURAL, { now }),
        ),
      ),
    ).toBe('DELIBERATION_ALREADY_DECIDED')
  })
})

// ---------- requests ----------

const createRequest = {
  title: '修建村东头排水沟',
  content: '雨季村东头积水严重，拟修建排水沟 300 米，预算 8 万元。',
  matterType: 'public_works',
  source: { kind: 'grievance', grievanceId: 12 },
}

describe('request schemas', () => {
  it('accept a deliberation raised from a resident’s issue, with defaults', () => {
    expect(deliberationCreateSchema.parse(createRequest)).toMatchObject({
      attachmentIds: [],
      delegation: null,
      previousId: null,
    })
  })

  it.each([
    ['an issue without its id', { kind: 'grievance' }],
    ['a higher assignment without its document', { kind: 'higher_assignment', reference: '' }],
    ['a petition without its id', { kind: 'petition' }],
    ['an unknown source', { kind: 'rumour' }],
  ])('refuse %s', (_, source) => {
    expect(deliberationCreateSchema.safeParse({ ...createRequest, source }).success).toBe(false)
  })

  it('accept a cadre as the source', () => {
    expect(deliberationCreateSchema.safeParse({ ...createRequest, source: { kind: 'cadre' } }).success).toBe(
      true,
    )
  })

  it('refuse a delegation that does not name the resolution behind it', () => {
    expect(
      deliberationCreateSchema.safeParse({ ...createRequest, delegation: { resolution: '' } }).success,
    ).toBe(false)
  })

  it('read meeting dates sent as text and default to an open ballot', () => {
    const parsed = meetingScheduleSchema.parse({
      step: 'decide',
      body: 'villagers_meeting',
      meetingAt: '2025-04-11T01:00:00Z',
      location: '村委会大院',
      agenda: '表决排水沟修建方案',
      agendaPublished: true,
    })
    expect(parsed.meetingAt).toEqual(new Date('2025-04-11T01:00:00Z'))
    expect(parsed.ballot).toBe('open')
    expect(parsed.planSent).toBe(false)
  })

  it('refuse an attendance with more present than due', () => {
    expect(
      attendanceRecordSchema.safeParse({ step: 'decide', attendance: { due: 3, present: 4 } }).success,
    ).toBe(false)
  })
})

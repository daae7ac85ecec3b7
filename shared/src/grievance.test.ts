import { ERRORS, type ErrorCode } from './errors'
import {
  acceptDeadline,
  addDays,
  answerDeadline,
  DAY_MS,
  deadlineAfter,
  DEFAULT_GRIEVANCE_CATEGORIES,
  GRIEVANCE_EVENTS,
  GRIEVANCE_STATES,
  grievanceEventsFrom,
  isOverdue,
  rateGrievance,
  reopenDeadline,
  reopenGrievance,
  transitionGrievance,
  type GrievanceEvent,
  type GrievanceState,
} from './grievance'
import { grievanceCreateSchema, grievanceQueueQuerySchema, grievanceRateSchema } from './grievance-api'

type Expected = GrievanceState | ErrorCode
const A = 'GRIEVANCE_ALREADY_ACCEPTED'
const NA = 'GRIEVANCE_NOT_ACCEPTED'
const AN = 'GRIEVANCE_ALREADY_ANSWERED'
const NAN = 'GRIEVANCE_NOT_ANSWERED'
const NE = 'GRIEVANCE_NOT_ESCALATED'
const T = 'GRIEVANCE_AT_TOWNSHIP'
const D = 'GRIEVANCE_DECLINED'

/** Every state × event, written out: the next state, or the code the refusal carries. */
const EXPECTED: Record<GrievanceState, Record<GrievanceEvent, Expected>> = {
  // prettier-ignore
  submitted: { accept: 'accepted', decline: 'declined', assign: NA, answer: NA, rate: NAN, reopen: NAN, escalate: 'escalated', township_answer: NE, township_return: NE },
  // prettier-ignore
  accepted: { accept: A, decline: A, assign: 'assigned', answer: 'answered', rate: NAN, reopen: NAN, escalate: 'escalated', township_answer: NE, township_return: NE },
  // prettier-ignore
  assigned: { accept: A, decline: A, assign: 'assigned', answer: 'answered', rate: NAN, reopen: NAN, escalate: 'escalated', township_answer: NE, township_return: NE },
  // prettier-ignore
  reopened: { accept: A, decline: A, assign: 'assigned', answer: 'answered', rate: NAN, reopen: 'GRIEVANCE_REOPEN_USED', escalate: 'escalated', township_answer: NE, township_return: NE },
  // prettier-ignore
  returned: { accept: A, decline: A, assign: 'assigned', answer: 'answered', rate: NAN, reopen: NAN, escalate: 'escalated', township_answer: NE, township_return: NE },
  // prettier-ignore
  answered: { accept: A, decline: A, assign: AN, answer: AN, rate: 'closed', reopen: 'reopened', escalate: AN, township_answer: NE, township_return: NE },
  // prettier-ignore
  closed: { accept: A, decline: A, assign: AN, answer: AN, rate: 'GRIEVANCE_ALREADY_RATED', reopen: 'reopened', escalate: AN, township_answer: NE, township_return: NE },
  // prettier-ignore
  declined: { accept: D, decline: D, assign: D, answer: D, rate: D, reopen: D, escalate: D, township_answer: D, township_return: D },
  // prettier-ignore
  escalated: { accept: T, decline: T, assign: T, answer: T, rate: T, reopen: T, escalate: T, township_answer: 'answered', township_return: 'returned' },
}

const isState = (v: Expected): v is GrievanceState => (GRIEVANCE_STATES as readonly string[]).includes(v)
const cases = GRIEVANCE_STATES.flatMap((state) =>
  GRIEVANCE_EVENTS.map((event) => [state, event, EXPECTED[state][event]] as const),
)

describe('transitionGrievance', () => {
  it('has an expectation for every state and event', () => {
    expect(cases).toHaveLength(GRIEVANCE_STATES.length * GRIEVANCE_EVENTS.length)
    expect(cases).toHaveLength(81)
  })

  it.each(cases.filter(([, , e]) => isState(e)))('moves %s on %s to %s', (state, event, next) => {
    expect(transitionGrievance(state, event)).toEqual({ ok: true, next })
  })

  it.each(cases.filter(([, , e]) => !isState(e)))('refuses %s on %s with %s', (state, event, code) => {
    expect(transitionGrievance(state, event)).toEqual({ ok: false, code })
  })

  it('refuses only with codes that have a message a villager can read', () => {
    for (const [, , e] of cases) if (!isState(e)) expect(ERRORS[e].status).toBeGreaterThanOrEqual(400)
  })

  it('lists the events each state accepts', () => {
    expect(grievanceEventsFrom('submitted')).toEqual(['accept', 'decline', 'escalate'])
    expect(grievanceEventsFrom('answered')).toEqual(['rate', 'reopen'])
    expect(grievanceEventsFrom('escalated')).toEqual(['township_answer', 'township_return'])
    expect(grievanceEventsFrom('declined')).toEqual([])
  })

  it('reaches closed along the whole happy path', () => {
    let state: GrievanceState = 'submitted'
    for (const event of ['accept', 'assign', 'answer', 'rate'] as const) {
      const t = transitionGrievance(state, event)
      if (!t.ok) throw new Error(t.code)
      state = t.next
    }
    expect(state).toBe('closed')
  })
})

describe('reopening', () => {
  const answeredAt = new Date('2025-03-01T08:00:00Z')
  const base = { isRaiser: true, reopenCount: 0, answeredAt, closedAt: null, now: addDays(answeredAt, 3) }

  it('lets the raiser reopen an answer within 7 days', () => {
    expect(reopenGrievance('answered', base)).toEqual({ ok: true, next: 'reopened' })
    expect(reopenGrievance('closed', { ...base, closedAt: addDays(answeredAt, 1) })).toEqual({
      ok: true,
      next: 'reopened',
    })
  })

  it('still allows it at the last millisecond of the seventh day', () => {
    expect(reopenGrievance('answered', { ...base, now: addDays(answeredAt, 7) }).ok).toBe(true)
  })

  it('refuses one millisecond after 7 days', () => {
    const now = new Date(answeredAt.getTime() + 7 * DAY_MS + 1)
    expect(reopenGrievance('answered', { ...base, now })).toEqual({
      ok: false,
      code: 'GRIEVANCE_REOPEN_EXPIRED',
    })
  })

  it('counts the 7 days from closing when the raiser rated it later', () => {
    const closedAt = addDays(answeredAt, 5)
    expect(reopenGrievance('closed', { ...base, closedAt, now: addDays(answeredAt, 11) }).ok).toBe(true)
    expect(reopenDeadline({ answeredAt, closedAt })).toEqual(addDays(closedAt, 7))
  })

  it('refuses a second reopening', () => {
    expect(reopenGrievance('answered', { ...base, reopenCount: 1 })).toEqual({
      ok: false,
      code: 'GRIEVANCE_REOPEN_USED',
    })
  })

  it('refuses anyone but the raiser, before looking at anything else', () => {
    expect(reopenGrievance('submitted', { ...base, isRaiser: false })).toEqual({
      ok: false,
      code: 'GRIEVANCE_NOT_YOURS',
    })
  })

  it('refuses an item that has no answer yet', () => {
    expect(reopenGrievance('assigned', base)).toEqual({ ok: false, code: 'GRIEVANCE_NOT_ANSWERED' })
    expect(reopenDeadline({ answeredAt: null, closedAt: null })).toBeNull()
  })
})

describe('rating', () => {
  it('closes an answered item rated by its raiser', () => {
    expect(rateGrievance('answered', { isRaiser: true })).toEqual({ ok: true, next: 'closed' })
  })
  it("refuses to rate someone else's item", () => {
    expect(rateGrievance('answered', { isRaiser: false })).toEqual({ ok: false, code: 'GRIEVANCE_NOT_YOURS' })
  })
  it('refuses to rate twice', () => {
    expect(rateGrievance('closed', { isRaiser: true })).toEqual({
      ok: false,
      code: 'GRIEVANCE_ALREADY_RATED',
    })
  })
})

describe('time limits', () => {
  const limits = { issueAcceptDays: 2, issueAnswerDays: 7 }
  const at = new Date('2025-01-30T23:30:00Z')

  it('gives 2 days to accept and 7 to answer by default', () => {
    expect(acceptDeadline(at, limits).toISOString()).toBe('2025-02-01T23:30:00.000Z')
    expect(answerDeadline(at, limits).toISOString()).toBe('2025-02-06T23:30:00.000Z')
  })

  it('follows the village setting', () => {
    expect(acceptDeadline(at, { issueAcceptDays: 5, issueAnswerDays: 30 }).toISOString()).toBe(
      '2025-02-04T23:30:00.000Z',
    )
    expect(answerDeadline(at, { issueAcceptDays: 5, issueAnswerDays: 30 }).toISOString()).toBe(
      '2025-03-01T23:30:00.000Z',
    )
  })

  it('crosses a leap day', () => {
    expect(addDays(new Date('2024-02-28T12:00:00Z'), 2).toISOString()).toBe('2024-03-01T12:00:00.000Z')
  })

  it.each(['accept', 'reopen', 'township_return'] as const)('starts the answer clock on %s', (event) => {
    expect(deadlineAfter(event, at, null, limits)).toEqual(answerDeadline(at, limits))
  })

  it('keeps the running clock when an item is reassigned', () => {
    const current = new Date('2025-02-03T00:00:00Z')
    expect(deadlineAfter('assign', at, current, limits)).toBe(current)
  })

  it.each(['decline', 'answer', 'rate', 'escalate', 'township_answer'] as const)(
    'stops the clock on %s',
    (event) => {
      expect(deadlineAfter(event, at, at, limits)).toBeNull()
    },
  )

  describe('isOverdue', () => {
    const dueAt = new Date('2025-02-01T00:00:00Z')
    it('is not overdue at the deadline itself', () => {
      expect(isOverdue({ state: 'submitted', dueAt }, dueAt)).toBe(false)
    })
    it('is overdue a millisecond after it', () => {
      expect(isOverdue({ state: 'submitted', dueAt }, new Date(dueAt.getTime() + 1))).toBe(true)
      expect(isOverdue({ state: 'assigned', dueAt: dueAt.toISOString() }, addDays(dueAt, 1))).toBe(true)
    })
    it.each(['answered', 'closed', 'declined', 'escalated'] as const)('is never overdue when %s', (state) => {
      expect(isOverdue({ state, dueAt }, addDays(dueAt, 30))).toBe(false)
    })
    it('is not overdue without a deadline', () => {
      expect(isOverdue({ state: 'accepted', dueAt: null }, dueAt)).toBe(false)
    })
  })
})

describe('request schemas', () => {
  const valid = { category: '环境卫生', title: '村口垃圾没人清', text: '已经三天了' }

  it('accepts a plain issue and fills in the defaults, leaving who sees it to the category', () => {
    // no visibility chosen: the category decides (defaultVisibility; 邻里纠纷 stays with the 两委)
    expect(grievanceCreateSchema.parse(valid)).toEqual({ ...valid, photoIds: [] })
    expect(DEFAULT_GRIEVANCE_CATEGORIES).toContain(valid.category)
  })

  it('refuses blank text', () => {
    const r = grievanceCreateSchema.safeParse({ ...valid, text: '   \n ' })
    expect(r.success).toBe(false)
    expect(r.error?.issues[0]).toMatchObject({ path: ['text'], message: '请填写要反映的事' })
  })

  it('refuses a title over 40 characters and text over 1000', () => {
    expect(grievanceCreateSchema.safeParse({ ...valid, title: '路'.repeat(41) }).success).toBe(false)
    expect(grievanceCreateSchema.safeParse({ ...valid, title: '路'.repeat(40) }).success).toBe(true)
    expect(grievanceCreateSchema.safeParse({ ...valid, text: '水'.repeat(1001) }).success).toBe(false)
  })

  it('takes nine photos and refuses a tenth', () => {
    const nine = Array.from({ length: 9 }, (_, i) => i + 1)
    expect(grievanceCreateSchema.safeParse({ ...valid, photoIds: nine }).success).toBe(true)
    const r = grievanceCreateSchema.safeParse({ ...valid, photoIds: [...nine, 10] })
    expect(r.error?.issues[0]).toMatchObject({ path: ['photoIds'], message: '最多只能放 9 张照片' })
  })

  it('refuses the same photo twice', () => {
    expect(grievanceCreateSchema.safeParse({ ...valid, photoIds: [3, 3] }).success).toBe(false)
  })

  it('takes a map point, an address alone, but not half a point', () => {
    expect(grievanceCreateSchema.safeParse({ ...valid, location: { lat: 30.2, lng: 120.1 } }).success).toBe(
      true,
    )
    expect(
      grievanceCreateSchema.safeParse({ ...valid, location: { address: '一组 3 号门口' } }).success,
    ).toBe(true)
    expect(grievanceCreateSchema.safeParse({ ...valid, location: { lat: 30.2 } }).success).toBe(false)
    expect(grievanceCreateSchema.safeParse({ ...valid, location: {} }).success).toBe(false)
  })

  it('takes ratings 1 to 5 only', () => {
    expect(grievanceRateSchema.parse({ rating: 5 })).toEqual({ rating: 5, comment: '' })
    for (const rating of [0, 6, 3.5]) expect(grievanceRateSchema.safeParse({ rating }).success).toBe(false)
  })

  it('reads queue filters from a query string', () => {
    expect(
      grievanceQueueQuerySchema.parse({ status: 'submitted', assignee: '12', overdue: 'true', page: '2' }),
    ).toEqual({ status: 'submitted', assignee: 12, overdue: true, page: 2, pageSize: 20 })
    expect(grievanceQueueQuerySchema.parse({ assignee: 'me', overdue: 'false' })).toMatchObject({
      assignee: 'me',
      overdue: false,
    })
    expect(grievanceQueueQuerySchema.safeParse({ status: 'lost' }).success).toBe(false)
  })
})

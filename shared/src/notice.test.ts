import fc from 'fast-check'
import {
  NOTICE_EVENTS,
  NOTICE_STATES,
  OBJECTION_EVENTS,
  OBJECTION_STATES,
  addIsoDays,
  beijingDate,
  beijingDayEnd,
  beijingDayStart,
  canObject,
  canonicalNoticeContent,
  checkFinanceTotals,
  checkPeriod,
  computeCalendar,
  daysInMonth,
  defaultPeriod,
  effectiveNoticeState,
  formatFen,
  isObjectionOverdue,
  isValidIsoDate,
  monthsOfQuarter,
  noticeEventsFrom,
  parseYuanToFen,
  periodBounds,
  periodPhase,
  periodsBetween,
  quarterOf,
  summariseCalendar,
  transitionNotice,
  transitionObjection,
  type CalendarPublication,
  type FinanceLine,
  type NoticeState,
} from './notice'
import { ERRORS } from './errors'
import { noticeCorrectionSchema, noticeDraftSchema, noticeReviewSchema } from './notice-api'

const bj = (s: string) => new Date(`${s}+08:00`)

describe('the notice lifecycle', () => {
  const plain = { reviewRequired: false }
  const reviewed = { reviewRequired: true }

  it('publishes a draft directly when the village asks for no review', () => {
    expect(transitionNotice('draft', 'publish', plain)).toEqual({ ok: true, next: 'published' })
    expect(transitionNotice('draft', 'submit', plain)).toEqual({
      ok: false,
      code: 'NOTICE_REVIEW_NOT_REQUIRED',
    })
  })

  it('goes through the supervision committee when the village asks for review', () => {
    expect(transitionNotice('draft', 'publish', reviewed)).toEqual({
      ok: false,
      code: 'NOTICE_REVIEW_REQUIRED',
    })
    expect(transitionNotice('draft', 'submit', reviewed)).toEqual({ ok: true, next: 'in_review' })
    expect(transitionNotice('in_review', 'publish', reviewed)).toEqual({
      ok: false,
      code: 'NOTICE_IN_REVIEW',
    })
    expect(transitionNotice('in_review', 'edit', reviewed)).toEqual({ ok: false, code: 'NOTICE_IN_REVIEW' })
    expect(transitionNotice('in_review', 'return', reviewed)).toEqual({ ok: true, next: 'returned' })
    expect(transitionNotice('returned', 'edit', reviewed)).toEqual({ ok: true, next: 'returned' })
    expect(transitionNotice('returned', 'submit', reviewed)).toEqual({ ok: true, next: 'in_review' })
    expect(transitionNotice('in_review', 'approve', reviewed)).toEqual({ ok: true, next: 'approved' })
    expect(transitionNotice('approved', 'edit', reviewed)).toEqual({ ok: false, code: 'NOTICE_IN_REVIEW' })
    expect(transitionNotice('approved', 'publish', reviewed)).toEqual({ ok: true, next: 'published' })
  })

  it('never edits a published or archived notice in place; it takes a correction', () => {
    for (const s of ['published', 'ended'] as const) {
      expect(transitionNotice(s, 'edit', plain)).toEqual({ ok: false, code: 'NOTICE_PUBLISHED_IMMUTABLE' })
      expect(transitionNotice(s, 'correct', plain)).toEqual({ ok: true, next: s })
      expect(transitionNotice(s, 'publish', plain)).toEqual({ ok: false, code: 'NOTICE_ALREADY_PUBLISHED' })
    }
    expect(transitionNotice('draft', 'correct', plain)).toEqual({ ok: false, code: 'NOTICE_NOT_PUBLISHED' })
  })

  it('archives a published notice when its period ends, once', () => {
    expect(transitionNotice('published', 'end', plain)).toEqual({ ok: true, next: 'ended' })
    expect(transitionNotice('ended', 'end', plain)).toEqual({ ok: false, code: 'NOTICE_PERIOD_ENDED' })
    expect(transitionNotice('draft', 'end', plain)).toEqual({ ok: false, code: 'NOTICE_NOT_PUBLISHED' })
  })

  it('answers every state × event with a next state or a known error code', () => {
    for (const reviewRequired of [true, false])
      for (const s of NOTICE_STATES)
        for (const e of NOTICE_EVENTS) {
          const r = transitionNotice(s, e, { reviewRequired })
          if (r.ok) expect(NOTICE_STATES).toContain(r.next)
          else expect(ERRORS[r.code]).toBeDefined()
        }
  })

  it('lists the events a state accepts', () => {
    expect(noticeEventsFrom('draft', plain)).toEqual(['edit', 'publish'])
    expect(noticeEventsFrom('in_review', reviewed)).toEqual(['approve', 'return'])
    expect(noticeEventsFrom('published', plain)).toEqual(['correct', 'end'])
  })

  it('no path leads from published back to an editable state', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...NOTICE_EVENTS), { maxLength: 12 }),
        fc.boolean(),
        (events, rr) => {
          let s: NoticeState = 'published'
          for (const e of events) {
            const r = transitionNotice(s, e, { reviewRequired: rr })
            if (r.ok) s = r.next
          }
          return s === 'published' || s === 'ended'
        },
      ),
    )
  })
})

describe('the objection workflow', () => {
  const onTime = { overdue: false }
  it('is answered by the committee, then accepted or escalated by the objector', () => {
    expect(transitionObjection('submitted', 'answer', onTime)).toEqual({ ok: true, next: 'answered' })
    expect(transitionObjection('answered', 'accept', onTime)).toEqual({ ok: true, next: 'accepted' })
    expect(transitionObjection('answered', 'escalate', onTime)).toEqual({ ok: true, next: 'escalated' })
    expect(transitionObjection('escalated', 'township_answer', onTime)).toEqual({
      ok: true,
      next: 'township_answered',
    })
  })

  it('refuses a second answer, accepting before an answer, and acting on a closed objection', () => {
    expect(transitionObjection('answered', 'answer', onTime)).toEqual({
      ok: false,
      code: 'OBJECTION_ALREADY_ANSWERED',
    })
    expect(transitionObjection('submitted', 'accept', onTime)).toEqual({
      ok: false,
      code: 'OBJECTION_NOT_ANSWERED',
    })
    expect(transitionObjection('accepted', 'escalate', onTime)).toEqual({
      ok: false,
      code: 'OBJECTION_CLOSED',
    })
    expect(transitionObjection('answered', 'township_answer', onTime)).toEqual({
      ok: false,
      code: 'OBJECTION_NOT_ESCALATED',
    })
  })

  it('lets an unanswered objection go to the township only once it is overdue', () => {
    expect(transitionObjection('submitted', 'escalate', onTime)).toEqual({
      ok: false,
      code: 'OBJECTION_NOT_ANSWERED',
    })
    expect(transitionObjection('submitted', 'escalate', { overdue: true })).toEqual({
      ok: true,
      next: 'escalated',
    })
  })

  it('answers every state × event with a state or a known code', () => {
    for (const s of OBJECTION_STATES)
      for (const e of OBJECTION_EVENTS)
        for (const overdue of [true, false]) {
          const r = transitionObjection(s, e, { overdue })
          if (r.ok) expect(OBJECTION_STATES).toContain(r.next)
          else expect(ERRORS[r.code]).toBeDefined()
        }
  })

  it('is overdue only when unanswered after the reply limit, to the millisecond', () => {
    const at = new Date('2026-03-01T02:00:00Z')
    const limit = new Date(at.getTime() + 15 * 86_400_000)
    expect(isObjectionOverdue({ state: 'submitted', submittedAt: at }, 15, limit)).toBe(false)
    expect(
      isObjectionOverdue({ state: 'submitted', submittedAt: at }, 15, new Date(limit.getTime() + 1)),
    ).toBe(true)
    expect(
      isObjectionOverdue({ state: 'answered', submittedAt: at }, 15, new Date(limit.getTime() + 1)),
    ).toBe(false)
  })
})

describe('finance lines', () => {
  const lines: FinanceLine[] = [
    { kind: 'income', item: '土地租金', amountFen: 1_200_000 },
    { kind: 'income', item: '上级补助', amountFen: 50_050 },
    { kind: 'expense', item: '村道修缮', amountFen: 830_001 },
  ]

  it('accepts totals that add up', () => {
    expect(checkFinanceTotals(lines, { totalIncomeFen: 1_250_050, totalExpenseFen: 830_001 })).toEqual({
      ok: true,
    })
    expect(
      checkFinanceTotals(lines, {
        totalIncomeFen: 1_250_050,
        totalExpenseFen: 830_001,
        openingBalanceFen: 100,
        closingBalanceFen: 100 + 1_250_050 - 830_001,
      }),
    ).toEqual({ ok: true })
  })

  it('refuses totals that are off by one fen, naming the right amount', () => {
    const r = checkFinanceTotals(lines, { totalIncomeFen: 1_250_051, totalExpenseFen: 830_001 })
    expect(r).toMatchObject({ ok: false, code: 'NOTICE_FINANCE_TOTALS_MISMATCH' })
    expect(!r.ok && r.reason).toContain('12,500.50')
    expect(checkFinanceTotals(lines, { totalIncomeFen: 1_250_050, totalExpenseFen: 830_000 }).ok).toBe(false)
    expect(
      checkFinanceTotals(lines, {
        totalIncomeFen: 1_250_050,
        totalExpenseFen: 830_001,
        openingBalanceFen: 0,
        closingBalanceFen: 1,
      }).ok,
    ).toBe(false)
  })

  it('always accepts the sums of the lines themselves (property)', () => {
    const line = fc.record({
      kind: fc.constantFrom('income' as const, 'expense' as const),
      item: fc.string({ minLength: 1, maxLength: 5 }),
      amountFen: fc.integer({ min: 0, max: 1_000_000_000 }),
    })
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.integer({ min: 1, max: 10 }), (ls, off) => {
        const inc = ls.filter((l) => l.kind === 'income').reduce((a, l) => a + l.amountFen, 0)
        const exp = ls.filter((l) => l.kind === 'expense').reduce((a, l) => a + l.amountFen, 0)
        return (
          checkFinanceTotals(ls, { totalIncomeFen: inc, totalExpenseFen: exp }).ok &&
          !checkFinanceTotals(ls, { totalIncomeFen: inc + off, totalExpenseFen: exp }).ok
        )
      }),
    )
  })

  it('formats and parses yuan without floating point', () => {
    expect(formatFen(123_456_789)).toBe('1,234,567.89')
    expect(formatFen(5)).toBe('0.05')
    expect(formatFen(-5)).toBe('-0.05')
    expect(parseYuanToFen('12.5')).toBe(1250)
    expect(parseYuanToFen('0.1')).toBe(10)
    expect(parseYuanToFen('1234.56')).toBe(123456)
    expect(parseYuanToFen('12.345')).toBeNull()
    expect(parseYuanToFen('abc')).toBeNull()
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        (f) => parseYuanToFen(formatFen(f).replace(/,/g, '')) === f,
      ),
    )
  })
})

describe('Beijing calendar days and the publicity period', () => {
  it('maps instants to the Beijing day (UTC+8)', () => {
    expect(beijingDate(new Date('2026-03-31T15:59:59.999Z'))).toBe('2026-03-31')
    expect(beijingDate(new Date('2026-03-31T16:00:00.000Z'))).toBe('2026-04-01')
    expect(beijingDayStart('2026-04-01').toISOString()).toBe('2026-03-31T16:00:00.000Z')
    expect(beijingDayEnd('2028-02-28').toISOString()).toBe('2028-02-28T16:00:00.000Z')
  })

  it('knows leap years and month lengths', () => {
    expect(daysInMonth(2028, 2)).toBe(29)
    expect(daysInMonth(2026, 2)).toBe(28)
    expect(daysInMonth(2100, 2)).toBe(28)
    expect(daysInMonth(2000, 2)).toBe(29)
    expect(isValidIsoDate('2028-02-29')).toBe(true)
    expect(isValidIsoDate('2026-02-29')).toBe(false)
    expect(isValidIsoDate('2026-04-31')).toBe(false)
    expect(isValidIsoDate('2026-13-01')).toBe(false)
    expect(addIsoDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addIsoDays('2026-12-31', 1)).toBe('2027-01-01')
  })

  it('gives a default period counting the first day', () => {
    expect(defaultPeriod('2026-11-25', 7)).toEqual({ start: '2026-11-25', end: '2026-12-01' })
    expect(defaultPeriod('2028-02-25', 5)).toEqual({ start: '2028-02-25', end: '2028-02-29' })
  })

  it('refuses a period that ends before it starts, or runs too long', () => {
    expect(checkPeriod({ start: '2026-11-25', end: '2026-11-24' })).toEqual({
      ok: false,
      code: 'NOTICE_PERIOD_INVALID',
    })
    expect(checkPeriod({ start: '2026-11-25', end: '2026-11-25' })).toEqual({ ok: true })
    expect(checkPeriod({ start: '2026-01-01', end: '2026-12-31' })).toEqual({
      ok: false,
      code: 'NOTICE_PERIOD_TOO_LONG',
    })
  })

  it('keeps the period open until midnight Beijing time of its last day', () => {
    const p = { start: '2026-11-25', end: '2026-12-01' }
    expect(periodPhase(p, bj('2026-11-24T23:59:59.999'))).toBe('before')
    expect(periodPhase(p, bj('2026-11-25T00:00:00'))).toBe('open')
    expect(periodPhase(p, bj('2026-12-01T23:59:59.999'))).toBe('open')
    expect(periodPhase(p, bj('2026-12-02T00:00:00'))).toBe('ended')
    expect(effectiveNoticeState('published', p.end, bj('2026-12-02T00:00:00'))).toBe('ended')
    expect(effectiveNoticeState('published', p.end, bj('2026-12-01T12:00:00'))).toBe('published')
  })

  it('takes objections only during the period', () => {
    const n = { state: 'published' as const, period: { start: '2026-11-25', end: '2026-12-01' } }
    expect(canObject(n, bj('2026-11-30T10:00:00'))).toEqual({ ok: true })
    expect(canObject(n, bj('2026-12-02T00:00:01'))).toEqual({ ok: false, code: 'NOTICE_PERIOD_ENDED' })
    expect(canObject(n, bj('2026-11-24T10:00:00'))).toEqual({ ok: false, code: 'NOTICE_PERIOD_NOT_STARTED' })
    expect(canObject({ ...n, state: 'draft' }, bj('2026-11-30T10:00:00'))).toEqual({
      ok: false,
      code: 'NOTICE_NOT_PUBLISHED',
    })
  })
})

describe('calendar periods', () => {
  it('bounds months and quarters, leap Februaries included', () => {
    expect(periodBounds('2028-02')).toEqual({ start: '2028-02-01', end: '2028-02-29' })
    expect(periodBounds('2027-02')).toEqual({ start: '2027-02-01', end: '2027-02-28' })
    expect(periodBounds('2026-Q1')).toEqual({ start: '2026-01-01', end: '2026-03-31' })
    expect(periodBounds('2026-Q2')).toEqual({ start: '2026-04-01', end: '2026-06-30' })
    expect(periodBounds('2026-Q4')).toEqual({ start: '2026-10-01', end: '2026-12-31' })
    expect(periodBounds('2026-Q5')).toBeNull()
    expect(periodBounds('2026-13')).toBeNull()
  })

  it('walks periods across a year end', () => {
    expect(periodsBetween('month', '2026-11-15', '2027-02-01')).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
    ])
    expect(periodsBetween('quarter', '2026-08-15', '2027-01-01')).toEqual(['2026-Q3', '2026-Q4', '2027-Q1'])
    expect(quarterOf('2026-12-31')).toBe('2026-Q4')
    expect(monthsOfQuarter('2026-Q2')).toEqual(['2026-04', '2026-05', '2026-06'])
  })
})

describe('the publication calendar (Art 30)', () => {
  const settings = { financeCadence: 'monthly' as const, graceDays: 10, majorDays: 3 }
  const pub = (
    noticeId: number,
    category: CalendarPublication['category'],
    at: string,
    coversPeriod: string | null = null,
  ): CalendarPublication => ({ noticeId, category, publishedAt: bj(at), coversPeriod })

  it('marks a quarter without a 村务 notice overdue after its grace days, and due within them', () => {
    const base = { settings, from: '2026-07-01', publications: [], pendingMajors: [] }
    const q3 = (now: string) =>
      computeCalendar({ ...base, now: bj(now) }).find((i) => i.period === '2026-Q3')!
    expect(q3('2026-09-30T23:59:59').status).toBe('running')
    expect(q3('2026-10-01T00:00:00').status).toBe('due')
    expect(q3('2026-10-10T23:59:59.999').status).toBe('due')
    expect(q3('2026-10-11T00:00:00').status).toBe('overdue')
    expect(q3('2026-10-11T00:00:00').dueAt).toBe(bj('2026-10-11T00:00:00').toISOString())
  })

  it('counts one 村务 notice for one quarter only', () => {
    const items = computeCalendar({
      settings,
      from: '2026-07-01',
      now: bj('2027-01-20T00:00:00'),
      publications: [pub(1, 'village', '2026-10-05T09:00:00')],
      pendingMajors: [],
    }).filter((i) => i.obligation === 'village')
    expect(items.map((i) => [i.period, i.status, i.noticeId])).toEqual([
      ['2026-Q3', 'met', 1],
      ['2026-Q4', 'overdue', null],
      ['2027-Q1', 'running', null],
    ])
  })

  it('needs a finance notice for every month, reported by coversPeriod, due the 10th of the next month', () => {
    const items = computeCalendar({
      settings,
      from: '2028-01-01',
      now: bj('2028-03-11T08:00:00'),
      publications: [
        pub(1, 'finance', '2028-02-05T09:00:00', '2028-01'),
        pub(2, 'finance', '2028-03-11T07:00:00', '2028-02'),
      ],
      pendingMajors: [],
    }).filter((i) => i.obligation === 'finance')
    expect(items.map((i) => [i.period, i.status, i.late])).toEqual([
      ['2028-01', 'met', false],
      // February 2028 has 29 days: due by the end of 10 March; published on the 11th, it is late
      ['2028-02', 'met', true],
      ['2028-03', 'running', false],
    ])
    expect(items[1]!.dueAt).toBe(bj('2028-03-11T00:00:00').toISOString())
  })

  it('with quarterly cadence accepts a quarter notice or all three month notices', () => {
    const q = { ...settings, financeCadence: 'quarterly' as const }
    const now = bj('2026-10-20T00:00:00')
    const quarterNotice = computeCalendar({
      settings: q,
      from: '2026-07-01',
      now,
      publications: [pub(1, 'finance', '2026-10-03T09:00:00', '2026-Q3')],
      pendingMajors: [],
    }).find((i) => i.obligation === 'finance' && i.period === '2026-Q3')!
    expect(quarterNotice.status).toBe('met')
    const months = (pubs: CalendarPublication[]) =>
      computeCalendar({ settings: q, from: '2026-07-01', now, publications: pubs, pendingMajors: [] }).find(
        (i) => i.obligation === 'finance' && i.period === '2026-Q3',
      )!.status
    expect(
      months([
        pub(1, 'finance', '2026-08-03T09:00:00', '2026-07'),
        pub(2, 'finance', '2026-09-03T09:00:00', '2026-08'),
        pub(3, 'finance', '2026-10-03T09:00:00', '2026-09'),
      ]),
    ).toBe('met')
    expect(months([pub(1, 'finance', '2026-08-03T09:00:00', '2026-07')])).toBe('overdue')
  })

  it('expects a major matter published within majorDays of its draft', () => {
    const items = computeCalendar({
      settings,
      from: '2026-11-01',
      now: bj('2026-11-25T12:00:00'),
      publications: [],
      pendingMajors: [
        { noticeId: 7, title: '征地补偿方案', createdAt: bj('2026-11-21T12:00:00') },
        { noticeId: 8, title: '修路', createdAt: bj('2026-11-24T12:00:00') },
      ],
    }).filter((i) => i.obligation === 'major')
    expect(items.map((i) => [i.noticeId, i.status])).toEqual([
      [7, 'overdue'],
      [8, 'due'],
    ])
    expect(summariseCalendar(items)).toEqual({ met: 0, due: 1, overdue: 1 })
  })
})

describe('the canonical content of a version', () => {
  it('is the same whatever order the keys came in, and changes with any byte of the content', () => {
    const a = canonicalNoticeContent({
      title: '2026年10月财务公开',
      body: '详见明细',
      lines: [{ kind: 'income', item: '租金', amountFen: 100 }],
      totals: { totalExpenseFen: 0, totalIncomeFen: 100 },
      attachments: [{ sha256: 'ab', fileId: 3 }],
    })
    const b = canonicalNoticeContent({
      attachments: [{ fileId: 3, sha256: 'ab' }],
      totals: { totalIncomeFen: 100, totalExpenseFen: 0, openingBalanceFen: null },
      lines: [{ amountFen: 100, item: '租金', kind: 'income', note: '' }],
      body: '详见明细',
      title: '2026年10月财务公开',
    })
    expect(a).toBe(b)
    expect(
      canonicalNoticeContent({
        title: '2026年10月财务公开',
        body: '详见明细',
        lines: [{ kind: 'income', item: '租金', amountFen: 101 }],
        totals: { totalExpenseFen: 0, totalIncomeFen: 100 },
        attachments: [{ sha256: 'ab', fileId: 3 }],
      }),
    ).not.toBe(a)
  })
})

describe('request schemas', () => {
  it('fills defaults for a draft and refuses fractional fen', () => {
    const d = noticeDraftSchema.parse({ category: 'village', title: ' 通知 ' })
    expect(d).toMatchObject({
      title: '通知',
      body: '',
      lines: [],
      totals: null,
      attachmentIds: [],
      audience: { kind: 'village' },
      periodStart: null,
      requiresAck: false,
    })
    const bad = noticeDraftSchema.safeParse({
      category: 'finance',
      title: '账',
      lines: [{ kind: 'income', item: '租金', amountFen: 1.5 }],
    })
    expect(bad.success).toBe(false)
    expect(
      noticeDraftSchema.safeParse({ category: 'finance', title: '账', periodStart: '2026-02-30' }).success,
    ).toBe(false)
    expect(
      noticeDraftSchema.safeParse({ category: 'finance', title: '账', coversPeriod: '2026-Q4' }).success,
    ).toBe(true)
  })

  it('asks a correction for its reason and a return for its reason', () => {
    expect(noticeCorrectionSchema.safeParse({ title: 't', reason: '  ' }).success).toBe(false)
    expect(noticeReviewSchema.safeParse({ decision: 'return' }).success).toBe(false)
    expect(noticeReviewSchema.safeParse({ decision: 'approve' }).success).toBe(true)
  })
})

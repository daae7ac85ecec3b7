import {
  activityCheckInUrl,
  activityCreateSchema,
  activityPlanRule,
  activityState,
  activityTransition,
  checkInCodeAge,
  checkInCodeWindow,
  checkInRule,
  checkInWindow,
  defaultHalfHours,
  hoursRule,
  lengthInHalfHours,
  parseCheckInScan,
  signUpRule,
  toHalfHours,
  withdrawRule,
  type ActivityStatus,
} from './activity'

const bj = (s: string) => new Date(`${s}+08:00`)
const now = bj('2026-12-01T10:00:00')
const plan = (over: Record<string, unknown> = {}) =>
  activityCreateSchema.parse({
    title: '清理河道',
    place: '村口小河',
    startsAt: '2026-12-05T01:00:00.000Z', // 09:00 Beijing
    endsAt: '2026-12-05T04:00:00.000Z', // 12:00 Beijing
    signUpDeadline: '2026-12-04T12:00:00.000Z',
    capacity: 10,
    volunteering: true,
    plannedHours: 2.5,
    ...over,
  })
const activity = (status: ActivityStatus = 'published') => ({
  status,
  startsAt: bj('2026-12-05T09:00:00'),
  endsAt: bj('2026-12-05T12:00:00'),
  signUpDeadline: bj('2026-12-04T20:00:00'),
  capacity: 2,
})

describe('an activity plan', () => {
  it('takes a volunteering activity in the future with planned hours that fit', () => {
    expect(activityPlanRule(plan(), now)).toBeNull()
  })
  it('refuses an end before the start, a start in the past, one too far or too long', () => {
    expect(activityPlanRule(plan({ endsAt: '2026-12-05T01:00:00.000Z' }), now)).toBe('ACTIVITY_TIMES_INVALID')
    expect(activityPlanRule(plan({ startsAt: '2026-12-01T01:00:00.000Z' }), now)).toBe(
      'ACTIVITY_START_IN_PAST',
    )
    expect(
      activityPlanRule(
        plan({ startsAt: '2027-12-05T01:00:00.000Z', endsAt: '2027-12-05T04:00:00.000Z' }),
        now,
      ),
    ).toBe('ACTIVITY_TIMES_INVALID')
    expect(activityPlanRule(plan({ endsAt: '2026-12-06T04:00:00.000Z' }), now)).toBe('ACTIVITY_TIMES_INVALID')
  })
  it('wants the sign-up deadline after now and no later than the start', () => {
    expect(activityPlanRule(plan({ signUpDeadline: '2026-12-05T02:00:00.000Z' }), now)).toBe(
      'ACTIVITY_DEADLINE_INVALID',
    )
    expect(activityPlanRule(plan({ signUpDeadline: '2026-11-30T02:00:00.000Z' }), now)).toBe(
      'ACTIVITY_DEADLINE_INVALID',
    )
  })
  it('wants planned hours in half-hour steps within the length, and none for other activities', () => {
    expect(activityPlanRule(plan({ plannedHours: 2.4 }), now)).toBe('ACTIVITY_HOURS_INVALID')
    expect(activityPlanRule(plan({ plannedHours: 3.5 }), now)).toBe('ACTIVITY_HOURS_INVALID')
    expect(activityPlanRule(plan({ plannedHours: 0 }), now)).toBe('ACTIVITY_HOURS_INVALID')
    expect(activityPlanRule(plan({ volunteering: false, plannedHours: 1 }), now)).toBe(
      'ACTIVITY_HOURS_INVALID',
    )
    expect(activityPlanRule(plan({ volunteering: false, plannedHours: 0 }), now)).toBeNull()
  })
  it('trims the title and wants a place', () => {
    expect(plan({ title: '  清理河道 ' }).title).toBe('清理河道')
    expect(activityCreateSchema.safeParse({ ...plan(), place: ' ' }).success).toBe(false)
  })
})

describe('the states of an activity', () => {
  it('goes published → sign-up closed → held as time passes', () => {
    expect(activityState(activity(), now)).toBe('published')
    expect(activityState(activity(), bj('2026-12-04T20:00:00'))).toBe('signup_closed')
    expect(activityState(activity(), bj('2026-12-05T12:00:00'))).toBe('held')
  })
  it('keeps draft, closed and cancelled whatever the time', () => {
    expect(activityState(activity('draft'), bj('2026-12-06T00:00:00'))).toBe('draft')
    expect(activityState(activity('closed'), now)).toBe('closed')
    expect(activityState(activity('cancelled'), now)).toBe('cancelled')
  })
  it('publishes a draft only, cancels before it is held, closes once held', () => {
    expect(activityTransition('draft', 'publish')).toEqual({ ok: true, next: 'published' })
    expect(activityTransition('published', 'publish')).toEqual({ ok: false, code: 'ACTIVITY_NOT_DRAFT' })
    expect(activityTransition('signup_closed', 'cancel')).toEqual({ ok: true, next: 'cancelled' })
    expect(activityTransition('held', 'cancel')).toEqual({ ok: false, code: 'ACTIVITY_CANNOT_CANCEL' })
    expect(activityTransition('held', 'close')).toEqual({ ok: true, next: 'closed' })
    expect(activityTransition('published', 'close')).toEqual({ ok: false, code: 'ACTIVITY_NOT_HELD' })
    expect(activityTransition('closed', 'close')).toEqual({ ok: false, code: 'ACTIVITY_NOT_HELD' })
  })
})

describe('signing up', () => {
  const c = { state: 'published' as const, capacity: 2, taken: 0, alreadySignedUp: false }
  it('takes a resident while places are left', () => expect(signUpRule(c)).toBeNull())
  it('refuses when full, twice, after the deadline or when not published', () => {
    expect(signUpRule({ ...c, taken: 2 })).toBe('ACTIVITY_FULL')
    expect(signUpRule({ ...c, alreadySignedUp: true })).toBe('ACTIVITY_ALREADY_SIGNED_UP')
    expect(signUpRule({ ...c, state: 'signup_closed' })).toBe('ACTIVITY_SIGNUP_CLOSED')
    expect(signUpRule({ ...c, state: 'draft' })).toBe('ACTIVITY_NOT_OPEN')
    expect(signUpRule({ ...c, state: 'cancelled' })).toBe('ACTIVITY_NOT_OPEN')
  })
  it('lets one cancel their own sign-up before the deadline only', () => {
    expect(withdrawRule({ state: 'published', signedUp: true })).toBeNull()
    expect(withdrawRule({ state: 'signup_closed', signedUp: true })).toBe('ACTIVITY_SIGNUP_CLOSED')
    expect(withdrawRule({ state: 'published', signedUp: false })).toBe('ACTIVITY_NOT_SIGNED_UP')
  })
})

describe('checking in', () => {
  const a = activity()
  const who = { signedUp: true, checkedIn: false, taken: 2 }
  it('is open from 30 minutes before the start to the end', () => {
    const w = checkInWindow(a)
    expect(w.opens).toEqual(bj('2026-12-05T08:30:00'))
    expect(w.closes).toEqual(bj('2026-12-05T12:00:00'))
    expect(checkInRule(a, who, bj('2026-12-05T08:29:59'))).toBe('ACTIVITY_CHECKIN_NOT_YET')
    expect(checkInRule(a, who, bj('2026-12-05T08:30:00'))).toBeNull()
    expect(checkInRule(a, who, bj('2026-12-05T12:00:00'))).toBe('ACTIVITY_CHECKIN_OVER')
  })
  const during = bj('2026-12-05T09:10:00')
  it('refuses a second check-in', () => {
    expect(checkInRule(a, { ...who, checkedIn: true }, during)).toBe('ACTIVITY_ALREADY_CHECKED_IN')
  })
  it('takes a walk-in while places are left, not when full', () => {
    expect(checkInRule(a, { signedUp: false, checkedIn: false, taken: 1 }, during)).toBeNull()
    expect(checkInRule(a, { signedUp: false, checkedIn: false, taken: 2 }, during)).toBe('ACTIVITY_FULL')
  })
  it('refuses a cancelled activity', () => {
    expect(checkInRule(activity('cancelled'), who, during)).toBe('ACTIVITY_NOT_OPEN')
  })
  it('takes a code of this window or the one before, not older, and never one from the future', () => {
    const t = 1_000_000_000_000
    const w = checkInCodeWindow(t)
    expect(checkInCodeAge(w, t)).toBe('fresh')
    expect(checkInCodeAge(w - 1, t)).toBe('fresh')
    expect(checkInCodeAge(w - 2, t)).toBe('expired')
    expect(checkInCodeAge(w + 1, t)).toBe('future')
    expect(checkInCodeWindow(t + 30_000)).toBe(w + 1)
  })
  it('reads the token back from the check-in link a QR code carries, or a bare token', () => {
    const url = activityCheckInUrl('https://x.cn/', 3, 7, 'abc.12-x')
    expect(url).toBe(
      'https://x.cn/#/subpackages/activity/pages/check-in/index?villageId=3&id=7&token=abc.12-x',
    )
    expect(parseCheckInScan(url)).toEqual({ villageId: 3, id: 7, token: 'abc.12-x' })
    expect(parseCheckInScan('abc.12-x')).toEqual({ villageId: null, id: null, token: 'abc.12-x' })
    expect(parseCheckInScan('https://elsewhere.cn/?q=1')).toBeNull()
    expect(parseCheckInScan('  ')).toBeNull()
  })
})

describe('hours', () => {
  const a = activity()
  it('counts in half-hours', () => {
    expect(toHalfHours(2.5)).toBe(5)
    expect(toHalfHours(0.3)).toBeNull()
    expect(toHalfHours(-1)).toBeNull()
    expect(lengthInHalfHours(a)).toBe(6)
    expect(lengthInHalfHours({ startsAt: a.startsAt, endsAt: bj('2026-12-05T10:20:00') })).toBe(2)
  })
  it('takes half-hour steps up to the length, never more', () => {
    expect(hoursRule(3, a)).toBeNull()
    expect(hoursRule(0, a)).toBeNull()
    expect(hoursRule(3.5, a)).toBe('ACTIVITY_HOURS_INVALID')
    expect(hoursRule(1.25, a)).toBe('ACTIVITY_HOURS_INVALID')
  })
  it('starts the form at the planned hours, capped at the length', () => {
    expect(defaultHalfHours({ ...a, plannedHalfHours: 5 })).toBe(5)
    expect(defaultHalfHours({ ...a, plannedHalfHours: 9 })).toBe(6)
  })
})

import { ACTIVITY_CHECK_IN_PATH, type ActivitySummary } from '@xiangli/shared'
import { ROUTES } from '@/routes'
import {
  beijingMoment,
  blankActivityForm,
  checkActivityForm,
  placesText,
  splitByTime,
  stepHalfHours,
  timeSpan,
} from './activity'

// 2026-12-06 10:00 in Beijing
const now = new Date('2026-12-06T02:00:00Z')

describe('the committee’s activity form', () => {
  it('starts three days ahead, 09:00–11:00, sign-up until the evening before, 2 planned hours', () => {
    expect(blankActivityForm(now)).toMatchObject({
      date: '2026-12-09',
      startTime: '09:00',
      endTime: '11:00',
      deadlineDate: '2026-12-08',
      plannedHalfHours: 4,
    })
  })
  it('turns the picked Beijing date and times into moments', () => {
    const f = { ...blankActivityForm(now), title: '清理河道', place: '村口' }
    const checked = checkActivityForm(f, true)
    expect(checked.ok).toBe(true)
    if (!checked.ok) return
    expect(checked.value).toMatchObject({
      startsAt: new Date('2026-12-09T01:00:00Z'),
      endsAt: new Date('2026-12-09T03:00:00Z'),
      signUpDeadline: new Date('2026-12-08T10:00:00Z'),
      capacity: 20,
      plannedHours: 2,
      publish: true,
    })
  })
  it('says what to fix: an end before the start, a deadline after it, no title, a bad capacity', () => {
    const f = { ...blankActivityForm(now), endTime: '08:00', deadlineDate: '2026-12-10', capacity: '0' }
    const checked = checkActivityForm(f, false)
    expect(checked.ok).toBe(false)
    if (checked.ok) return
    expect(checked.errors).toMatchObject({
      when: '结束时间要晚于开始时间',
      deadlineDate: '报名截止要在活动开始之前',
      capacity: expect.any(String),
      title: '请填写活动名称',
      place: '请填写活动地点',
    })
  })
  it('steps hours by half an hour within bounds', () => {
    expect(stepHalfHours(4, 1)).toBe(5)
    expect(stepHalfHours(1, -1)).toBe(1)
    expect(stepHalfHours(0, -1, 0)).toBe(0)
    expect(stepHalfHours(6, 1, 0, 6)).toBe(6)
  })
  it('reads a picked date and time as Beijing time', () => {
    expect(beijingMoment('2026-12-09', '09:30')).toEqual(new Date('2026-12-09T01:30:00Z'))
    expect(beijingMoment('', '09:30')).toBeNull()
  })
})

describe('the lists', () => {
  const a = (id: number, state: ActivitySummary['state']) => ({ id, state }) as ActivitySummary
  it('puts what is yet to be held apart from the past', () => {
    const { upcoming, past } = splitByTime([
      a(1, 'published'),
      a(2, 'held'),
      a(3, 'signup_closed'),
      a(4, 'cancelled'),
    ])
    expect(upcoming.map((x) => x.id)).toEqual([1, 3])
    expect(past.map((x) => x.id)).toEqual([2, 4])
  })
  it('says the time span and the places', () => {
    expect(timeSpan('2026-12-09T01:00:00Z', '2026-12-09T03:00:00Z')).toBe('12月9日 09:00 – 11:00')
    expect(timeSpan('2026-12-09T12:00:00Z', '2026-12-09T18:00:00Z')).toBe('12月9日 20:00 – 12月10日 02:00')
    expect(placesText({ taken: 3, capacity: 20 })).toBe('已报名 3 / 20 人')
    expect(placesText({ taken: 20, capacity: 20 })).toBe('已报满 20 人')
  })
})

describe('the check-in page', () => {
  it('is where the QR code the server draws points', () => {
    expect(`/#${ROUTES.activityCheckIn}`).toBe(ACTIVITY_CHECK_IN_PATH)
  })
})

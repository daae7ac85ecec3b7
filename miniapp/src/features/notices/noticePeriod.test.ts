import { formatIsoDate, isoDateOf, periodRange, periodStatus } from './noticePeriod'

// Beijing is UTC+8: 2026-11-25T16:00Z is already 11月26日 00:00 in Beijing
const at = (iso: string) => new Date(iso)
const period = { start: '2026-11-20', end: '2026-11-26' }

describe('periodStatus', () => {
  it('counts the days left including today while the period is open', () => {
    expect(periodStatus(period, at('2026-11-24T04:00:00Z'))).toEqual({
      phase: 'open',
      daysLeft: 3,
      text: '公示中，还剩 3 天',
      urgent: false,
    })
    expect(periodStatus(period, at('2026-11-25T04:00:00Z')).urgent).toBe(true)
  })

  it('says so on the last day, until midnight Beijing time', () => {
    expect(periodStatus(period, at('2026-11-26T15:59:59Z')).text).toBe('公示期今天最后一天')
    expect(periodStatus(period, at('2026-11-26T16:00:00Z'))).toEqual({
      phase: 'ended',
      daysLeft: null,
      text: '公示期已结束',
      urgent: false,
    })
  })

  it('follows Beijing days, not UTC days', () => {
    // 11月25日 23:30 UTC is 11月26日 in Beijing: the last day
    expect(periodStatus(period, at('2026-11-25T17:30:00Z')).daysLeft).toBe(1)
  })

  it('names the first day of a period that has not started', () => {
    expect(periodStatus(period, at('2026-11-18T04:00:00Z')).text).toBe('11月20日开始公示')
    expect(periodStatus(period, at('2026-11-19T04:00:00Z')).text).toBe('明天开始公示')
  })

  it('handles a one-day period and a period across the new year', () => {
    expect(
      periodStatus({ start: '2026-11-20', end: '2026-11-20' }, at('2026-11-20T02:00:00Z')).daysLeft,
    ).toBe(1)
    const newYear = { start: '2026-12-28', end: '2027-01-03' }
    expect(periodStatus(newYear, at('2026-12-30T02:00:00Z')).daysLeft).toBe(5)
  })
})

describe('periodRange and formatIsoDate', () => {
  it('leaves the year out for this year and counts the days', () => {
    expect(periodRange(period, at('2026-11-24T04:00:00Z'))).toBe('11月20日至11月26日（共 7 天）')
  })

  it('shows the year of another year', () => {
    expect(formatIsoDate('2025-02-28', at('2026-11-24T04:00:00Z'))).toBe('2025年2月28日')
    expect(periodRange({ start: '2028-02-28', end: '2028-03-01' }, at('2026-11-24T04:00:00Z'))).toBe(
      '2028年2月28日至2028年3月1日（共 3 天）',
    )
  })

  it('gives back text it cannot read unchanged', () => {
    expect(formatIsoDate('soon')).toBe('soon')
  })
})

describe('isoDateOf', () => {
  it('writes a picked date as YYYY-MM-DD', () => {
    expect(isoDateOf(new Date(2026, 0, 5))).toBe('2026-01-05')
  })
})

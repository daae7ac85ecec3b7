import { pickedLabel, quarterLabel, recentQuarters } from './dates'

describe('pickedLabel', () => {
  it('reads a day in Chinese without leading zeros', () => {
    expect(pickedLabel('date', '2026-12-05')).toBe('2026年12月5日')
  })

  it('reads a month', () => {
    expect(pickedLabel('month', '2026-03')).toBe('2026年3月')
  })

  it('shows a time as it is', () => {
    expect(pickedLabel('time', '09:30')).toBe('09:30')
  })

  it('is empty before anything is picked', () => {
    expect(pickedLabel('date', '')).toBe('')
  })

  it('shows a value it does not understand unchanged rather than hiding it', () => {
    expect(pickedLabel('date', '2026-Q4')).toBe('2026-Q4')
  })
})

describe('quarters of a finance notice', () => {
  it('offers the quarters before today, newest first, across the new year', () => {
    expect(recentQuarters('2026-02-10', 3)).toEqual(['2025-Q4', '2025-Q3', '2025-Q2'])
    expect(recentQuarters('2026-12-31', 2)).toEqual(['2026-Q3', '2026-Q2'])
  })

  it('reads a quarter in Chinese', () => {
    expect(quarterLabel('2026-Q4')).toBe('2026年第四季度')
    expect(quarterLabel('2026-10')).toBe('2026-10')
  })
})

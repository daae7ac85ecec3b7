import { formatTime, greeting } from './format'

const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min)

describe('formatTime', () => {
  const now = local(2025, 3, 5, 16, 0)

  it('says 今天 with the time for today', () => {
    expect(formatTime(local(2025, 3, 5, 9, 7).toISOString(), now)).toBe('今天 09:07')
  })

  it('says 昨天 for yesterday, even just before midnight', () => {
    expect(formatTime(local(2025, 3, 4, 23, 59).toISOString(), now)).toBe('昨天 23:59')
  })

  it('gives month and day within this year', () => {
    expect(formatTime(local(2025, 1, 20, 8, 30).toISOString(), now)).toBe('1月20日 08:30')
  })

  it('gives the year for earlier years', () => {
    expect(formatTime(local(2024, 12, 31, 8, 30).toISOString(), now)).toBe('2024年12月31日')
  })

  it('shows nothing for a date it cannot read', () => {
    expect(formatTime('not a date', now)).toBe('')
  })
})

describe('greeting', () => {
  it('follows the time of day', () => {
    expect(greeting(local(2025, 3, 5, 8))).toBe('上午好')
    expect(greeting(local(2025, 3, 5, 14))).toBe('下午好')
    expect(greeting(local(2025, 3, 5, 20))).toBe('晚上好')
    expect(greeting(local(2025, 3, 5, 2))).toBe('您好')
  })
})

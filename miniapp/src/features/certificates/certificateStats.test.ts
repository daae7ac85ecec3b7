import { statsYears, totalIssued, trendOf } from './certificateStats'

describe('certificate stats', () => {
  it('offers this year first, then earlier years', () => {
    expect(statsYears(2026, 3)).toEqual([2026, 2025, 2024])
    expect(statsYears(2001)).toEqual([2001, 2000])
  })

  it('adds up what the villages issued', () => {
    expect(totalIssued({ villages: [] })).toBe(0)
    expect(
      totalIssued({
        villages: [
          { villageId: 1, villageName: '甲', issued: 5, revoked: 1, items: [] },
          { villageId: 2, villageName: '乙', issued: 2, revoked: 0, items: [] },
        ],
      }),
    ).toBe(7)
  })

  it('says how the year compares with the year before', () => {
    expect(trendOf(7, 85)).toEqual({ trend: 'down', text: '去年 85 份，今年少开 78 份 ↓' })
    expect(trendOf(9, 4)).toEqual({ trend: 'up', text: '去年 4 份，今年多开 5 份 ↑' })
    expect(trendOf(3, 3)).toEqual({ trend: 'same', text: '去年 3 份，与去年持平' })
    expect(trendOf(3, null)).toEqual({ trend: 'none', text: '' })
  })
})

import { badgeText } from './badge'

describe('badgeText', () => {
  it('hides the badge when nothing is unread', () => {
    expect(badgeText(0)).toBeNull()
    expect(badgeText(-1)).toBeNull()
    expect(badgeText(Number.NaN)).toBeNull()
  })

  it('shows the count', () => {
    expect(badgeText(7)).toBe('7')
  })

  it('caps large counts at 99+ so the tab stays readable', () => {
    expect(badgeText(99)).toBe('99')
    expect(badgeText(100)).toBe('99+')
  })
})

import { Clock } from '../../src/core/clock/clock'

describe('Clock', () => {
  it('tells the system time until it is moved', () => {
    const before = Date.now()
    const now = new Clock().now().getTime()
    expect(now).toBeGreaterThanOrEqual(before)
    expect(now).toBeLessThanOrEqual(Date.now())
  })

  it('lets days pass and keeps counting from there', () => {
    const clock = new Clock()
    clock.advance(10 * 86_400_000)
    const ahead = clock.nowMs() - Date.now()
    expect(ahead).toBeGreaterThan(10 * 86_400_000 - 1000)
    expect(ahead).toBeLessThanOrEqual(10 * 86_400_000)
    expect(clock.offset).toBe(10 * 86_400_000)
  })

  it('refuses to go back in time', () => {
    expect(() => new Clock().advance(-1)).toThrow('the clock only moves forward')
  })
})

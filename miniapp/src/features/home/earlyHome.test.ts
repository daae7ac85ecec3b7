import type { HomeSummary } from '@xiangli/shared'
import { EARLY_HOME_FRESH_MS, takeEarlyHome, type EarlyHome } from './earlyHome'

const summary = (n: number) => ({ mine: { newNotices: n } }) as unknown as HomeSummary
// the browser's window, where index.html leaves the early answer
;(globalThis as { window?: unknown }).window ??= globalThis
const w = globalThis as unknown as { __xlEarlyHome?: EarlyHome }

describe('the home answer asked for before the scripts arrived', () => {
  afterEach(() => delete w.__xlEarlyHome)

  it('is taken once for its village, and the page asks itself the next time', async () => {
    w.__xlEarlyHome = { villageId: 3, at: 1000, answer: Promise.resolve(summary(2)) }
    const ask = jest.fn(async () => summary(5))
    expect(await takeEarlyHome(3, ask, 1500)).toEqual(summary(2))
    expect(ask).not.toHaveBeenCalled()
    expect(await takeEarlyHome(3, ask, 1600)).toEqual(summary(5))
    expect(ask).toHaveBeenCalledTimes(1)
  })

  it('is not taken for another village, nor when stale, nor when it was refused', async () => {
    const ask = jest.fn(async () => summary(5))
    w.__xlEarlyHome = { villageId: 4, at: 1000, answer: Promise.resolve(summary(2)) }
    expect(await takeEarlyHome(3, ask, 1500)).toEqual(summary(5))
    w.__xlEarlyHome = { villageId: 3, at: 1000, answer: Promise.resolve(summary(2)) }
    expect(await takeEarlyHome(3, ask, 1001 + EARLY_HOME_FRESH_MS)).toEqual(summary(5))
    w.__xlEarlyHome = { villageId: 3, at: 1000, answer: Promise.resolve(null) }
    expect(await takeEarlyHome(3, ask, 1500)).toEqual(summary(5))
    expect(ask).toHaveBeenCalledTimes(3)
    expect(w.__xlEarlyHome).toBeUndefined()
  })

  it('asks as before when nothing was asked early', async () => {
    expect(await takeEarlyHome(3, async () => summary(7))).toEqual(summary(7))
  })
})

import type { SolicitationView } from '@xiangli/shared'
import {
  SOLICITATION_MIN_DAYS,
  checkSummary,
  checkWindow,
  opinionCountText,
  solicitButtons,
  suggestedLastDay,
  summaryView,
  windowView,
} from './deliberationSolicit'

// 2026-11-25 10:00 in Beijing
const now = new Date('2026-11-25T02:00:00.000Z')
const HOUR = 3_600_000
const at = (hours: number) => new Date(now.getTime() + hours * HOUR).toISOString()

const solicitation = (o: Partial<SolicitationView> = {}): SolicitationView => ({
  opensAt: at(-1),
  closesAt: at(24 * 6),
  accepting: true,
  opinionCount: 0,
  myOpinionCount: 0,
  canGiveOpinion: true,
  ...o,
})

describe('windowView', () => {
  it('says the community has not started asking before the window is set', () => {
    expect(windowView({ opensAt: null, closesAt: null }, now)).toEqual({
      state: 'not_set',
      text: '社区还没有开始征求意见',
    })
  })
  it('names when a window set for later starts and ends', () => {
    const v = windowView({ opensAt: at(2), closesAt: at(24 * 7) }, now)
    expect(v.state).toBe('not_yet')
    expect(v.text).toMatch(/开始征求意见，.*截止$/)
  })
  it('is open from its start until just before it closes', () => {
    expect(windowView({ opensAt: now.toISOString(), closesAt: at(1) }, now).state).toBe('open')
    expect(windowView({ opensAt: at(-5), closesAt: at(1) }, now).text).toMatch(/^正在征求意见，.*截止$/)
  })
  it('places the window by the server’s clock, not the phone’s', () => {
    // the phone says it is still open; the server, whose days have passed, says it closed
    const window = { opensAt: at(-100), closesAt: at(1) }
    expect(windowView({ ...window, now: at(2) }).state).toBe('closed')
    expect(windowView({ ...window, now: now.toISOString() }).state).toBe('open')
  })
  it('is closed at the closing moment and after', () => {
    expect(windowView({ opensAt: at(-100), closesAt: now.toISOString() }, now).state).toBe('closed')
    expect(windowView({ opensAt: at(-100), closesAt: at(-1) }, now).text).toMatch(/^征求意见已于 .* 截止$/)
  })
})

describe('solicitButtons', () => {
  it('shows nothing on a procedure without 一征', () => {
    expect(solicitButtons({ actions: ['open', 'post_summary'], solicitation: null }, true, now)).toEqual({
      openWindow: false,
      giveOpinion: false,
      postSummary: false,
      summaryWaits: false,
      seeOpinions: false,
    })
  })
  it('lets the committee open a window only while none is set', () => {
    const pending = solicitation({ opensAt: null, closesAt: null, accepting: false, canGiveOpinion: false })
    expect(solicitButtons({ actions: ['open', 'reject'], solicitation: pending }, true, now)).toMatchObject({
      openWindow: true,
      giveOpinion: false,
      seeOpinions: false,
    })
    expect(solicitButtons({ actions: ['open'], solicitation: solicitation() }, true, now).openWindow).toBe(
      false,
    )
    expect(solicitButtons({ actions: [], solicitation: pending }, false, now).openWindow).toBe(false)
  })
  it('lets a resident give an opinion while the window is open, and see their own once given', () => {
    const open = solicitation()
    expect(solicitButtons({ actions: [], solicitation: open }, false, now)).toMatchObject({
      giveOpinion: true,
      seeOpinions: false,
    })
    expect(
      solicitButtons({ actions: [], solicitation: { ...open, myOpinionCount: 1 } }, false, now).seeOpinions,
    ).toBe(true)
    const closed = solicitation({ opensAt: at(-200), closesAt: at(-1) })
    expect(solicitButtons({ actions: [], solicitation: closed }, false, now).giveOpinion).toBe(false)
    expect(
      solicitButtons({ actions: [], solicitation: { ...open, canGiveOpinion: false } }, false, now)
        .giveOpinion,
    ).toBe(false)
  })
  it('makes the summary wait until the window closes', () => {
    const open = solicitButtons({ actions: ['post_summary'], solicitation: solicitation() }, true, now)
    expect(open).toMatchObject({ postSummary: false, summaryWaits: true, seeOpinions: true })
    const closed = solicitButtons(
      { actions: ['post_summary'], solicitation: solicitation({ opensAt: at(-200), closesAt: at(-1) }) },
      true,
      now,
    )
    expect(closed).toMatchObject({ postSummary: true, summaryWaits: false })
    expect(
      solicitButtons({ actions: [], solicitation: solicitation({ closesAt: at(-1) }) }, true, now)
        .postSummary,
    ).toBe(false)
  })
})

describe('opinionCountText and summaryView', () => {
  it('counts all opinions and mine', () => {
    expect(opinionCountText({ opinionCount: 3, myOpinionCount: 0 })).toBe('已收到 3 条意见')
    expect(opinionCountText({ opinionCount: 3, myOpinionCount: 1 })).toBe('已收到 3 条意见，其中您提了 1 条')
  })
  it('has no summary before it is posted, and says how many opinions it rests on after', () => {
    expect(summaryView(null, now)).toBeNull()
    const v = summaryView({ text: '多数居民支持', opinionCount: 2, postedAt: at(-2) }, now)!
    expect(v.title).toBe('居民意见汇总')
    expect(v.text).toBe('多数居民支持')
    expect(v.meta).toMatch(/^根据 2 条居民意见汇总 · /)
  })
})

describe('checkWindow', () => {
  it('suggests the earliest last day the legal minimum allows', () => {
    expect(SOLICITATION_MIN_DAYS).toBe(5)
    expect(suggestedLastDay(now, 5)).toBe('2026-11-30')
    expect(checkWindow(suggestedLastDay(now, 5), 5, now)).toEqual({
      ok: true,
      closesAt: '2026-11-30T15:59:59.000Z',
    })
  })
  it('refuses a window shorter than the minimum, naming the earliest day', () => {
    expect(checkWindow('2026-11-29', 5, now)).toEqual({
      ok: false,
      error: '征求意见至少要 5 天，截止日期最早是 11月30日',
    })
  })
  it('refuses a date that is not a real one', () => {
    expect(checkWindow('2026-02-30', 5, now)).toMatchObject({ ok: false })
    expect(checkWindow('下周一', 5, now)).toEqual({ ok: false, error: '请按 2026-12-05 这样填写截止日期' })
  })
})

describe('checkSummary', () => {
  it('wants some words, at most 3000', () => {
    expect(checkSummary('  ')).toBe('请填写意见汇总')
    expect(checkSummary('多数居民支持')).toBeNull()
    expect(checkSummary('字'.repeat(3001))).toBe('意见汇总最多 3000 字')
  })
})

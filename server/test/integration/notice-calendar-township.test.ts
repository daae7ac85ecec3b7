import type { CalendarItem, VillageNoticeCalendar } from '@xiangli/shared'
import { PublicNotice } from '../../src/modules/notices/entities/public-notice.entity'
import { DIALECT, startTestApp, villageIds, type TestApp } from '../support/app'

/**
 * The township's publication calendar is computed for all its villages at once, from only the
 * notices a calendar can count (the first two 村务 notices of each month, the first 财务 notice of each
 * period): it must say what each village's own calendar says.
 */
describe(`the township's publication calendar on ${DIALECT}`, () => {
  let t: TestApp
  let ids: { village: number; community: number; township: number }
  let committee: string
  let township: string

  const notice = (
    category: 'village' | 'finance',
    publishedAt: string,
    coversPeriod: string | null = null,
  ) => ({
    villageId: ids.community,
    category,
    title: `${category} ${publishedAt}`,
    body: '公开内容',
    state: 'ended' as const,
    version: 1,
    publishedAt: new Date(publishedAt),
    periodStart: publishedAt.slice(0, 10),
    periodEnd: publishedAt.slice(0, 10),
    coversPeriod,
  })

  beforeAll(async () => {
    t = await startTestApp()
    ids = await villageIds(t.ds)
    committee = await t.login('community_committee')
    township = await t.login('township')
    const settings = await t.request({
      method: 'PUT',
      url: `/api/villages/${ids.community}/notice-settings`,
      token: committee,
      body: { financeCadence: 'quarterly', graceDays: 10, majorDays: 3, calendarFrom: '2025-01-01' },
    })
    expect(settings.status).toBe(200)
    await t.ds.getRepository(PublicNotice).insert([
      // three in one instant in Q1's grace days: one for Q1, the next for Q2, the third for nothing
      notice('village', '2025-04-03T02:00:00.000Z'),
      notice('village', '2025-04-03T02:00:00.000Z'),
      notice('village', '2025-04-03T02:00:00.000Z'),
      // late in a Beijing month that is still the month before in UTC
      notice('village', '2025-06-30T17:00:00.000Z'),
      notice('village', '2025-08-01T00:00:00.000Z'),
      // a quarter met by its three months, one of them reported twice
      notice('finance', '2025-02-05T02:00:00.000Z', '2025-01'),
      notice('finance', '2025-03-05T02:00:00.000Z', '2025-02'),
      notice('finance', '2025-03-06T02:00:00.000Z', '2025-02'),
      notice('finance', '2025-04-05T02:00:00.000Z', '2025-03'),
      notice('finance', '2025-07-20T02:00:00.000Z', '2025-Q2'),
    ])
  })
  afterAll(() => t.close())

  it('gives each village the counts of its own calendar and the items still due or overdue', async () => {
    const own = await t.request({
      method: 'GET',
      url: `/api/villages/${ids.community}/notice-calendar`,
      token: committee,
    })
    expect(own.status).toBe(200)
    const mine: VillageNoticeCalendar = own.body
    const met = (obligation: string, period: string) =>
      mine.items.find((i) => i.obligation === obligation && i.period === period)?.status
    expect(met('village', '2025-Q1')).toBe('met')
    expect(met('village', '2025-Q2')).toBe('met')
    expect(met('village', '2025-Q3')).toBe('met')
    expect(met('finance', '2025-Q1')).toBe('met')
    expect(met('finance', '2025-Q2')).toBe('met')

    const tw = await t.request({
      method: 'GET',
      url: `/api/townships/${ids.township}/notice-calendar`,
      token: township,
    })
    expect(tw.status).toBe(200)
    const theirs = (tw.body.villages as VillageNoticeCalendar[]).find((v) => v.villageId === ids.community)!
    expect({ met: theirs.met, due: theirs.due, overdue: theirs.overdue }).toEqual({
      met: mine.met,
      due: mine.due,
      overdue: mine.overdue,
    })
    const pressing = (items: CalendarItem[]) =>
      items.filter((i) => i.status !== 'met' && i.status !== 'running')
    expect(theirs.items).toEqual(pressing(mine.items))
    expect(theirs.settings).toEqual(mine.settings)
  })
})

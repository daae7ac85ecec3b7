import {
  beijingDate,
  defaultVillageSettings,
  type CalendarItem,
  type TownshipNoticeCalendar,
  type TownshipVillageCalendar,
  type VillageNoticeCalendar,
} from '@xiangli/shared'
import { NoticeSettingsRow } from '../../src/modules/notices/entities/notice-settings.entity'
import { PublicNotice } from '../../src/modules/notices/entities/public-notice.entity'
import { Org } from '../../src/modules/orgs/entities/org.entity'
import { DIALECT, startTestApp, villageIds, type TestApp } from '../support/app'

/**
 * The township's publication calendar is computed for a page of its villages at once, from only the
 * notices a calendar can count (the first two 村务 notices of each month, the first 财务 notice of each
 * period): it must say what each village's own calendar says. Walking its pages gives every village
 * once; the first page's summary counts them all; `only=overdue` keeps exactly the overdue ones.
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

  describe('in pages of villages', () => {
    const url = (query: string) => `/api/townships/${ids.township}/notice-calendar?${query}`
    const get = async (query: string): Promise<TownshipNoticeCalendar> => {
      const res = await t.request({ method: 'GET', url: url(query), token: township })
      expect(res.status).toBe(200)
      return res.body
    }
    /** Every page from the first, following nextAfter; the answers in order. */
    const walk = async (query: string): Promise<TownshipNoticeCalendar[]> => {
      const pages = [await get(query)]
      while (pages[pages.length - 1]!.nextAfter !== undefined) {
        expect(pages.length).toBeLessThan(100)
        pages.push(await get(`${query}&after=${pages[pages.length - 1]!.nextAfter}`))
      }
      return pages
    }
    let townshipVillages: number[]
    let all: TownshipVillageCalendar[]

    beforeAll(async () => {
      // 60 more villages, more than one chunk of the overdue walk: three counting since 2025 (overdue),
      // the rest from today (nothing due yet), one of those with a major matter waiting (due)
      const orgs = t.ds.getRepository(Org)
      const made = await orgs.save(
        Array.from({ length: 60 }, (_, i) => ({
          kind: 'village' as const,
          name: `分页村${i}`,
          code: `9901061012${String(i).padStart(2, '0')}`,
          parentId: ids.township,
          settings: defaultVillageSettings('village'),
        })),
      )
      const today = beijingDate(new Date())
      await t.ds.getRepository(NoticeSettingsRow).insert(
        made.map((v, i) => ({
          villageId: v.id,
          financeCadence: 'monthly' as const,
          graceDays: 10,
          majorDays: 3,
          calendarFrom: [3, 55, 57].includes(i) ? '2025-01-01' : today,
        })),
      )
      await t.ds.getRepository(PublicNotice).insert({
        ...notice('village', new Date().toISOString()),
        villageId: made[10]!.id,
        title: '征地补偿方案',
        state: 'draft',
        publishedAt: null,
        major: true,
      })
      const rows: { id: number }[] = await t.ds.query(
        `SELECT id FROM org WHERE parentId = ? AND kind IN ('village', 'community') ORDER BY id`,
        [ids.township],
      )
      townshipVillages = rows.map((r) => Number(r.id))
      all = (await walk('pageSize=100')).flatMap((p) => p.villages)
    })

    it('gives every village of the township once, in order, when walked page by page', async () => {
      expect(townshipVillages.length).toBeGreaterThan(60)
      const pages = await walk('pageSize=7')
      expect(pages.length).toBe(Math.ceil(townshipVillages.length / 7))
      pages.slice(0, -1).forEach((p) => expect(p.villages).toHaveLength(7))
      expect(pages.flatMap((p) => p.villages.map((v) => v.villageId))).toEqual(townshipVillages)
      // the last page says there is no next one; a page costs what its villages cost
      expect(pages[pages.length - 1]!.nextAfter).toBeUndefined()
      expect(pages.flatMap((p) => p.villages)).toEqual(all)
    })

    it('answers the township-wide summary on the first page only, equal to counting every village', async () => {
      const first = await get('pageSize=5')
      expect(first.villages).toHaveLength(5)
      expect(first.summary).toEqual({
        villages: all.length,
        compliant: all.filter((v) => v.due === 0 && v.overdue === 0).length,
        withDue: all.filter((v) => v.due > 0).length,
        withOverdue: all.filter((v) => v.overdue > 0).length,
      })
      // the villages set up above are each kind at least once
      expect(first.summary!.compliant).toBeGreaterThan(0)
      expect(first.summary!.withDue).toBeGreaterThan(0)
      expect(first.summary!.withOverdue).toBeGreaterThanOrEqual(3)
      expect((await get(`pageSize=5&after=${first.nextAfter}`)).summary).toBeNull()
    })

    it('lists exactly the villages with overdue items, in order, with only=overdue', async () => {
      const overdue = all.filter((v) => v.overdue > 0)
      for (const size of [2, 100]) {
        const pages = await walk(`pageSize=${size}&only=overdue`)
        expect(pages.flatMap((p) => p.villages)).toEqual(overdue)
        pages.forEach((p) => expect(p.villages.length).toBeLessThanOrEqual(size))
        expect(pages[0]!.summary!.withOverdue).toBe(overdue.length)
      }
    })

    it('refuses a page size or filter it does not know, with a code', async () => {
      for (const query of ['pageSize=0', 'pageSize=101', 'only=due', 'after=-1']) {
        const res = await t.request({ method: 'GET', url: url(query), token: township })
        expect(res.status).toBe(400)
        expect(typeof res.body.code).toBe('string')
      }
    })

    it("refuses another township's calendar to this township's official, and a village committee", async () => {
      const orgs = t.ds.getRepository(Org)
      const county = await orgs.findOneByOrFail({ kind: 'county' })
      const other = await orgs.save({
        kind: 'township' as const,
        name: '河口镇',
        code: '990106102',
        parentId: county.id,
        settings: null,
      })
      await orgs.save({
        kind: 'village' as const,
        name: '河口村',
        code: '990106102201',
        parentId: other.id,
        settings: defaultVillageSettings('village'),
      })
      const theirs = await t.request({
        method: 'GET',
        url: `/api/townships/${other.id}/notice-calendar`,
        token: township,
      })
      expect(theirs.status).toBe(403)
      expect(theirs.body.code).toBe('OUT_OF_SCOPE')
      const byCommittee = await t.request({ method: 'GET', url: url('pageSize=5'), token: committee })
      expect(byCommittee.status).toBe(403)
    })
  })
})

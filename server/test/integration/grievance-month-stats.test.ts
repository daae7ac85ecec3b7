import { DEADLINE_STATES, type TownshipDashboard, type TownshipGrievanceStats } from '@xiangli/shared'
import type { MigrationInterface } from 'typeorm'
import { GrievanceStatsRepository } from '../../src/modules/grievances/grievance-stats.repository'
import { Grievance } from '../../src/modules/grievances/entities/grievance.entity'
import { GrievancesRepository } from '../../src/modules/grievances/grievances.repository'
import { countsOf, statMonth, type MonthStatCounts } from '../../src/modules/grievances/grievances.rules'
import { GrievanceEscalation } from '../../src/modules/grievances/use-cases/grievance-escalation'
import { GrievanceMonthStats1796582590654Mysql } from '../../src/migrations/mysql/1796582590654-GrievanceMonthStats'
import { GrievanceMonthStats1796582590654Sqlite } from '../../src/migrations/sqlite/1796582590654-GrievanceMonthStats'
import { DIALECT, startTestApp, villageIds, type TestApp } from '../support/app'
import { serverNow } from '../support/meetings'

const DAY = 86_400_000
type Row = { villageId: number; month: string } & MonthStatCounts
const round1 = (v: number) => Math.round(v * 10) / 10

/**
 * The township's 村民说事 statistics are kept per village and Beijing month in the transaction of each
 * change; after raising, accepting, declining, answering, rating, reopening, escalating (by the
 * committee and by the job), the township's answer and its return, in two villages and several
 * months, the rows equal a fresh count of the items, the township's reads equal the old GROUP BY
 * over every item, and the migration's backfill counts the same rows.
 */
describe(`村民说事 statistics per village and month on ${DIALECT}`, () => {
  let t: TestApp
  let ids: { village: number; community: number; township: number }
  const token: Record<string, string> = {}
  const account: Record<string, number> = {}

  beforeAll(async () => {
    t = await startTestApp()
    ids = await villageIds(t.ds)
    for (const key of ['resident', 'committee', 'community_resident', 'community_committee', 'township'])
      token[key] = await t.login(key)
    for (const key of ['resident', 'community_resident'])
      account[key] = Number((await t.ds.query(`SELECT id FROM account WHERE demoKey = ?`, [key]))[0].id)
  })
  afterAll(() => t.close())

  const base = (village: number) => `/api/villages/${village}/grievances`
  const raise = async (village: number, who: string, title: string): Promise<number> => {
    const res = await t.request({
      method: 'POST',
      url: base(village),
      token: token[who],
      body: { category: '其他', title, text: title },
    })
    expect(res.status).toBe(201)
    return res.body.id
  }
  const act = async (village: number, id: number, action: string, who: string, body: unknown = {}) => {
    const res = await t.request({
      method: 'POST',
      url: `${base(village)}/${id}/${action}`,
      token: token[who],
      body,
    })
    expect(res.status).toBe(200)
  }
  const township = async (id: number, action: 'answer' | 'return', body: unknown) => {
    const res = await t.request({
      method: 'POST',
      url: `/api/townships/${ids.township}/grievances/${id}/${action}`,
      token: token.township,
      body,
    })
    expect(res.status).toBe(200)
  }
  /** An item raised in an earlier month, written the way the demo writes its past items. */
  const raisedEarlier = (village: number, who: string, createdAt: Date, title: string) =>
    t.ds.transaction(async (m) => {
      const g = await t.app.get(GrievancesRepository).insert(m, {
        villageId: village,
        raiserAccountId: account[who]!,
        raiserResidentId: null,
        proxy: null,
        raiserName: who === 'resident' ? '王秀英' : '曹丽娟',
        collectorName: null,
        category: '其他',
        title,
        text: title,
        photoIds: [],
        location: null,
        visibility: 'public',
        state: 'submitted',
        dueAt: new Date(createdAt.getTime() + 3 * DAY),
        assigneeResidentId: null,
        assigneeName: null,
        declineReason: null,
        acceptedAt: null,
        answeredAt: null,
        answerMinutes: null,
        closedAt: null,
        escalatedAt: null,
        reopenCount: 0,
        rating: null,
        ratingComment: null,
        createdAt,
      })
      return g.id
    })

  const kept = async (): Promise<Row[]> =>
    (await t.ds.query('SELECT * FROM grievance_month_stat ORDER BY villageId, month')).map(
      (r: Record<string, unknown>) => ({
        villageId: Number(r.villageId),
        month: String(r.month),
        total: Number(r.total),
        openCount: Number(r.openCount),
        escalatedCount: Number(r.escalatedCount),
        answeredCount: Number(r.answeredCount),
        answerMinutesSum: Number(r.answerMinutesSum),
        ratedCount: Number(r.ratedCount),
        ratingSum: Number(r.ratingSum),
      }),
    )
  /** The same rows counted here from every item, without the database's help. */
  const recounted = async (): Promise<Row[]> => {
    const rows = new Map<string, Row>()
    for (const g of await t.ds.getRepository(Grievance).find()) {
      const key = `${g.villageId}|${statMonth(g.createdAt)}`
      const c = countsOf(g)
      const row: Row = rows.get(key) ?? { villageId: g.villageId, month: statMonth(g.createdAt), ...c }
      if (rows.has(key)) for (const k of Object.keys(c) as (keyof MonthStatCounts)[]) row[k] += c[k]
      rows.set(key, row)
    }
    return [...rows.values()].sort((a, b) => a.villageId - b.villageId || a.month.localeCompare(b.month))
  }
  /** What the township's statistics said when they counted every item on each read. */
  const scanned = async (villageId: number) => {
    const now = serverNow(t)
    const items = await t.ds.getRepository(Grievance).findBy({ villageId })
    const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null)
    const minutes = avg(items.filter((g) => g.answerMinutes !== null).map((g) => g.answerMinutes!))
    const rating = avg(items.filter((g) => g.rating !== null).map((g) => g.rating!))
    return {
      total: items.length,
      open: items.filter((g) => countsOf(g).openCount).length,
      overdue: items.filter(
        (g) => DEADLINE_STATES.includes(g.state) && g.dueAt !== null && g.dueAt.getTime() < now.getTime(),
      ).length,
      escalated: items.filter((g) => g.state === 'escalated').length,
      averageHoursToAnswer: minutes === null ? null : round1(minutes / 60),
      satisfactionAverage: rating === null ? null : round1(rating),
      ratedCount: items.filter((g) => g.rating !== null).length,
    }
  }
  const expectReadsAsScanned = async () => {
    const stats = await t.request({
      method: 'GET',
      url: `/api/townships/${ids.township}/grievances/stats`,
      token: token.township,
    })
    expect(stats.status).toBe(200)
    const dash = await t.request({
      method: 'GET',
      url: `/api/townships/${ids.township}/dashboard`,
      token: token.township,
    })
    expect(dash.status).toBe(200)
    for (const village of [ids.village, ids.community]) {
      const want = await scanned(village)
      const got = (stats.body as TownshipGrievanceStats).villages.find((v) => v.villageId === village)
      expect(got).toMatchObject(want)
      expect((dash.body as TownshipDashboard).villages.find((v) => v.villageId === village)).toMatchObject({
        grievancesOverdue: want.overdue,
        satisfaction: want.satisfactionAverage,
        rated: want.ratedCount,
      })
    }
  }

  it('keeps the rows equal to a fresh count through every kind of step, in two villages and several months', async () => {
    expect(await kept()).toEqual(await recounted())
    const now = serverNow(t)
    // 柳林村: one item from November, one raised at 00:30 on 1 February in Beijing (still 31 January in UTC)
    const november = await raisedEarlier(
      ids.village,
      'resident',
      new Date('2025-11-15T02:00:00Z'),
      '十一月的事',
    )
    const february = await raisedEarlier(
      ids.village,
      'resident',
      new Date('2026-01-31T16:30:00Z'),
      '二月初的事',
    )
    const december = await raisedEarlier(
      ids.community,
      'community_resident',
      new Date('2025-12-03T09:00:00Z'),
      '十二月的事',
    )
    expect((await kept()).some((r) => r.villageId === ids.village && r.month === '2026-02')).toBe(true)

    const a = await raise(ids.village, 'resident', '路灯不亮')
    const b = await raise(ids.village, 'resident', '想要一个篮球场')
    const c = await raise(ids.village, 'resident', '河道淤积')
    const d = await raise(ids.community, 'community_resident', '楼道堆物')
    await raise(ids.community, 'community_resident', '电梯异响')
    expect(await kept()).toEqual(await recounted())

    // answered, rated, reopened, answered again and rated again
    await act(ids.village, a, 'accept', 'committee')
    await act(ids.village, a, 'answer', 'committee', { text: '换了灯泡' })
    await act(ids.village, a, 'rate', 'resident', { rating: 4 })
    await act(ids.village, a, 'reopen', 'resident', { reason: '又坏了' })
    await act(ids.village, a, 'answer', 'committee', { text: '换了线路' })
    await act(ids.village, a, 'rate', 'resident', { rating: 2 })
    await act(ids.village, b, 'decline', 'committee', { reason: '不属于村委会职责' })
    // escalated by the committee, sent back by the township, answered by the village
    await act(ids.village, c, 'accept', 'committee')
    await act(ids.village, c, 'escalate', 'committee', { reason: '请镇里协调' })
    await township(c, 'return', { instructions: '请村里先清理' })
    await act(ids.village, c, 'answer', 'committee', { text: '已清理' })
    // November's: escalated, answered by the township, rated
    await act(ids.village, november, 'accept', 'committee')
    await act(ids.village, november, 'escalate', 'committee', { reason: '涉及镇里的规划' })
    await township(november, 'answer', { text: '镇里安排了', photoIds: [] })
    await act(ids.village, november, 'rate', 'resident', { rating: 5 })
    // 新华社区: December's answered, rated and reopened; one answered; one left waiting
    await act(ids.community, december, 'accept', 'community_committee')
    await act(ids.community, december, 'answer', 'community_committee', { text: '处理了' })
    await act(ids.community, december, 'rate', 'community_resident', { rating: 3 })
    await act(ids.community, december, 'reopen', 'community_resident', { reason: '没处理好' })
    await act(ids.community, d, 'accept', 'community_committee')
    await act(ids.community, d, 'answer', 'community_committee', { text: '清走了' })
    expect(await kept()).toEqual(await recounted())
    await expectReadsAsScanned()

    // February's item is long overdue: the job sends it (and whatever else is overdue) up
    expect(await t.app.get(GrievanceEscalation).escalateDue(now)).toBeGreaterThanOrEqual(1)
    expect((await t.ds.getRepository(Grievance).findOneByOrFail({ id: february })).state).toBe('escalated')
    expect(await kept()).toEqual(await recounted())
    await expectReadsAsScanned()
  })

  it('keeps the count of items raised at the same moment in one month (one row, many writers)', async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        raise(ids.community, 'community_resident', `同时反映的第${i + 1}件事`),
      ),
    )
    expect(await kept()).toEqual(await recounted())
    await expectReadsAsScanned()
  })

  it('counts the same rows from the items when the migration backfills them', async () => {
    const before = await kept()
    const migration: MigrationInterface =
      DIALECT === 'mysql'
        ? new GrievanceMonthStats1796582590654Mysql()
        : new GrievanceMonthStats1796582590654Sqlite()
    const runner = t.ds.createQueryRunner()
    try {
      await migration.down(runner)
      await migration.up(runner)
    } finally {
      await runner.release()
    }
    expect(await kept()).toEqual(before)
    await expectReadsAsScanned()
  })

  it('counts a village afresh to the same rows (the recount tests and the scale seeder rely on)', async () => {
    const before = await kept()
    await t.ds.transaction((m) =>
      t.app.get(GrievanceStatsRepository).recount(m, [ids.village, ids.community]),
    )
    expect(await kept()).toEqual(before)
  })
})

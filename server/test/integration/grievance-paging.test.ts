import type { GrievanceSummary, Page } from '@xiangli/shared'
import { Grievance } from '../../src/modules/grievances/entities/grievance.entity'
import { COUNT_AHEAD } from '../../src/core/database/count-up-to'
import { DIALECT, startTestApp, villageIds, type TestApp } from '../support/app'

/**
 * The lists of 村民说事 page by offset (`page`) or after an item (`after`, keyset): both give the same
 * items in the same order, items raised in the same instant included, and a long list is counted only
 * so far past the page (`totalAtLeast`).
 */
describe(`村民说事 list paging on ${DIALECT}`, () => {
  let t: TestApp
  let committee: string
  let village: number
  const SAME_INSTANT = new Date('2026-03-01T08:00:00.000Z')

  beforeAll(async () => {
    t = await startTestApp()
    village = (await villageIds(t.ds)).village
    committee = await t.login('committee')
    // 45 items raised in one instant: an order by time alone could not tell them apart
    await t.ds.getRepository(Grievance).insert(
      Array.from({ length: 45 }, (_, i) => ({
        villageId: village,
        raiserAccountId: null,
        raiserResidentId: null,
        raiserName: '王秀英',
        category: '环境卫生',
        title: `同一时刻 ${i + 1}`,
        text: '路边的排水沟堵了。',
        photoIds: [],
        visibility: 'public' as const,
        state: 'closed' as const,
        createdAt: SAME_INSTANT,
      })),
    )
  })
  afterAll(() => t.close())

  const queue = async (query: string): Promise<Page<GrievanceSummary>> => {
    const res = await t.request({
      method: 'GET',
      url: `/api/villages/${village}/grievances?${query}`,
      token: committee,
    })
    expect(res.status).toBe(200)
    return res.body
  }

  it('walks the whole queue after each page’s last item, as the offset pages do, without repeats', async () => {
    const byOffset: number[] = []
    for (let page = 1; ; page++) {
      const p = await queue(`pageSize=7&page=${page}`)
      byOffset.push(...p.items.map((i) => i.id))
      if (p.items.length < 7) break
    }
    const byKey: number[] = []
    let after: number | undefined
    for (let guard = 0; guard < 100; guard++) {
      const p = await queue(`pageSize=7${after ? `&after=${after}` : ''}`)
      byKey.push(...p.items.map((i) => i.id))
      expect(p.total).toBe(byOffset.length)
      if (p.nextAfter === undefined) break
      expect(p.nextAfter).toBe(p.items.at(-1)!.id)
      after = p.nextAfter
    }
    expect(byOffset.length).toBeGreaterThanOrEqual(45)
    expect(byKey).toEqual(byOffset)
    expect(new Set(byKey).size).toBe(byKey.length)
    expect([...byKey].sort((a, b) => b - a)).toEqual(byKey)
  })

  it('says there is no next page on the last one', async () => {
    const all = await queue('pageSize=100')
    expect(all.nextAfter).toBeUndefined()
    expect(all.totalAtLeast).toBeUndefined()
    expect(all.total).toBe(all.items.length)
  })

  it('keeps the filters of the list on a keyset page (the 说事墙 shows public items only)', async () => {
    const first = await t.request({
      method: 'GET',
      url: `/api/villages/${village}/grievances/public?pageSize=5`,
      token: committee,
    })
    const next = await t.request({
      method: 'GET',
      url: `/api/villages/${village}/grievances/public?pageSize=5&after=${first.body.nextAfter}`,
      token: committee,
    })
    expect(next.status).toBe(200)
    expect(next.body.items).toHaveLength(5)
    for (const g of next.body.items as GrievanceSummary[]) {
      expect(g.visibility).toBe('public')
      expect(g.id).toBeLessThan(first.body.nextAfter)
    }
  })

  it('stops counting a long list past the page and says the total is a lower bound', async () => {
    const extra = COUNT_AHEAD + 30
    const repo = t.ds.getRepository(Grievance)
    const row = await repo.findOneByOrFail({ villageId: village, title: '同一时刻 1' })
    const { id: _id, ...copy } = row
    for (let i = 0; i < extra; i += 500)
      await repo.insert(Array.from({ length: Math.min(500, extra - i) }, () => ({ ...copy })))
    const p = await queue('pageSize=20')
    expect(p.totalAtLeast).toBe(true)
    expect(p.total).toBe(20 + COUNT_AHEAD)
    const exact = await repo.countBy({ villageId: village })
    expect(exact).toBeGreaterThan(p.total)
  })
})

import type { GrievanceSummary } from '@xiangli/shared'
import { DIALECT, startTestApp, villageIds, type TestApp } from '../support/app'

/**
 * 邻里纠纷 and the categories a village marks sensitive are seen by the 两委 (and the township) only,
 * unless the raiser chooses to make the item public: enforced on the wall, the lists and by id.
 */
describe(`sensitive issue categories on ${DIALECT}`, () => {
  let t: TestApp
  let ids: { village: number; township: number }
  /** 王秀英 raises */
  let resident: string
  /** 刘长青, another resident of the village */
  let neighbour: string
  /** 张丽, committee member */
  let committee: string
  /** 赵建国, official of 柳林镇 */
  let township: string

  const base = () => `/api/villages/${ids.village}/grievances`
  let serial = 0
  async function raised(o: Record<string, unknown>): Promise<{ id: number; visibility: string }> {
    const res = await t.request({
      method: 'POST',
      url: base(),
      token: resident,
      body: { title: `敏感测试 ${++serial}`, text: '隔壁家的狗天天夜里叫。', ...o },
    })
    expect(res.status).toBe(201)
    return res.body
  }
  const status = async (id: number, token: string) =>
    (await t.request({ method: 'GET', url: `${base()}/${id}`, token })).status
  const wall = async (token: string): Promise<number[]> =>
    (await t.request({ method: 'GET', url: `${base()}/public?pageSize=100`, token })).body.items.map(
      (g: GrievanceSummary) => g.id,
    )
  const queue = async (): Promise<number[]> =>
    (await t.request({ method: 'GET', url: `${base()}?pageSize=100`, token: committee })).body.items.map(
      (g: GrievanceSummary) => g.id,
    )
  beforeAll(async () => {
    t = await startTestApp()
    ids = await villageIds(t.ds)
    ;[resident, neighbour, committee, township] = await Promise.all(
      ['resident', 'representative', 'committee', 'township'].map((k) => t.login(k)),
    )
  })
  afterAll(async () => t.close())

  it('keeps a 邻里纠纷 raised without a choice to the committee: not on the wall, not by id for a neighbour', async () => {
    const g = await raised({ category: '邻里纠纷' })
    expect(g.visibility).toBe('committee')
    expect(await wall(neighbour)).not.toContain(g.id)
    expect(await wall(resident)).not.toContain(g.id)
    expect(await status(g.id, neighbour)).toBe(404)
    expect(await status(g.id, resident)).toBe(200)
    expect(await status(g.id, committee)).toBe(200)
    expect(await queue()).toContain(g.id)
    // the township oversees the village's issues, sensitive or not (escalations come to it)
    expect(await status(g.id, township)).toBe(200)
  })

  it('puts a 邻里纠纷 on the wall when the raiser chooses to make it public', async () => {
    const g = await raised({ category: '邻里纠纷', visibility: 'public' })
    expect(g.visibility).toBe('public')
    expect(await wall(neighbour)).toContain(g.id)
    expect(await status(g.id, neighbour)).toBe(200)
  })

  it('leaves other categories public by default, and committee-only when the raiser asks', async () => {
    const open = await raised({ category: '环境卫生' })
    const kept = await raised({ category: '环境卫生', visibility: 'committee' })
    expect([open.visibility, kept.visibility]).toEqual(['public', 'committee'])
    const seen = await wall(neighbour)
    expect([seen.includes(open.id), seen.includes(kept.id)]).toEqual([true, false])
    expect(await status(kept.id, neighbour)).toBe(404)
  })

  it('lets the village mark a category sensitive, and says which ones are', async () => {
    const settings = (await t.request({ method: 'GET', url: `${base()}/settings`, token: committee })).body
    expect(settings.sensitiveCategories).toEqual(['邻里纠纷'])
    const saved = await t.request({
      method: 'PUT',
      url: `${base()}/settings`,
      token: committee,
      body: { ...settings, sensitiveCategories: ['邻里纠纷', '水电设施'] },
    })
    expect(saved.status).toBe(200)
    expect(saved.body.sensitiveCategories).toEqual(['邻里纠纷', '水电设施'])
    const listed = await t.request({ method: 'GET', url: `${base()}/categories/sensitive`, token: neighbour })
    expect(listed.body).toEqual(['邻里纠纷', '水电设施'])

    const g = await raised({ category: '水电设施' })
    expect(g.visibility).toBe('committee')
    expect(await wall(neighbour)).not.toContain(g.id)
    expect(await status(g.id, neighbour)).toBe(404)

    // a later save of the lists alone keeps the village's sensitive categories
    const again = await t.request({
      method: 'PUT',
      url: `${base()}/settings`,
      token: committee,
      body: { categories: settings.categories, replyTemplates: settings.replyTemplates },
    })
    expect(again.body.sensitiveCategories).toEqual(['邻里纠纷', '水电设施'])
  })

  it('refuses a visibility that does not exist with a clear 400', async () => {
    const res = await t.request({
      method: 'POST',
      url: base(),
      token: resident,
      body: { category: '邻里纠纷', title: '乱写', text: '内容', visibility: 'everyone' },
    })
    expect(res.status).toBe(400)
    expect(res.body.code).toBe('VALIDATION_FAILED')
  })
})

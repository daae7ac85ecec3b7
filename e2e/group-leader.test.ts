import { request, type APIRequestContext } from 'playwright-core'
import { openBrowser, screenshot, type Session } from './support/browser'
import { startServer, type RunningServer } from './support/server'
import { button, loginAs, onPage, onScreen, tab, visible } from './support/ui'

const OURS = '三组路口的水沟堵了'
const THEIRS = '一组门口的路灯坏了'

interface Grid {
  id: number
  name: string
}
interface GridDetail {
  households: { members: { id: number; name: string }[] }[]
}

describe('a 村民小组长 reading the issues of their villager group, on the H5 app', () => {
  let server: RunningServer
  let leader: Session
  let http: APIRequestContext
  let villageId = 0

  const tokenOf = async (key: string): Promise<string> => {
    const res = await http.post('/api/auth/demo', { data: { key } })
    expect(res.status()).toBe(200)
    return ((await res.json()) as { accessToken: string }).accessToken
  }
  const api = async <T>(token: string, method: 'GET' | 'POST', path: string, data: unknown = {}) => {
    const res = await http.fetch(path, {
      method,
      headers: { authorization: `Bearer ${token}` },
      data: method === 'GET' ? undefined : data,
    })
    return { status: res.status(), body: (await res.json()) as T }
  }

  beforeAll(async () => {
    server = await startServer()
    http = await request.newContext({ baseURL: server.url })
    leader = await openBrowser()

    const resident = await tokenOf('resident')
    const me = await api<{ memberships: { orgId: number; orgName: string }[] }>(resident, 'GET', '/api/me')
    villageId = me.body.memberships.find((m) => m.orgName === '柳林村')!.orgId
    const issues = `/api/villages/${villageId}/grievances`
    // 王秀英 of 一组 raises one herself
    const theirs = await api(resident, 'POST', issues, {
      category: '水电设施',
      title: THEIRS,
      text: '一组门口的路灯坏了一个星期，晚上看不见路。',
    })
    expect(theirs.status).toBe(201)
    // the committee files one at its desk (代办) for 谢德明 of 三组, with his consent
    const committee = await tokenOf('committee')
    const grids = await api<Grid[]>(committee, 'GET', `/api/villages/${villageId}/grids`)
    const west = grids.body.find((g) => g.name === '西片网格')!
    const detail = await api<GridDetail>(committee, 'GET', `/api/villages/${villageId}/grids/${west.id}`)
    const xie = detail.body.households.flatMap((h) => h.members).find((p) => p.name === '谢德明')!
    const ours = await api(committee, 'POST', issues, {
      category: '环境卫生',
      title: OURS,
      text: '三组路口的水沟堵了，下雨就漫到路上。',
      onBehalf: { residentId: xie.id, consent: { kind: 'on_device', typedName: '谢德明', agreed: true } },
    })
    expect(ours.status).toBe(201)
  })
  afterAll(async () => {
    await leader?.close()
    await http?.dispose()
    await server?.stop()
  })

  it('lets 罗振华 open 小组里的事 from 我的小组, see 三组’s issue and not 一组’s, and open it', async () => {
    await loginAs(leader, server.url, '罗振华')
    await tab(leader, '办事').click({ timeout: 15_000 })
    await onScreen(leader, '.nut-cell:not(.home__line)', '我的小组').first().click({ timeout: 15_000 })
    await onPage(leader, 'grid/pages/group/index')
    await button(leader, '小组里的事').click({ timeout: 15_000 })
    await onPage(leader, 'grid/pages/group-issues')

    const card = visible(leader, '.xl-grievance', OURS)
    await card.waitFor({ timeout: 15_000 })
    // the list has come: 一组's issue is not in it
    expect(await visible(leader, '.xl-grievance', THEIRS).count()).toBe(0)
    // the group leader knows the people of his group: the name is not masked
    expect(await card.innerText()).toContain('谢德明')
    await screenshot(leader.page, 'group-leader-issues')

    await card.locator('.xl-grievance__open').click()
    await onPage(leader, 'grievance/pages/detail')
    await visible(leader, '.xl-card__title', OURS).waitFor({ timeout: 15_000 })
    expect(await visible(leader, '.xl-detail__facts').first().innerText()).toContain('提出人：谢德明')
    // read only: nothing to answer with
    expect(await button(leader, '发送答复').count()).toBe(0)
  })
})

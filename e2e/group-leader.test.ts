import { openBrowser, screenshot, type Session } from './support/browser'
import { demoApi, type DemoApi } from './support/api'
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
  let http: DemoApi
  let villageId = 0

  beforeAll(async () => {
    server = await startServer()
    http = await demoApi(server.url)
    leader = await openBrowser()

    const resident = await http.tokenOf('resident')
    villageId = await http.villageId()
    const issues = `/api/villages/${villageId}/grievances`
    // 王秀英 of 一组 raises one herself
    const theirs = await http.call(resident, 'POST', issues, {
      category: '水电设施',
      title: THEIRS,
      text: '一组门口的路灯坏了一个星期，晚上看不见路。',
    })
    expect(theirs.status).toBe(201)
    // the committee files one at its desk (代办) for 谢德明 of 三组, with his consent
    const committee = await http.tokenOf('committee')
    const grids = await http.call<Grid[]>(committee, 'GET', `/api/villages/${villageId}/grids`)
    const west = grids.body.find((g) => g.name === '西片网格')!
    const detail = await http.call<GridDetail>(
      committee,
      'GET',
      `/api/villages/${villageId}/grids/${west.id}`,
    )
    const xie = detail.body.households.flatMap((h) => h.members).find((p) => p.name === '谢德明')!
    const ours = await http.call(committee, 'POST', issues, {
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

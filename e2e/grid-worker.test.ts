import { openBrowser, openPerson, screenshot, type Session } from './support/browser'
import { demoApi, type DemoApi } from './support/api'
import { startServer, type RunningServer } from './support/server'
import { button, field, loginAs, onPage, onScreen, stateTag, tab, visible } from './support/ui'

const TITLE = '一组路口的垃圾桶满了'
const ANSWER = '已经叫保洁员清运，以后每周二、周五各清一次。'

interface Issue {
  id: number
  state: string
  assigneeName: string | null
}

describe('a 网格员 answering an issue handed to them, on the H5 app', () => {
  let server: RunningServer
  let committee: Session
  let gridWorker: Session
  let http: DemoApi
  let villageId = 0
  let issueId = 0

  beforeAll(async () => {
    server = await startServer()
    http = await demoApi(server.url)
    committee = await openBrowser()
    gridWorker = await openPerson(committee.browser)

    // 王秀英 raises an issue and the committee accepts it: what the other browser tests already drive
    const resident = await http.tokenOf('resident')
    villageId = await http.villageId()
    const raised = await http.call<Issue>(resident, 'POST', `/api/villages/${villageId}/grievances`, {
      category: '环境卫生',
      title: TITLE,
      text: '一组路口的垃圾桶满了好几天，味道很大。',
    })
    expect(raised.status).toBe(201)
    issueId = raised.body.id
    const accepted = await http.call<Issue>(
      await http.tokenOf('committee'),
      'POST',
      `/api/villages/${villageId}/grievances/${issueId}/accept`,
    )
    expect(accepted.body.state).toBe('accepted')
  })
  afterAll(async () => {
    await gridWorker?.close()
    await committee?.close()
    await http?.dispose()
    await server?.stop()
  })

  it('lets 张丽 hand the issue to 网格员 李明, who finds it in 交我办理 and answers it; 王秀英 rates it closed', async () => {
    // ---------- 张丽 hands it to 李明 ----------
    await loginAs(committee, server.url, '张丽')
    await committee.page.goto(
      `${server.url}/#/subpackages/committee/pages/grievance/index?id=${issueId}&villageId=${villageId}`,
    )
    await onPage(committee, 'committee/pages/grievance')
    await button(committee, '交办').click({ timeout: 15_000 })
    // the sheet names each person's post: the first line is there beside the 两委
    const li = committee.page.locator('.nut-popup .nut-cell', { hasText: '李明' }).filter({ visible: true })
    await li.waitFor({ timeout: 15_000 })
    expect(await li.innerText()).toContain('网格员')
    await li.click()
    await stateTag(committee, '办理中').waitFor({ timeout: 15_000 })
    expect(await visible(committee, '.xl-detail__facts').first().innerText()).toContain('办理人：李明')

    // ---------- 李明 finds it in 交我办理 and answers ----------
    await loginAs(gridWorker, server.url, '李明')
    // the 办事 entry (the home's lines are below it, hidden once the tab is switched)
    await tab(gridWorker, '办事').click({ timeout: 15_000 })
    await onScreen(gridWorker, '.nut-cell:not(.home__line)', '交我办理').first().click({ timeout: 15_000 })
    await onPage(gridWorker, 'grid/pages/assigned')
    const card = visible(gridWorker, '.xl-grievance', TITLE)
    await card.waitFor({ timeout: 15_000 })
    await card.locator('.xl-grievance__open').click()
    await onPage(gridWorker, 'committee/pages/grievance')
    // the first line answers; accepting, handing on and sending up stay with the 两委
    expect(await button(gridWorker, '上报乡镇').count()).toBe(0)
    await field(gridWorker, 'textarea', '写清楚怎么处理的、结果如何；村民会收到通知，可以评价').fill(ANSWER)
    await button(gridWorker, '发送答复').click()
    await stateTag(gridWorker, '已答复').waitFor({ timeout: 15_000 })
    const timeline = await visible(gridWorker, '.xl-timeline').innerText()
    expect(timeline).toMatch(/张丽[\s\S]*交办[\s\S]*李明[\s\S]*答复/)
    await screenshot(gridWorker.page, 'grid-worker-answered')

    // ---------- 王秀英 rates the answer ----------
    const resident = await http.tokenOf('resident')
    const rated = await http.call<Issue>(
      resident,
      'POST',
      `/api/villages/${villageId}/grievances/${issueId}/rate`,
      {
        rating: 5,
      },
    )
    expect(rated.body.state).toBe('closed')
  })
})

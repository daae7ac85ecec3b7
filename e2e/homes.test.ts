import type { HomeSummary, TownshipDashboard } from '@xiangli/shared'
import { openBrowser, openPerson, screenshot, type Session } from './support/browser'
import { startServer, type RunningServer } from './support/server'
import { cell, loginAs, onPage, visible } from './support/ui'

/**
 * The three homes on the H5 app: a resident's (what needs them and the three most used actions), a
 * committee member's workbench (each queue with the count the server gives, a tap opening it
 * filtered) and the township's dashboard. Counts are checked against the API's own answer.
 */
describe('the three home pages on the H5 app', () => {
  let server: RunningServer
  let first: Session
  const sessions: Session[] = []

  const api = async <T>(key: string, path: string): Promise<T> => {
    const login = await fetch(`${server.url}/api/auth/demo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key }),
    })
    const { accessToken } = (await login.json()) as { accessToken: string }
    return (await (
      await fetch(server.url + path, { headers: { authorization: `Bearer ${accessToken}` } })
    ).json()) as T
  }
  const villageId = async (): Promise<number> =>
    (
      await api<{ memberships: { orgId: number; orgName: string }[] }>('resident', '/api/me')
    ).memberships.find((m) => m.orgName === '柳林村')!.orgId

  beforeAll(async () => {
    server = await startServer()
    first = await openBrowser()
  })
  afterAll(async () => {
    for (const s of sessions) await s.close()
    await first?.close()
    await server?.stop()
  })
  const person = async () => {
    const s = await openPerson(first.browser)
    sessions.push(s)
    return s
  }

  it('shows a resident what needs them and the three most used actions', async () => {
    const s = await person()
    await loginAs(s, server.url, '王秀英')
    const home = await api<HomeSummary>('resident', `/api/villages/${await villageId()}/home`)
    await visible(s, '.home__mine').first().waitFor({ timeout: 30_000 })
    const text = await visible(s, '.home__mine').first().innerText()
    if (home.mine.newNotices > 0) expect(text).toContain(`${home.mine.newNotices} 条没看过`)
    else expect(text).not.toContain('新公告')
    for (const action of ['我要说事', '开证明', '公开栏'])
      await visible(s, '.home__shortcut-title', action).first().waitFor()
    // the 公开 tab carries the same count as its badge
    if (home.mine.newNotices > 0)
      await s.page
        .locator('.weui-tabbar__item', { hasText: '公开' })
        .locator('.weui-badge', { hasText: String(home.mine.newNotices) })
        .waitFor({ timeout: 10_000 })
    await screenshot(s.page, 'home-resident')
  })

  it('gives a committee member each queue with its count, and opens 待受理 filtered to those', async () => {
    const s = await person()
    await loginAs(s, server.url, '张丽')
    const { waiting } = await api<HomeSummary>('committee', `/api/villages/${await villageId()}/home`)
    await visible(s, '.home__bench').first().waitFor({ timeout: 30_000 })
    const accept = cell(s, '说事待受理')
    const expected = waiting!.grievancesToAccept > 0 ? `${waiting!.grievancesToAccept} 件待受理` : '暂无'
    expect(await accept.innerText()).toContain(expected)
    expect(await cell(s, '证明待审核').innerText()).toContain(
      waiting!.certificatesToApprove > 0 ? `${waiting!.certificatesToApprove} 件待审核` : '暂无',
    )
    await screenshot(s.page, 'home-committee')
    await accept.click()
    const queue = await onPage(s, 'committee/pages/grievances')
    // the 待受理 chip is the one chosen
    await queue.locator('.xl-chip--on', { hasText: '待受理' }).first().waitFor({ timeout: 10_000 })
  })

  it('opens the township’s dashboard with a chart per figure', async () => {
    const s = await person()
    await loginAs(s, server.url, '赵建国')
    await cell(s, '乡镇看板').click({ timeout: 30_000 })
    const page = await onPage(s, 'township/pages/dashboard')
    const board = await api<{ memberships: { orgId: number; orgKind: string }[] }>('township', '/api/me')
    const townshipId = board.memberships.find((m) => m.orgKind === 'township')!.orgId
    const d = await api<TownshipDashboard>('township', `/api/townships/${townshipId}/dashboard`)
    await page.locator('.bar-chart').first().waitFor({ timeout: 20_000 })
    // five figures per village, and the certificates over three years per village and per item
    expect(await page.locator('.bar-chart').count()).toBe(7)
    // each chart is drawn by ECharts on a canvas: count its pixels in the bar colours (green, or red
    // for a warning); the overdue chart is red exactly where a village has overdue issues
    await page.locator('.bar-chart canvas').first().waitFor({ timeout: 20_000 })
    const painted = await page.locator('.bar-chart').evaluateAll((charts) =>
      charts.map((chart) => {
        const canvas = chart.querySelector('canvas')
        if (!canvas) return null
        const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data
        let green = 0
        let red = 0
        for (let i = 0; i < data.length; i += 4) {
          const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!]
          if (Math.abs(r - 0x2b) < 8 && Math.abs(g - 0x7a) < 8 && Math.abs(b - 0x4b) < 8) green++
          if (Math.abs(r - 0xc4) < 8 && Math.abs(g - 0x38) < 8 && Math.abs(b - 0x2a) < 8) red++
        }
        return { title: chart.querySelector('.bar-chart__title')!.textContent, green, red }
      }),
    )
    const drawn = painted.filter((p) => p !== null)
    expect(drawn.length).toBeGreaterThanOrEqual(6)
    const overdueChart = drawn.find((p) => p.title === '超时未办的村民说事')!
    const anyOverdue = d.villages.some((v) => v.grievancesOverdue > 0)
    expect(overdueChart.red > 50).toBe(anyOverdue)
    const satisfaction = drawn.find((p) => p.title?.startsWith('答复满意度'))!
    if (d.villages.some((v) => (v.satisfaction ?? 0) >= 3)) expect(satisfaction.green).toBeGreaterThan(50)
    const overdue = page.locator('.bar-chart', { hasText: '超时未办的村民说事' })
    for (const v of d.villages)
      expect(await overdue.locator('.bar-chart__row', { hasText: v.villageName }).innerText()).toContain(
        `${v.grievancesOverdue} 件`,
      )
    await screenshot(s.page, 'home-township-dashboard')
  })
})

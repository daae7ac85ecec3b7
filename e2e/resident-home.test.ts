import { openBrowser, screenshot, type Session } from './support/browser'
import { startServer, type RunningServer } from './support/server'
import { loginAs } from './support/ui'

describe('a demo resident on the H5 app', () => {
  let server: RunningServer
  let s: Session

  beforeAll(async () => {
    server = await startServer()
    s = await openBrowser()
  })
  afterAll(async () => {
    await s?.close()
    await server?.stop()
  })

  it('logs in from the demo list and sees the village home page in Chinese', async () => {
    const { page } = s
    // not logged in: the app sends the person to the login page with the demo people listed; the
    // first login asks to accept the 用户隐私保护指引
    await loginAs(s, server.url, '王秀英')
    await page.getByText('柳林村', { exact: true }).first().waitFor({ timeout: 30_000 })
    await page.getByText('王秀英', { exact: false }).first().waitFor()
    await page.locator('.home__mine').first().waitFor()
    // the login page slides away; wait until it is gone before the picture
    await page
      .locator('.xl-section-title', { hasText: '演示账号' })
      .waitFor({ state: 'hidden', timeout: 10_000 })
    const file = await screenshot(page, 'home')
    const text = await page.locator('body').innerText()
    expect(text).toContain('柳林镇')
    expect(text).toContain('消息')
    expect(text).toContain('我要说事')
    expect(text).toMatch(/首页[\s\S]*办事[\s\S]*公开[\s\S]*我的/)
    expect(file).toMatch(/home\.png$/)
  })

  it('keeps the person logged in across a reload', async () => {
    const { page } = s
    await page.reload()
    await page.getByText('柳林村', { exact: true }).first().waitFor({ timeout: 30_000 })
    expect(await page.locator('body').innerText()).not.toContain('演示账号')
  })
})

import { openBrowser, openPerson, screenshot, type Session } from './support/browser'
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

  it("asks for the home page's own chunks beside app.js, and they are all the page needs", async () => {
    const { page } = s
    const asked: string[] = []
    const watch = (r: { url: () => string }) => asked.push(new URL(r.url()).pathname)
    page.on('request', watch)
    await page.reload()
    await page.locator('.home__greeting').first().waitFor({ timeout: 30_000 })
    page.off('request', watch)
    const preloaded = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLLinkElement>('link[rel="preload"]')].map(
        (l) => new URL(l.href).pathname,
      ),
    )
    // the build wrote the list (config/home-preload-plugin.js): scripts and styles of the home only
    expect(preloaded.length).toBeGreaterThan(3)
    for (const f of preloaded) expect(f).toMatch(/^\/(js|css)\/[\w.]+\.(js|css)$/)
    // every chunk the page loaded after index.html's own scripts was already on the list
    const initial = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLScriptElement>('script[defer]')].map((e) => new URL(e.src).pathname),
    )
    const chunks = asked.filter(
      (p) => /^\/(js|css)\//.test(p) && !initial.includes(p) && !/\/css\/app\./.test(p),
    )
    expect(chunks.length).toBeGreaterThan(0)
    for (const c of chunks) expect(preloaded).toContain(c)
    // the boot text ("正在打开…") is gone once the app has drawn
    expect(await page.locator('.xl-boot').isVisible()).toBe(false)
  })

  it('shows that it is opening while the scripts are still on their way', async () => {
    const held = await openPerson(s.browser)
    try {
      // the app's scripts never arrive: what the phone shows meanwhile is index.html alone
      await held.page.route('**/js/**', (route) => route.abort())
      await held.page.goto(server.url)
      await held.page.locator('.xl-boot').waitFor({ state: 'visible', timeout: 30_000 })
      expect(await held.page.locator('.xl-boot').innerText()).toContain('正在打开')
      const size = await held.page
        .locator('.xl-boot__text')
        .evaluate((e) => parseFloat(getComputedStyle(e).fontSize))
      expect(size).toBeGreaterThanOrEqual(18)
    } finally {
      await held.close()
    }
  })

  it('keeps the person logged in across a reload', async () => {
    const { page } = s
    await page.reload()
    await page.getByText('柳林村', { exact: true }).first().waitFor({ timeout: 30_000 })
    expect(await page.locator('body').innerText()).not.toContain('演示账号')
  })
})

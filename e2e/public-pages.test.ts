import { request, type APIRequestContext } from 'playwright-core'
import { openBrowser, screenshot, type Session } from './support/browser'
import { startServer, type RunningServer } from './support/server'

/**
 * The pages shared into WeChat groups and printed as QR codes, read on a phone that runs no script:
 * a published notice, the village's 公开栏 and the certificate check are plain pages the server renders.
 */
describe('the public pages with JavaScript disabled', () => {
  let server: RunningServer
  let reader: Session
  let http: APIRequestContext
  let villageId = 0
  let committee = ''

  const api = async <T>(path: string): Promise<T> => {
    const res = await http.get(path, { headers: { authorization: `Bearer ${committee}` } })
    expect(res.status()).toBe(200)
    return (await res.json()) as T
  }

  beforeAll(async () => {
    server = await startServer()
    http = await request.newContext({ baseURL: server.url })
    const login = await http.post('/api/auth/demo', { data: { key: 'committee' } })
    committee = ((await login.json()) as { accessToken: string }).accessToken
    const me = await api<{ memberships: { orgId: number; orgName: string }[] }>('/api/me')
    villageId = me.memberships.find((m) => m.orgName === '柳林村')!.orgId
    reader = await openBrowser({ javaScript: false })
  })
  afterAll(async () => {
    await reader?.close()
    await http?.dispose()
    await server?.stop()
  })

  it('reads the 公开栏 and a shared notice, and links into the app', async () => {
    const p = reader.page
    const board = await p.goto(`${server.url}/villages/${villageId}/notices`)
    expect(board!.status()).toBe(200)
    expect(await p.locator('h1').innerText()).toBe('柳林村公开栏')
    const first = p.locator('ul.list li a').first()
    const title = await first.innerText()
    expect(title.length).toBeGreaterThan(0)
    await screenshot(p, 'public-board-no-js')

    await first.click()
    await p.waitForURL(/\/notices\/\d+$/)
    expect(await p.locator('h1').innerText()).toBe(title)
    const text = await p.locator('main').innerText()
    expect(text).toContain('柳林村')
    expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 发布/)
    const id = /\/notices\/(\d+)$/.exec(p.url())![1]
    expect(await p.locator('a.act').first().getAttribute('href')).toBe(
      `/#/subpackages/notice/pages/detail/index?id=${id}`,
    )
    await screenshot(p, 'public-notice-no-js')

    const missing = await p.goto(`${server.url}/notices/999999`)
    expect(missing!.status()).toBe(404)
    expect(await p.locator('h1').innerText()).toBe('没有找到这个页面')
  })

  it('checks a certificate from its QR code, and one typed into the form', async () => {
    const issued = await api<{
      items: { number: string; verificationCode: string; verificationUrl: string }[]
    }>(`/api/villages/${villageId}/certificates/requests?status=issued`)
    const cert = issued.items[0]!
    const qr = new URL(cert.verificationUrl)
    expect(qr.pathname).toBe('/certificates/check')
    const p = reader.page
    await p.goto(`${server.url}${qr.pathname}${qr.search}`)
    expect(await p.locator('.check .verdict').innerText()).toBe('有效')
    const facts = await p.locator('.check').innerText()
    expect(facts).toContain(`证明编号：${cert.number}`)
    expect(facts).toMatch(/持证人：\S\*/)
    await screenshot(p, 'public-check-no-js')

    // another, typed by hand: the form is a plain GET form
    await p.locator('#n').fill(cert.number)
    await p.locator('#c').fill('ABCD-EFGH')
    await Promise.all([p.waitForURL(/c=ABCD-EFGH/), p.locator('button[type=submit]').click()])
    expect(await p.locator('.check .verdict').innerText()).toBe('无效')
    await p.locator('#n').fill(cert.number)
    const typed = cert.verificationCode.toLowerCase()
    await p.locator('#c').fill(typed)
    await Promise.all([
      p.waitForURL((u) => u.search.endsWith(`c=${typed}`)),
      p.locator('button[type=submit]').click(),
    ])
    expect(await p.locator('.check .verdict').innerText()).toBe('有效')
  })
})

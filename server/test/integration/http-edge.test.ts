import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DIALECT, startTestApp, type TestApp } from '../support/app'

describe(`security headers on ${DIALECT}`, () => {
  let t: TestApp
  let h5: string
  const inline = 'document.documentElement.style.fontSize="20px"'

  beforeAll(async () => {
    h5 = mkdtempSync(join(tmpdir(), 'xiangli-h5-'))
    writeFileSync(
      join(h5, 'index.html'),
      `<!doctype html><html><head><script>${inline}</script><script defer src="/js/app.js"></script></head><body><div id="app"></div></body></html>`,
    )
    t = await startTestApp({ H5_DIR: h5 })
  })
  afterAll(async () => {
    await t.close()
    rmSync(h5, { recursive: true, force: true })
  })

  const csp = (headers: Record<string, unknown>) =>
    Object.fromEntries(
      String(headers['content-security-policy'])
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    )

  it('sends a content security policy the H5 app works under, with its inline script by hash', async () => {
    const page = await t.request({ method: 'GET', url: '/' })
    expect(page.status).toBe(200)
    expect(String(page.headers['content-type'])).toMatch(/^text\/html/)
    const policy = csp(page.headers)
    const hash = `'sha256-${createHash('sha256').update(inline).digest('base64')}'`
    expect(policy['script-src']).toEqual(["'self'", hash])
    expect(policy['script-src-attr']).toEqual(["'none'"])
    expect(policy['style-src']).toEqual(["'self'", "'unsafe-inline'"])
    expect(policy['img-src']).toEqual(["'self'", 'data:', 'blob:'])
    expect(policy['connect-src']).toEqual(["'self'"])
    expect(policy['object-src']).toEqual(["'none'"])
    expect(policy['frame-ancestors']).toEqual(["'none'"])
    expect(policy['upgrade-insecure-requests']).toBeUndefined()
  })

  it.each([
    ['the H5 app', '/'],
    ['an API answer', '/health/live'],
    ['an API refusal', '/api/me'],
    ['an unknown path', '/no/such/page'],
  ])('sends the security headers with %s', async (_, url) => {
    const res = await t.request({ method: 'GET', url })
    expect(res.headers['content-security-policy']).toEqual(expect.stringContaining("script-src 'self'"))
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN')
    expect(res.headers['referrer-policy']).toBe('no-referrer')
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin')
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin')
    expect(res.headers['x-powered-by']).toBeUndefined()
    // plain HTTP here: HSTS would be ignored by browsers and is not sent
    expect(res.headers['strict-transport-security']).toBeUndefined()
  })

  it('adds HSTS and upgrades requests where the server is reached over HTTPS', async () => {
    const secure = await startTestApp({ PUBLIC_BASE_URL: 'https://xiangli.example.cn' })
    try {
      const res = await secure.request({ method: 'GET', url: '/health/live' })
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000')
      expect(csp(res.headers)['upgrade-insecure-requests']).toEqual([])
    } finally {
      await secure.close()
    }
  })
})

import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ERRORS, type ErrorCode } from '@xiangli/shared'
import { DIALECT, startTestApp, type TestApp } from '../support/app'

interface RawAnswer {
  status: number
  headers: Record<string, string>
  body: any
}

/** Sends bytes over a real socket (inject skips Node's HTTP parser) and reads the answer to the end. */
function raw(port: number, request: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    socket.on('data', (d) => chunks.push(d))
    socket.on('error', reject)
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      const [head = '', ...rest] = text.split('\r\n\r\n')
      const [statusLine = '', ...lines] = head.split('\r\n')
      const headers = Object.fromEntries(
        lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
      )
      const body = rest.join('\r\n\r\n')
      let parsed: unknown = body
      try {
        parsed = JSON.parse(body)
      } catch {
        // not JSON: the assertion below shows what came instead
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: parsed })
    })
    socket.end(request)
  })
}

function expectOurShape(res: RawAnswer, code: ErrorCode) {
  expect(res.status).toBe(ERRORS[code].status)
  expect(res.headers['content-type']).toMatch(/^application\/json/)
  expect(res.body).toEqual({ code, message: ERRORS[code].message, requestId: expect.any(String) })
  expect(res.body.message).toMatch(/[\u4e00-\u9fff]/)
  expect(res.headers['x-request-id']).toBe(res.body.requestId)
  expect(res.headers['x-content-type-options']).toBe('nosniff')
}

describe(`answers given before the app sees a request, over a real socket, on ${DIALECT}`, () => {
  let t: TestApp
  let port: number

  beforeAll(async () => {
    t = await startTestApp()
    await t.app.listen({ port: 0, host: '127.0.0.1' })
    port = (t.app.getHttpServer().address() as { port: number }).port
  })
  afterAll(async () => t.close())

  it('answers a request Node cannot parse with BAD_REQUEST', async () => {
    expectOurShape(await raw(port, 'THIS IS NOT HTTP\r\n\r\n'), 'BAD_REQUEST')
  })

  it('answers a request with a broken header line with BAD_REQUEST', async () => {
    expectOurShape(
      await raw(port, 'GET /health/live HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n'),
      'BAD_REQUEST',
    )
  })

  it('answers headers over the size limit with HEADERS_TOO_LARGE (431)', async () => {
    const big = 'a'.repeat(20_000)
    expectOurShape(
      await raw(port, `GET /health/live HTTP/1.1\r\nHost: x\r\nCookie: ${big}\r\n\r\n`),
      'HEADERS_TOO_LARGE',
    )
  })

  it('answers a path parameter over its length limit with URL_TOO_LONG (414), without echoing the URL', async () => {
    const long = 'x'.repeat(150)
    const res = await raw(
      port,
      `GET /api/public/notices/${long} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
    )
    expectOurShape(res, 'URL_TOO_LONG')
    expect(JSON.stringify(res.body)).not.toContain(long)
  })

  it('answers a URL with broken percent-encoding with BAD_REQUEST, without echoing it', async () => {
    const res = await raw(
      port,
      'GET /api/public/notices/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    )
    expectOurShape(res, 'BAD_REQUEST')
    expect(JSON.stringify(res.body)).not.toContain('%E0')
  })

  it('answers an unknown route with NOT_FOUND, with the security headers', async () => {
    const res = await raw(port, 'GET /api/nothing-here HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
    expectOurShape(res, 'NOT_FOUND')
    expect(res.headers['content-security-policy']).toContain("default-src 'self'")
  })

  it('answers malformed JSON with VALIDATION_FAILED, in Chinese', async () => {
    const body = '{"key": '
    const res = await raw(
      port,
      `POST /api/auth/demo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    )
    expectOurShape(res, 'VALIDATION_FAILED')
  })
})

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
    const tabBarLink = `'sha256-${createHash('sha256').update('javascript:;').digest('base64')}'`
    expect(policy['script-src']).toEqual(["'self'", hash, "'unsafe-hashes'", tabBarLink])
    expect(policy['script-src-attr']).toEqual(["'none'"])
    expect(policy['style-src']).toEqual(["'self'", "'unsafe-inline'"])
    expect(policy['img-src']).toEqual(["'self'", 'data:', 'blob:'])
    expect(policy['connect-src']).toEqual(["'self'", 'blob:'])
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

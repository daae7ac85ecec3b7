import { randomBytes } from 'node:crypto'
import { ERRORS } from '@xiangli/shared'
import { DIALECT, multipart, startTestApp, villageIds, type TestApp } from '../support/app'
import { agreeToIdNumber, addAccount, addResident } from '../support/factories'
import { png } from '../support/images'

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'

interface Call {
  method?: 'GET' | 'POST'
  url: string
  token?: string
  body?: unknown
  from?: string
  headers?: Record<string, string>
  payload?: Buffer
}

/** A request from a given client address (inject's remoteAddress), as a real socket would have it. */
async function call(t: TestApp, c: Call) {
  const res = await t.app
    .getHttpAdapter()
    .getInstance()
    .inject({
      method: c.method ?? 'POST',
      url: c.url,
      remoteAddress: c.from ?? '127.0.0.1',
      headers: {
        ...(c.token ? { authorization: `Bearer ${c.token}` } : {}),
        ...(c.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...c.headers,
      },
      payload: c.payload ?? (c.body !== undefined ? JSON.stringify(c.body) : undefined),
    })
  return { status: res.statusCode, body: JSON.parse(res.body || 'null'), headers: res.headers }
}

const demoLogin = (t: TestApp, from?: string, headers?: Record<string, string>) =>
  call(t, { url: '/api/auth/demo', body: { key: 'resident' }, from, headers })

function expectLimited(res: Awaited<ReturnType<typeof call>>, windowSeconds: number) {
  expect(res.status).toBe(429)
  expect(res.body).toEqual({
    code: 'RATE_LIMITED',
    message: ERRORS.RATE_LIMITED.message,
    requestId: expect.any(String),
  })
  const retryAfter = Number(res.headers['retry-after'])
  expect(Number.isInteger(retryAfter)).toBe(true)
  expect(retryAfter).toBeGreaterThanOrEqual(1)
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds)
}

describe(`rate limits on ${DIALECT}`, () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp({
      RATE_LIMIT_LOGIN: '3/m',
      RATE_LIMIT_REFRESH: '2/m',
      RATE_LIMIT_VERIFICATION: '2/h',
      RATE_LIMIT_CERTIFICATE_CHECK: '2/m',
      RATE_LIMIT_UPLOAD: '2/m',
      RATE_LIMIT_WRITE: '3/m',
    })
  })
  afterAll(async () => t.close())

  it('refuses a fourth login a minute from one address with RATE_LIMITED and a Retry-After', async () => {
    for (let i = 0; i < 3; i++) expect((await demoLogin(t, '198.51.100.1')).status).toBe(200)
    const refused = await demoLogin(t, '198.51.100.1')
    expectLimited(refused, 60)
    expect(refused.headers['x-request-id']).toBe(refused.body.requestId)
    expect(refused.headers['content-security-policy']).toEqual(expect.stringContaining("default-src 'self'"))
    // another address is not held back by that one
    expect((await demoLogin(t, '198.51.100.2')).status).toBe(200)
  })

  it('counts refreshes per address, whatever the token', async () => {
    const from = '198.51.100.3'
    const refresh = () => call(t, { url: '/api/auth/refresh', body: { refreshToken: 'not-a-token' }, from })
    expect((await refresh()).body.code).toBe('AUTH_REFRESH_INVALID')
    expect((await refresh()).body.code).toBe('AUTH_REFRESH_INVALID')
    expectLimited(await refresh(), 60)
  })

  it('counts real-name claims per account, not per address', async () => {
    const village = (await villageIds(t.ds)).village
    const claim = (token: string) =>
      call(t, {
        url: '/api/me/verifications',
        token,
        body: { villageId: village, name: '不存在', idNumber: '11010119900307731X', phone: '13600001234' },
      })
    const guesser = await addAccount(t)
    await agreeToIdNumber(t, guesser.token)
    expect((await claim(guesser.token)).body.code).toBe('VERIFICATION_NO_MATCH')
    expect((await claim(guesser.token)).body.code).toBe('VERIFICATION_NO_MATCH')
    expectLimited(await claim(guesser.token), 3600)
    // a neighbour at the same address still gets an answer
    const neighbour = await addAccount(t)
    await agreeToIdNumber(t, neighbour.token)
    expect((await claim(neighbour.token)).body.code).toBe('VERIFICATION_NO_MATCH')
  })

  it('counts the public certificate check per address, logged in or not', async () => {
    const check = (token?: string, from = '198.51.100.4') =>
      call(t, {
        method: 'GET',
        url: '/api/certificates/verify?n=330106101201-2026-0007&c=K7QM3XPA',
        token,
        from,
      })
    const { token } = await addAccount(t)
    expect((await check()).status).not.toBe(429)
    expect((await check(token)).status).not.toBe(429)
    expectLimited(await check(), 60)
    expectLimited(await check((await addAccount(t)).token), 60)
    expect((await check(undefined, '198.51.100.5')).status).not.toBe(429)
  })

  it('counts the plain check page the QR code opens together with the API check', async () => {
    const from = '198.51.100.6'
    const query = 'n=330106101201-2026-0007&c=K7QM3XPA'
    const page = await t.app
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'GET', url: `/certificates/check?${query}`, remoteAddress: from })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    const api = () => call(t, { method: 'GET', url: `/api/certificates/verify?${query}`, from })
    expect((await api()).status).toBe(200)
    expectLimited(await api(), 60)
  })

  it('counts uploads per account, apart from other writes', async () => {
    const village = (await villageIds(t.ds)).village
    const uploader = await addAccount(t)
    await addResident(t, { villageId: village, accountId: uploader.id })
    const upload = () =>
      call(t, {
        url: `/api/villages/${village}/uploads`,
        token: uploader.token,
        ...multipart('file', 'photo.png', png(4, 3), 'image/png'),
      })
    expect((await upload()).status).toBe(201)
    expect((await upload()).status).toBe(201)
    expectLimited(await upload(), 60)
    expect((await call(t, { url: '/api/inbox/read-all', token: uploader.token })).status).toBe(200)
  })

  it('counts every other write per account, and leaves reads and other accounts alone', async () => {
    const busy = await addAccount(t)
    const calm = await addAccount(t)
    const readAll = (token: string) => call(t, { url: '/api/inbox/read-all', token })
    for (let i = 0; i < 3; i++) expect((await readAll(busy.token)).status).toBe(200)
    expectLimited(await readAll(busy.token), 60)
    expect((await readAll(calm.token)).status).toBe(200)
    for (let i = 0; i < 10; i++)
      expect((await call(t, { method: 'GET', url: '/api/me', token: busy.token })).status).toBe(200)
  })

  it('counts a write without a valid login per address', async () => {
    const from = '198.51.100.6'
    const logout = (token?: string) =>
      call(t, { url: '/api/auth/logout', body: { refreshToken: 'unknown-token-xyz' }, token, from })
    expect((await logout('forged.token.here')).status).toBe(200)
    expect((await logout()).status).toBe(200)
    expect((await logout()).status).toBe(200)
    expectLimited(await logout('forged.token.here'), 60)
  })
})

describe(`rate limit windows and settings on ${DIALECT}`, () => {
  it('lets requests through again once the window has passed', async () => {
    const t = await startTestApp({ RATE_LIMIT_LOGIN: '1/1s' })
    try {
      expect((await demoLogin(t)).status).toBe(200)
      expectLimited(await demoLogin(t), 1)
      await new Promise((r) => setTimeout(r, 1100))
      expect((await demoLogin(t)).status).toBe(200)
    } finally {
      await t.close()
    }
  })

  it('limits nothing of a kind set to off', async () => {
    const t = await startTestApp({ RATE_LIMIT_LOGIN: 'off' })
    try {
      for (let i = 0; i < 70; i++) expect((await demoLogin(t)).status).toBe(200)
    } finally {
      await t.close()
    }
  })

  it('limits logins by default', async () => {
    const t = await startTestApp()
    try {
      const answers = []
      for (let i = 0; i < 61; i++) answers.push((await demoLogin(t, '198.51.100.7')).status)
      expect(answers.filter((s) => s === 200)).toHaveLength(60)
      expect(answers.at(-1)).toBe(429)
    } finally {
      await t.close()
    }
  })
})

describe(`the address a request is counted under, on ${DIALECT}`, () => {
  it('is the peer’s own when the peer is not a listed proxy: a forged X-Forwarded-For changes nothing', async () => {
    const t = await startTestApp({ RATE_LIMIT_LOGIN: '2/m' })
    try {
      const spoof = (n: number) => ({ 'x-forwarded-for': `203.0.113.${n}` })
      expect((await demoLogin(t, '198.51.100.8', spoof(1))).status).toBe(200)
      expect((await demoLogin(t, '198.51.100.8', spoof(2))).status).toBe(200)
      expectLimited(await demoLogin(t, '198.51.100.8', spoof(3)), 60)
    } finally {
      await t.close()
    }
  })

  it('is the forwarded client’s behind a listed proxy, and only behind it', async () => {
    const t = await startTestApp({ RATE_LIMIT_LOGIN: '1/m', TRUST_PROXY: '10.0.0.0/8' })
    try {
      const via = (client: string, proxy = '10.1.2.3') => demoLogin(t, proxy, { 'x-forwarded-for': client })
      expect((await via('203.0.113.10')).status).toBe(200)
      expect((await via('203.0.113.11')).status).toBe(200)
      expectLimited(await via('203.0.113.10'), 60)
      // the same header from a peer outside 10.0.0.0/8 is not believed
      expect((await via('203.0.113.12', '198.51.100.9')).status).toBe(200)
      expectLimited(await via('203.0.113.13', '198.51.100.9'), 60)
    } finally {
      await t.close()
    }
  })
})

describe(`rate limits across two server instances on ${DIALECT}`, () => {
  const env = (extra: Record<string, string> = {}) => ({ RATE_LIMIT_LOGIN: '3/m', ...extra })

  it('are shared through Redis when both name the same REDIS_URL', async () => {
    const shared = env({ REDIS_URL, REDIS_KEY_PREFIX: `xiangli-test-${randomBytes(6).toString('hex')}:` })
    const a = await startTestApp(shared)
    const b = await startTestApp(shared, { target: a.target })
    try {
      expect((await demoLogin(a)).status).toBe(200)
      expect((await demoLogin(b)).status).toBe(200)
      expect((await demoLogin(a)).status).toBe(200)
      expectLimited(await demoLogin(b), 60)
      expectLimited(await demoLogin(a), 60)
    } finally {
      await b.close()
      await a.close()
    }
  })

  it('are each instance’s own without Redis', async () => {
    const a = await startTestApp(env())
    const b = await startTestApp(env(), { target: a.target })
    try {
      for (let i = 0; i < 3; i++) expect((await demoLogin(a)).status).toBe(200)
      expectLimited(await demoLogin(a), 60)
      for (let i = 0; i < 3; i++) expect((await demoLogin(b)).status).toBe(200)
    } finally {
      await b.close()
      await a.close()
    }
  })

  it('let requests through uncounted while Redis cannot be reached', async () => {
    const t = await startTestApp(env({ REDIS_URL: 'redis://127.0.0.1:9' }))
    try {
      for (let i = 0; i < 5; i++) expect((await demoLogin(t)).status).toBe(200)
    } finally {
      await t.close()
    }
  })
})

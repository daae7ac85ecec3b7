import { randomUUID } from 'node:crypto'
import jwt from 'jsonwebtoken'
import { ERRORS } from '@xiangli/shared'
import { Account } from '../../src/modules/auth/entities/account.entity'
import { RefreshToken } from '../../src/modules/auth/entities/refresh-token.entity'
import { DIALECT, startTestApp, TEST_ENV, type TestApp } from '../support/app'
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat'

const SECRET = TEST_ENV.JWT_SECRET!
const errorBody = (code: keyof typeof ERRORS) => ({
  code,
  message: ERRORS[code].message,
  requestId: expect.any(String),
})

describe(`logging in on ${DIALECT}`, () => {
  let t: TestApp
  let wechat: FakeWechat
  /** which openid each wx.login code stands for at the fake WeChat */
  const codes: Record<string, string> = {
    'code-a1': 'openid-A',
    'code-a2': 'openid-A',
    'code-b1': 'openid-B',
    'code-c1': 'openid-C',
    'code-c2': 'openid-C',
  }

  beforeAll(async () => {
    wechat = await startFakeWechat()
    wechat.on('/sns/jscode2session', ({ query }) => {
      if (query.js_code === 'busy') return { body: { errcode: -1, errmsg: 'system error' } }
      if (query.js_code === 'http-500') return { status: 500, body: {} }
      const openid = codes[query.js_code!]
      return openid
        ? { body: { openid, session_key: 'sk' } }
        : { body: { errcode: 40029, errmsg: 'invalid code' } }
    })
    t = await startTestApp({
      WECHAT_API_BASE: wechat.base,
      WECHAT_APP_ID: 'wx-test-app',
      WECHAT_APP_SECRET: 'wx-test-secret',
    })
  })
  afterAll(async () => {
    await t.close()
    await wechat.down()
  })

  const demo = (key: string) => t.request({ method: 'POST', url: '/api/auth/demo', body: { key } })
  const refresh = (refreshToken: string) =>
    t.request({ method: 'POST', url: '/api/auth/refresh', body: { refreshToken } })
  const me = (token: string) => t.request({ method: 'GET', url: '/api/me', token })
  const wechatLogin = (code: string) => t.request({ method: 'POST', url: '/api/auth/wechat', body: { code } })

  describe('demo login', () => {
    it('gives a token pair that opens the demo person’s account', async () => {
      const res = await demo('resident')
      expect(res.status).toBe(200)
      expect(res.body).toEqual({
        accessToken: expect.any(String),
        expiresIn: 900,
        refreshToken: expect.any(String),
      })
      const who = await me(res.body.accessToken)
      expect(who.status).toBe(200)
      expect(who.body).toMatchObject({ displayName: '王秀英', verified: true })
    })

    it('lists the demo people', async () => {
      const res = await t.request({ method: 'GET', url: '/api/auth/demo-people' })
      expect(res.body.enabled).toBe(true)
      expect(res.body.people.map((p: { key: string }) => p.key)).toEqual(
        expect.arrayContaining(['resident', 'committee', 'secretary', 'township', 'admin', 'newcomer']),
      )
      expect(res.body.people.find((p: { key: string }) => p.key === 'newcomer')).toMatchObject({
        roleLabel: '未认证的新用户',
      })
      // the urban community has its own committee member to run 一征三议两公开
      expect(res.body.people.find((p: { key: string }) => p.key === 'community_committee')).toMatchObject({
        name: '许静',
        orgName: '新华社区',
      })
    })

    it('answers NOT_FOUND for a key that is no demo person', async () => {
      const res = await demo('nobody')
      expect(res.status).toBe(404)
      expect(res.body.code).toBe('NOT_FOUND')
    })
  })

  describe('refresh tokens', () => {
    it('rotate: a refresh gives a new pair and the new refresh token works in turn', async () => {
      const first = (await demo('committee')).body
      const second = await refresh(first.refreshToken)
      expect(second.status).toBe(200)
      expect(second.body.refreshToken).not.toBe(first.refreshToken)
      expect((await me(second.body.accessToken)).body.displayName).toBe('张丽')
      expect((await refresh(second.body.refreshToken)).status).toBe(200)
    })

    it('revoke the whole family, the newest token included, when an old one is used again', async () => {
      const p1 = (await demo('committee')).body
      const p2 = (await refresh(p1.refreshToken)).body
      const p3 = (await refresh(p2.refreshToken)).body
      const other = (await demo('committee')).body // another login of the same person: another family

      const reused = await refresh(p1.refreshToken)
      expect(reused.status).toBe(401)
      expect(reused.body).toEqual(errorBody('AUTH_REFRESH_REUSED'))

      const newest = await refresh(p3.refreshToken)
      expect(newest.status).toBe(401)
      expect(newest.body).toEqual(errorBody('AUTH_REFRESH_INVALID'))
      expect((await refresh(other.refreshToken)).status).toBe(200)
    })

    it('refuse a token nobody issued', async () => {
      const res = await refresh('not-a-token-we-ever-issued')
      expect(res.status).toBe(401)
      expect(res.body).toEqual(errorBody('AUTH_REFRESH_INVALID'))
    })

    it('refuse an expired token', async () => {
      const pair = (await demo('resident')).body
      await t.ds
        .getRepository(RefreshToken)
        .createQueryBuilder()
        .update()
        .set({ expiresAt: new Date(Date.now() - 60_000) })
        .execute()
      const res = await refresh(pair.refreshToken)
      expect(res.status).toBe(401)
      expect(res.body.code).toBe('AUTH_REFRESH_INVALID')
    })

    it('are stored only as hashes', async () => {
      const pair = (await demo('secretary')).body
      const rows: { tokenHash: string }[] = await t.ds.query('SELECT tokenHash FROM refresh_token')
      expect(rows.length).toBeGreaterThan(0)
      expect(rows.some((r) => r.tokenHash === pair.refreshToken)).toBe(false)
    })

    it('give a refresh retried with the same Idempotency-Key the same pair, not a reuse alarm', async () => {
      // the miniapp sends a key with every refresh, so a lost answer can be fetched again
      const pair = (await demo('representative')).body
      const headers = { 'idempotency-key': `refresh-${Date.now()}-retry` }
      const first = await t.request({
        method: 'POST',
        url: '/api/auth/refresh',
        body: { refreshToken: pair.refreshToken },
        headers,
      })
      const retried = await t.request({
        method: 'POST',
        url: '/api/auth/refresh',
        body: { refreshToken: pair.refreshToken },
        headers,
      })
      expect(first.status).toBe(200)
      expect(retried.status).toBe(200)
      expect(retried.body).toEqual(first.body)
      expect((await refresh(first.body.refreshToken)).status).toBe(200)
    })

    it('are kept nowhere in the database in plain text, even when logins and refreshes carry an Idempotency-Key', async () => {
      const headers = (n: string) => ({ 'idempotency-key': `login-${n}-${Date.now()}` })
      const login = (
        await t.request({
          method: 'POST',
          url: '/api/auth/demo',
          body: { key: 'supervisor' },
          headers: headers('a'),
        })
      ).body
      const refreshed = (
        await t.request({
          method: 'POST',
          url: '/api/auth/refresh',
          body: { refreshToken: login.refreshToken },
          headers: headers('b'),
        })
      ).body
      const secrets = [
        login.accessToken,
        login.refreshToken,
        refreshed.accessToken,
        refreshed.refreshToken,
      ] as string[]
      expect(secrets.every((s) => typeof s === 'string' && s.length > 20)).toBe(true)
      const leaks: string[] = []
      for (const entity of t.ds.entityMetadatas) {
        const rows: Record<string, unknown>[] = await t.ds.query(`SELECT * FROM ${entity.tableName}`)
        for (const row of rows)
          for (const [column, value] of Object.entries(row))
            if (typeof value === 'string' && secrets.some((s) => value.includes(s)))
              leaks.push(`${entity.tableName}.${column}`)
      }
      expect(leaks).toEqual([])
    })
  })

  describe('logout', () => {
    it('revokes the refresh token', async () => {
      const pair = (await demo('secretary')).body
      const res = await t.request({
        method: 'POST',
        url: '/api/auth/logout',
        body: { refreshToken: pair.refreshToken },
      })
      expect(res.status).toBe(200)
      expect(res.body).toEqual({ ok: true })
      const after = await refresh(pair.refreshToken)
      expect(after.status).toBe(401)
      expect(after.body.code).toBe('AUTH_REFRESH_INVALID')
    })

    it('answers ok for a token it does not know, so a stale app can always log out', async () => {
      const res = await t.request({
        method: 'POST',
        url: '/api/auth/logout',
        body: { refreshToken: 'unknown-token-xyz' },
      })
      expect(res.status).toBe(200)
    })
  })

  describe('access tokens', () => {
    let accountId: number
    beforeAll(async () => {
      accountId = (await me((await demo('resident')).body.accessToken)).body.accountId
    })

    it('refuse an expired token with AUTH_TOKEN_EXPIRED', async () => {
      const expired = jwt.sign({ typ: 'access', exp: Math.floor(Date.now() / 1000) - 60 }, SECRET, {
        algorithm: 'HS256',
        subject: String(accountId),
      })
      const res = await me(expired)
      expect(res.status).toBe(401)
      expect(res.body).toEqual(errorBody('AUTH_TOKEN_EXPIRED'))
    })

    it('refuse garbage with AUTH_TOKEN_INVALID', async () => {
      const res = await me('garbage.garbage.garbage')
      expect(res.status).toBe(401)
      expect(res.body).toEqual(errorBody('AUTH_TOKEN_INVALID'))
    })

    it('refuse a token signed with another secret', async () => {
      const forged = jwt.sign({ typ: 'access' }, 'another-secret-that-is-long-enough-000000', {
        algorithm: 'HS256',
        subject: String(accountId),
        expiresIn: 600,
      })
      expect((await me(forged)).body.code).toBe('AUTH_TOKEN_INVALID')
    })

    it('refuse a token that is not an access token', async () => {
      const other = jwt.sign({ typ: 'refresh' }, SECRET, {
        algorithm: 'HS256',
        subject: String(accountId),
        expiresIn: 600,
      })
      expect((await me(other)).body.code).toBe('AUTH_TOKEN_INVALID')
    })

    it('refuse an unsigned token', async () => {
      const none = jwt.sign({ typ: 'access' }, '', { algorithm: 'none', subject: String(accountId) })
      expect((await me(none)).body.code).toBe('AUTH_TOKEN_INVALID')
    })

    it('refuse a valid token for an account that no longer exists', async () => {
      const ghost = jwt.sign({ typ: 'access', sid: randomUUID() }, SECRET, {
        algorithm: 'HS256',
        subject: '987654',
        expiresIn: 600,
      })
      expect((await me(ghost)).body.code).toBe('AUTH_TOKEN_INVALID')
    })
  })

  describe('WeChat login against the fake WeChat', () => {
    it('creates an account keyed by the openid and sends WeChat the app’s credentials and the code', async () => {
      const before = wechat.callsTo('/sns/jscode2session').length
      const res = await wechatLogin('code-a1')
      expect(res.status).toBe(200)
      expect(res.body).toEqual({
        accessToken: expect.any(String),
        expiresIn: 900,
        refreshToken: expect.any(String),
      })
      const calls = wechat.callsTo('/sns/jscode2session').slice(before)
      expect(calls).toHaveLength(1)
      expect(calls[0]).toMatchObject({
        method: 'GET',
        query: {
          appid: 'wx-test-app',
          secret: 'wx-test-secret',
          js_code: 'code-a1',
          grant_type: 'authorization_code',
        },
      })
      const account = await t.ds.getRepository(Account).findOneByOrFail({ openid: 'openid-A' })
      expect((await me(res.body.accessToken)).body).toMatchObject({
        accountId: account.id,
        displayName: '微信用户',
        verified: false,
        memberships: [],
      })
    })

    it('reuses the account when the same person logs in again with a new code', async () => {
      const first = (await me((await wechatLogin('code-a1')).body.accessToken)).body.accountId
      const second = await wechatLogin('code-a2')
      expect(second.status).toBe(200)
      expect((await me(second.body.accessToken)).body.accountId).toBe(first)
      expect(await t.ds.getRepository(Account).countBy({ openid: 'openid-A' })).toBe(1)
    })

    it('gives another person another account', async () => {
      const a = (await me((await wechatLogin('code-a1')).body.accessToken)).body.accountId
      const b = (await me((await wechatLogin('code-b1')).body.accessToken)).body.accountId
      expect(b).not.toBe(a)
    })

    it('creates one account when a new person taps twice at once', async () => {
      const results = await Promise.all([wechatLogin('code-c1'), wechatLogin('code-c2')])
      expect(results.map((r) => r.status)).toEqual([200, 200])
      expect(await t.ds.getRepository(Account).countBy({ openid: 'openid-C' })).toBe(1)
      const audited: { n: number | string }[] = await t.ds.query(
        `SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'account.created'`,
      )
      expect(Number(audited[0]!.n)).toBe(3) // A, B and C, each once
    })

    it('answers WECHAT_LOGIN_FAILED when WeChat says the code is invalid (40029)', async () => {
      const res = await wechatLogin('forged-code')
      expect(res.status).toBe(401)
      expect(res.body).toEqual(errorBody('WECHAT_LOGIN_FAILED'))
    })

    it('answers WECHAT_UNAVAILABLE when WeChat reports a system error', async () => {
      const res = await wechatLogin('busy')
      expect(res.status).toBe(503)
      expect(res.body).toEqual(errorBody('WECHAT_UNAVAILABLE'))
    })

    it('answers WECHAT_UNAVAILABLE when WeChat answers HTTP 500', async () => {
      expect((await wechatLogin('http-500')).body.code).toBe('WECHAT_UNAVAILABLE')
    })

    it('answers WECHAT_UNAVAILABLE when WeChat cannot be reached', async () => {
      await wechat.down()
      try {
        const res = await wechatLogin('code-a1')
        expect(res.status).toBe(503)
        expect(res.body).toEqual(errorBody('WECHAT_UNAVAILABLE'))
      } finally {
        await wechat.up()
      }
      expect((await wechatLogin('code-a1')).status).toBe(200)
    })
  })
})

describe(`logging in with demo logins switched off on ${DIALECT}`, () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp({ DEMO_ENABLED: 'false' })
  })
  afterAll(async () => t.close())

  it('refuses a demo login with DEMO_DISABLED', async () => {
    const res = await t.request({ method: 'POST', url: '/api/auth/demo', body: { key: 'resident' } })
    expect(res.status).toBe(403)
    expect(res.body).toEqual(errorBody('DEMO_DISABLED'))
  })

  it('lists no demo people', async () => {
    expect((await t.request({ method: 'GET', url: '/api/auth/demo-people' })).body).toEqual({
      enabled: false,
      people: [],
    })
  })

  it('answers WECHAT_UNAVAILABLE when no WeChat app is configured', async () => {
    const res = await t.request({ method: 'POST', url: '/api/auth/wechat', body: { code: 'any' } })
    expect(res.status).toBe(503)
    expect(res.body.code).toBe('WECHAT_UNAVAILABLE')
  })
})

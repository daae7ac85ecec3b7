import { randomUUID } from 'node:crypto'
import jwt from 'jsonwebtoken'
import type { DataSource } from 'typeorm'
import { ERRORS, type TokenPair } from '@xiangli/shared'
import { AuthSession } from '../../src/modules/auth/entities/auth-session.entity'
import { RefreshToken } from '../../src/modules/auth/entities/refresh-token.entity'
import { DIALECT, startTestApp, TEST_ENV, type TestApp } from '../support/app'

const errorBody = (code: keyof typeof ERRORS) => ({
  code,
  message: ERRORS[code].message,
  requestId: expect.any(String),
})

describe(`sessions on ${DIALECT}`, () => {
  let t: TestApp
  let second: TestApp

  beforeAll(async () => {
    t = await startTestApp()
    // another server instance on the same database, as behind a load balancer
    second = await startTestApp({}, { target: t.target })
  })
  afterAll(async () => {
    await second.close()
    await t.close()
  })

  const login = async (key: string, on = t): Promise<TokenPair> => {
    const res = await on.request({ method: 'POST', url: '/api/auth/demo', body: { key } })
    expect(res.status).toBe(200)
    return res.body
  }
  const refresh = (refreshToken: string) =>
    t.request({ method: 'POST', url: '/api/auth/refresh', body: { refreshToken } })
  const logout = (refreshToken: string) =>
    t.request({ method: 'POST', url: '/api/auth/logout', body: { refreshToken } })
  const me = (token: string, on = t) => on.request({ method: 'GET', url: '/api/me', token })
  const sign = (claims: Record<string, unknown>, sub: number | string) =>
    jwt.sign({ typ: 'access', ...claims }, TEST_ENV.JWT_SECRET!, {
      algorithm: 'HS256',
      subject: String(sub),
      expiresIn: 600,
    })

  describe('logging out', () => {
    it('stops the access token of that login at once, with AUTH_SESSION_ENDED', async () => {
      const pair = await login('committee')
      expect((await me(pair.accessToken)).status).toBe(200)
      expect((await logout(pair.refreshToken)).status).toBe(200)
      const after = await me(pair.accessToken)
      expect(after.status).toBe(401)
      expect(after.body).toEqual(errorBody('AUTH_SESSION_ENDED'))
    })

    it('stops it on every server instance, not only the one that logged out', async () => {
      const pair = await login('committee', second)
      expect((await me(pair.accessToken, second)).status).toBe(200)
      await logout(pair.refreshToken)
      expect((await me(pair.accessToken, second)).body).toEqual(errorBody('AUTH_SESSION_ENDED'))
    })

    it('stops the access tokens of every refresh of that login, the older ones too', async () => {
      const first = await login('secretary')
      const rotated = (await refresh(first.refreshToken)).body as TokenPair
      await logout(rotated.refreshToken)
      for (const token of [first.accessToken, rotated.accessToken])
        expect((await me(token)).body.code).toBe('AUTH_SESSION_ENDED')
    })

    it('leaves the other logins of the same person working', async () => {
      const phone = await login('resident')
      const computer = await login('resident')
      await logout(phone.refreshToken)
      expect((await me(phone.accessToken)).status).toBe(401)
      const still = await me(computer.accessToken)
      expect(still.status).toBe(200)
      expect(still.body.displayName).toBe('王秀英')
      expect((await refresh(computer.refreshToken)).status).toBe(200)
    })

    it('stops the access token on every kind of route: reads, writes and committee queues alike', async () => {
      const pair = await login('committee')
      const { body: whoami } = await me(pair.accessToken)
      const village = whoami.memberships[0].orgId
      await logout(pair.refreshToken)
      const answers = await Promise.all([
        t.request({ method: 'GET', url: `/api/villages/${village}/home`, token: pair.accessToken }),
        t.request({ method: 'POST', url: '/api/inbox/read-all', token: pair.accessToken }),
        t.request({ method: 'GET', url: `/api/villages/${village}/verifications`, token: pair.accessToken }),
      ])
      expect(answers.map((a) => [a.status, a.body.code])).toEqual([
        [401, 'AUTH_SESSION_ENDED'],
        [401, 'AUTH_SESSION_ENDED'],
        [401, 'AUTH_SESSION_ENDED'],
      ])
    })

    it('leaves a public route answering, as to someone not logged in', async () => {
      const pair = await login('resident')
      await logout(pair.refreshToken)
      const res = await t.request({ method: 'GET', url: '/api/auth/demo-people', token: pair.accessToken })
      expect(res.status).toBe(200)
    })
  })

  describe('a refresh token used twice', () => {
    it('stops every access token of that login, with AUTH_REFRESH_REUSED, and no other login', async () => {
      const stolen = await login('supervisor')
      const victim = (await refresh(stolen.refreshToken)).body as TokenPair
      const elsewhere = await login('supervisor')

      // the thief replays the old refresh token: the whole family is ended
      expect((await refresh(stolen.refreshToken)).body.code).toBe('AUTH_REFRESH_REUSED')

      for (const token of [stolen.accessToken, victim.accessToken]) {
        const res = await me(token)
        expect(res.status).toBe(401)
        expect(res.body).toEqual(errorBody('AUTH_REFRESH_REUSED'))
      }
      expect((await me(elsewhere.accessToken)).status).toBe(200)
    })

    it('keeps the reason it was ended for when the person then logs out', async () => {
      const stolen = await login('representative')
      await refresh(stolen.refreshToken)
      await refresh(stolen.refreshToken)
      await logout(stolen.refreshToken)
      expect((await me(stolen.accessToken)).body.code).toBe('AUTH_REFRESH_REUSED')
    })
  })

  describe('what an access token must name', () => {
    let accountId: number
    let sessionId: string
    beforeAll(async () => {
      const pair = await login('township')
      accountId = (await me(pair.accessToken)).body.accountId
      sessionId = (await t.ds.getRepository(AuthSession).findOneByOrFail({ accountId })).id
    })

    it('names its session in the token', async () => {
      const pair = await login('admin')
      const claims = jwt.decode(pair.accessToken) as { sid?: string; sub?: string }
      const session = await t.ds.getRepository(AuthSession).findOneByOrFail({ id: claims.sid! })
      expect(session).toMatchObject({ accountId: Number(claims.sub), endedAt: null, endReason: null })
      const family = await t.ds.getRepository(RefreshToken).findBy({ familyId: claims.sid! })
      expect(family).toHaveLength(1)
    })

    it('answers a token made before sessions (no sid) as expired, so the app refreshes into a session', async () => {
      const res = await me(sign({}, accountId))
      expect(res.status).toBe(401)
      expect(res.body).toEqual(errorBody('AUTH_TOKEN_EXPIRED'))
    })

    it('refuses a token naming a session that does not exist', async () => {
      expect((await me(sign({ sid: randomUUID() }, accountId))).body).toEqual(errorBody('AUTH_TOKEN_INVALID'))
    })

    it('refuses a token naming another person’s live session', async () => {
      const other = await login('resident')
      const otherSession = (jwt.decode(other.accessToken) as { sid: string }).sid
      expect((await me(other.accessToken)).status).toBe(200)
      const res = await me(sign({ sid: otherSession }, accountId))
      expect(res.body).toEqual(errorBody('AUTH_TOKEN_INVALID'))
    })

    it('accepts a token naming its own live session', async () => {
      expect((await me(sign({ sid: sessionId }, accountId))).status).toBe(200)
    })
  })
})

describe(`logins made before sessions existed, on ${DIALECT}`, () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp()
  })
  afterAll(async () => t.close())

  /** Undoes migrations back to before the sessions one, inserts old logins, and migrates again. */
  async function migrateOver(ds: DataSource, before: () => Promise<void>) {
    const isSessions = (name: string) => name.startsWith('SessionsAndPendingClaims')
    const executed = async () =>
      ((await ds.query('SELECT name FROM migrations')) as { name: string }[]).map((r) => r.name)
    while ((await executed()).some(isSessions)) await ds.undoLastMigration({ transaction: 'each' })
    await before()
    await ds.runMigrations({ transaction: 'each' })
  }

  it('keep working: each refresh family becomes a session, a revoked one an ended session', async () => {
    const live = (await t.request({ method: 'POST', url: '/api/auth/demo', body: { key: 'resident' } })).body
    const revoked = (await t.request({ method: 'POST', url: '/api/auth/demo', body: { key: 'committee' } }))
      .body
    await t.request({ method: 'POST', url: '/api/auth/logout', body: { refreshToken: revoked.refreshToken } })
    const families = await t.ds.getRepository(RefreshToken).find({ order: { id: 'ASC' } })

    await migrateOver(t.ds, async () => undefined)

    const sessions = await t.ds.getRepository(AuthSession).find()
    expect(sessions.map((s) => s.id).sort()).toEqual([...new Set(families.map((f) => f.familyId))].sort())
    const refreshed = await t.request({
      method: 'POST',
      url: '/api/auth/refresh',
      body: { refreshToken: live.refreshToken },
    })
    expect(refreshed.status).toBe(200)
    expect(
      (await t.request({ method: 'GET', url: '/api/me', token: refreshed.body.accessToken })).body
        .displayName,
    ).toBe('王秀英')
    const ended = (await t.request({ method: 'GET', url: '/api/me', token: revoked.accessToken })).body
    expect(ended.code).toBe('AUTH_SESSION_ENDED')
  })
})

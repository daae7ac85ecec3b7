import type { TokensService } from '../../src/core/auth/tokens.service'
import { Clock } from '../../src/core/clock/clock'
import type { AppConfig } from '../../src/core/config/config'
import type { TxService } from '../../src/core/tx/tx.service'
import type { AuthRepository, NewRefreshToken } from '../../src/modules/auth/auth.repository'
import { hashToken } from '../../src/modules/auth/auth.rules'
import type { AuthSession, SessionEndReason } from '../../src/modules/auth/entities/auth-session.entity'
import type { RefreshToken } from '../../src/modules/auth/entities/refresh-token.entity'
import { SessionEnd } from '../../src/modules/auth/use-cases/session-end'
import { SessionTokens } from '../../src/modules/auth/use-cases/session-tokens'

/** Logins and their refresh tokens kept in memory, with the database's conditional updates. */
function store() {
  const sessions = new Map<string, Pick<AuthSession, 'id' | 'accountId' | 'endedAt' | 'endReason'>>()
  const tokens: RefreshToken[] = []
  const repo = {
    insertSession: async (_m: unknown, id: string, accountId: number) =>
      void sessions.set(id, { id, accountId, endedAt: null, endReason: null }),
    insertRefreshToken: async (_m: unknown, row: NewRefreshToken) =>
      void tokens.push({ ...row, id: tokens.length + 1, createdAt: new Date() }),
    touchLogin: async () => undefined,
    refreshTokenByHash: async (hash: string) => {
      const t = tokens.find((x) => x.tokenHash === hash)
      return t ? { ...t } : null
    },
    markRotated: async (_m: unknown, id: number, at: Date) => {
      const t = tokens.find((x) => x.id === id && x.rotatedAt === null)
      if (t) t.rotatedAt = at
      return t !== undefined
    },
    endSession: async (_m: unknown, familyId: string, reason: SessionEndReason, at: Date) => {
      for (const t of tokens) if (t.familyId === familyId && t.revokedAt === null) t.revokedAt = at
      const s = sessions.get(familyId)
      if (s && s.endedAt === null) Object.assign(s, { endedAt: at, endReason: reason })
    },
  } as unknown as AuthRepository
  const tx = { run: (work: (m: unknown) => unknown) => work({}) } as unknown as TxService
  const access = {
    issueAccess: (accountId: number, sid: string) => ({ accessToken: `${accountId}:${sid}`, expiresIn: 900 }),
  } as unknown as TokensService
  const config = { REFRESH_TOKEN_TTL_DAYS: 30 } as AppConfig
  const end = new SessionEnd(repo, tx, new Clock())
  return { logins: new SessionTokens(repo, tx, access, end, config), end, sessions, tokens }
}

const sessionOf = (accessToken: string) => accessToken.split(':')[1]!

describe('a login’s refresh tokens', () => {
  it('rotate: each exchange gives a new pair in the same session', async () => {
    const { logins, sessions } = store()
    const first = await logins.start(7)
    const second = await logins.rotate(first.refreshToken)
    const third = await logins.rotate(second.refreshToken)
    expect(new Set([first, second, third].map((p) => p.refreshToken)).size).toBe(3)
    expect(new Set([first, second, third].map((p) => sessionOf(p.accessToken)))).toEqual(
      new Set([sessionOf(first.accessToken)]),
    )
    expect([...sessions.values()]).toEqual([expect.objectContaining({ accountId: 7, endedAt: null })])
  })

  it('end the session when a token already exchanged comes back, the newest token included', async () => {
    const { logins, sessions } = store()
    const p1 = await logins.start(7)
    const p2 = await logins.rotate(p1.refreshToken)
    const p3 = await logins.rotate(p2.refreshToken)

    await expect(logins.rotate(p1.refreshToken)).rejects.toMatchObject({ code: 'AUTH_REFRESH_REUSED' })
    expect(sessions.get(sessionOf(p1.accessToken))).toMatchObject({
      endedAt: expect.any(Date),
      endReason: 'reuse',
    })
    await expect(logins.rotate(p3.refreshToken)).rejects.toMatchObject({ code: 'AUTH_REFRESH_INVALID' })
  })

  it('leave another login of the same person alive when one of them is reused', async () => {
    const { logins, sessions } = store()
    const phone = await logins.start(7)
    const tablet = await logins.start(7)
    await logins.rotate(phone.refreshToken)
    await expect(logins.rotate(phone.refreshToken)).rejects.toMatchObject({ code: 'AUTH_REFRESH_REUSED' })
    expect(sessions.get(sessionOf(tablet.accessToken))).toMatchObject({ endedAt: null })
    expect((await logins.rotate(tablet.refreshToken)).refreshToken).toEqual(expect.any(String))
  })

  it('keep the reason of the first ending: a logout after a reuse does not relabel it', async () => {
    const { logins, end, sessions } = store()
    const p1 = await logins.start(7)
    await logins.rotate(p1.refreshToken)
    await expect(logins.rotate(p1.refreshToken)).rejects.toMatchObject({ code: 'AUTH_REFRESH_REUSED' })
    expect(await end.logout(p1.refreshToken)).toEqual({ ok: true })
    expect(sessions.get(sessionOf(p1.accessToken))?.endReason).toBe('reuse')
  })

  it('refuse a token after logout, one nobody issued and one that ran out, without ending anything', async () => {
    const { logins, end, sessions, tokens } = store()
    const out = await logins.start(7)
    await end.logout(out.refreshToken)
    await expect(logins.rotate(out.refreshToken)).rejects.toMatchObject({ code: 'AUTH_REFRESH_INVALID' })
    expect(sessions.get(sessionOf(out.accessToken))?.endReason).toBe('logout')

    await expect(logins.rotate('never-issued-token')).rejects.toMatchObject({ code: 'AUTH_REFRESH_INVALID' })

    const old = await logins.start(8)
    tokens.find((t) => t.tokenHash === hashToken(old.refreshToken))!.expiresAt = new Date(Date.now() - 1000)
    await expect(logins.rotate(old.refreshToken)).rejects.toMatchObject({ code: 'AUTH_REFRESH_INVALID' })
    expect(sessions.get(sessionOf(old.accessToken))).toMatchObject({ endedAt: null })
  })

  it('keep only the hash of a token', async () => {
    const { logins, tokens } = store()
    const pair = await logins.start(7)
    expect(tokens.map((t) => t.tokenHash)).toEqual([hashToken(pair.refreshToken)])
    expect(JSON.stringify(tokens)).not.toContain(pair.refreshToken)
  })
})

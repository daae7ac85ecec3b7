import { Inject, Injectable } from '@nestjs/common'
import { randomUUID } from 'node:crypto'
import type { TokenPair } from '@xiangli/shared'
import { TokensService } from '../../../core/auth/tokens.service'
import { APP_CONFIG, type AppConfig } from '../../../core/config/config'
import { AppException } from '../../../core/errors/app.exception'
import { TxService } from '../../../core/tx/tx.service'
import { AuthRepository } from '../auth.repository'
import { hashToken, isExchangeable, newRefreshToken } from '../auth.rules'
import { SessionEnd } from './session-end'

/**
 * The tokens of a login: the first pair when it starts, and a new pair for each refresh token
 * exchanged. Refresh tokens rotate in the family named by the session's id; its access tokens carry
 * the id. Token lifetimes run on the wall clock, as the access token's own expiry does: the test
 * clock moves governance time (meetings, notices), not logins.
 */
@Injectable()
export class SessionTokens {
  constructor(
    private readonly repo: AuthRepository,
    private readonly tx: TxService,
    private readonly tokens: TokensService,
    private readonly sessions: SessionEnd,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new login of the account: its session, and the first token pair of it. */
  start(accountId: number): Promise<TokenPair> {
    return this.issue(accountId, randomUUID(), true)
  }

  /**
   * Exchanges a refresh token for a new pair. Each token is good for one exchange: one presented a
   * second time was copied, so the login it belongs to ends, its access tokens included.
   */
  async rotate(refreshToken: string): Promise<TokenPair> {
    const row = await this.repo.refreshTokenByHash(hashToken(refreshToken))
    if (!isExchangeable(row, Date.now())) throw new AppException('AUTH_REFRESH_INVALID')
    const first = await this.tx.run((m) => this.repo.markRotated(m, row.id, new Date()))
    if (!first) {
      await this.sessions.end(row.familyId, 'reuse')
      throw new AppException('AUTH_REFRESH_REUSED')
    }
    return this.issue(row.accountId, row.familyId)
  }

  private async issue(accountId: number, familyId: string, isNew = false): Promise<TokenPair> {
    const refreshToken = newRefreshToken()
    const expiresAt = new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86400_000)
    await this.tx.run(async (m) => {
      if (isNew) await this.repo.insertSession(m, familyId, accountId)
      await this.repo.insertRefreshToken(m, {
        accountId,
        tokenHash: hashToken(refreshToken),
        familyId,
        expiresAt,
        rotatedAt: null,
        revokedAt: null,
      })
      await this.repo.touchLogin(m, accountId, new Date())
    })
    return { ...this.tokens.issueAccess(accountId, familyId), refreshToken }
  }
}

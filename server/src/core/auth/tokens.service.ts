import { createSecretKey, type KeyObject } from 'node:crypto'
import { Inject, Injectable } from '@nestjs/common'
import jwt from 'jsonwebtoken'
import { APP_CONFIG, type AppConfig } from '../config/config'
import { AppException } from '../errors/app.exception'

/** What a valid access token says: whose it is and which login (session) issued it. */
export interface AccessClaims {
  accountId: number
  sessionId: string
}

/** Short-lived access tokens (HS256). Refresh tokens are opaque and live in the database. */
@Injectable()
export class TokensService {
  /**
   * The secret as a key object, made once: given a string, jsonwebtoken tries to parse it as a PEM
   * public and private key on every call before treating it as a secret, which cost every
   * authenticated request about as much as its database work.
   */
  private readonly key: KeyObject

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8'))
  }

  /** An access token of one session (auth_session.id); it works while that session is live. */
  issueAccess(accountId: number, sessionId: string): { accessToken: string; expiresIn: number } {
    const expiresIn = this.config.ACCESS_TOKEN_TTL_SECONDS
    const accessToken = jwt.sign({ typ: 'access', sid: sessionId }, this.key, {
      algorithm: 'HS256',
      subject: String(accountId),
      expiresIn,
    })
    return { accessToken, expiresIn }
  }

  verifyAccess(token: string): AccessClaims {
    let payload: string | jwt.JwtPayload
    try {
      payload = jwt.verify(token, this.key, { algorithms: ['HS256'] })
    } catch (e) {
      if (e instanceof jwt.TokenExpiredError) throw new AppException('AUTH_TOKEN_EXPIRED')
      throw new AppException('AUTH_TOKEN_INVALID')
    }
    if (
      typeof payload === 'string' ||
      payload.typ !== 'access' ||
      !payload.sub ||
      !/^\d{1,10}$/.test(payload.sub)
    )
      throw new AppException('AUTH_TOKEN_INVALID')
    // Tokens signed before sessions existed name none. They are answered as expired: the app then
    // refreshes once, as it does every quarter of an hour, and gets a token of its session; a login
    // that has ended cannot come back that way, because its refresh token is refused.
    if (typeof payload.sid !== 'string' || payload.sid.length === 0 || payload.sid.length > 36)
      throw new AppException('AUTH_TOKEN_EXPIRED')
    return { accountId: Number(payload.sub), sessionId: payload.sid }
  }

  /** The account a token was signed for, without asking the database; null for any token that fails. */
  accountOf(token: string): number | null {
    try {
      return this.verifyAccess(token).accountId
    } catch {
      return null
    }
  }
}

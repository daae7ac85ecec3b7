import { createSecretKey, type KeyObject } from 'node:crypto'
import { Inject, Injectable } from '@nestjs/common'
import jwt from 'jsonwebtoken'
import { APP_CONFIG, type AppConfig } from '../config/config'
import { AppException } from '../errors/app.exception'

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

  issueAccess(accountId: number): { accessToken: string; expiresIn: number } {
    const expiresIn = this.config.ACCESS_TOKEN_TTL_SECONDS
    const accessToken = jwt.sign({ typ: 'access' }, this.key, {
      algorithm: 'HS256',
      subject: String(accountId),
      expiresIn,
    })
    return { accessToken, expiresIn }
  }

  verifyAccess(token: string): number {
    try {
      const payload = jwt.verify(token, this.key, { algorithms: ['HS256'] })
      if (typeof payload === 'string' || payload.typ !== 'access' || !payload.sub)
        throw new AppException('AUTH_TOKEN_INVALID')
      return Number(payload.sub)
    } catch (e) {
      if (e instanceof AppException) throw e
      if (e instanceof jwt.TokenExpiredError) throw new AppException('AUTH_TOKEN_EXPIRED')
      throw new AppException('AUTH_TOKEN_INVALID')
    }
  }
}

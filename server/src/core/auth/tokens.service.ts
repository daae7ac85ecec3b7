import { Inject, Injectable } from '@nestjs/common'
import jwt from 'jsonwebtoken'
import { APP_CONFIG, type AppConfig } from '../config/config'
import { AppException } from '../errors/app.exception'

/** Short-lived access tokens (HS256). Refresh tokens are opaque and live in the database. */
@Injectable()
export class TokensService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  issueAccess(accountId: number): { accessToken: string; expiresIn: number } {
    const expiresIn = this.config.ACCESS_TOKEN_TTL_SECONDS
    const accessToken = jwt.sign({ typ: 'access' }, this.config.JWT_SECRET, {
      algorithm: 'HS256',
      subject: String(accountId),
      expiresIn,
    })
    return { accessToken, expiresIn }
  }

  verifyAccess(token: string): number {
    try {
      const payload = jwt.verify(token, this.config.JWT_SECRET, { algorithms: ['HS256'] })
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

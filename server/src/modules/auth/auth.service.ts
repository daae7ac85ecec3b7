import { Injectable } from '@nestjs/common'
import type { TokenPair } from '@xiangli/shared'
import { SessionTokens } from './use-cases/session-tokens'

export { DEFAULT_PREFERENCES } from './auth.rules'

/** What code outside the login routes may ask of the auth module: a login made for an account (demo data, benches). */
@Injectable()
export class AuthService {
  constructor(private readonly sessions: SessionTokens) {}

  /** A new login of the account: its session, and the first token pair of it. */
  startSession(accountId: number): Promise<TokenPair> {
    return this.sessions.start(accountId)
  }
}

import { Injectable } from '@nestjs/common'
import type { Ok } from '@xiangli/shared'
import { Clock } from '../../../core/clock/clock'
import { TxService } from '../../../core/tx/tx.service'
import { AuthRepository } from '../auth.repository'
import { hashToken } from '../auth.rules'
import type { SessionEndReason } from '../entities/auth-session.entity'

/** Ending a login: the person logs out, or its refresh token turned up twice. */
@Injectable()
export class SessionEnd {
  constructor(
    private readonly repo: AuthRepository,
    private readonly tx: TxService,
    private readonly clock: Clock,
  ) {}

  /** A token it does not know is answered ok too, so a stale app can always log out. */
  async logout(refreshToken: string): Promise<Ok> {
    const row = await this.repo.refreshTokenByHash(hashToken(refreshToken))
    if (row) await this.end(row.familyId, 'logout')
    return { ok: true }
  }

  /**
   * Ends a login: its refresh tokens are revoked and its session is marked ended, which the principal
   * query reads on every request, so its access tokens stop working at once too.
   */
  async end(familyId: string, reason: SessionEndReason): Promise<void> {
    await this.tx.run((m) => this.repo.endSession(m, familyId, reason, this.clock.now()))
  }
}

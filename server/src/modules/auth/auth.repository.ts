import { Injectable } from '@nestjs/common'
import { DataSource, EntityNotFoundError, In, IsNull, Not, type EntityManager } from 'typeorm'
import type { Preferences } from '@xiangli/shared'
import { INSERT_CHUNK } from '../../core/database/insert-many'
import { Account } from './entities/account.entity'
import { AuthSession, type SessionEndReason } from './entities/auth-session.entity'
import { RefreshToken } from './entities/refresh-token.entity'

export type NewAccount = Omit<Account, 'id' | 'createdAt'>
export type NewRefreshToken = Omit<RefreshToken, 'id' | 'createdAt'>

/** Every query of accounts, logins (sessions) and their refresh tokens. */
@Injectable()
export class AuthRepository {
  constructor(private readonly ds: DataSource) {}

  // ---------- accounts ----------

  /** The account of a logged-in caller, which exists. */
  accountOf(id: number, m: EntityManager = this.ds.manager): Promise<Account> {
    return m.getRepository(Account).findOneByOrFail({ id })
  }

  /** The name an account shows and its preferences, in one plain statement: every GET /api/me reads it. */
  async profileOf(id: number): Promise<Pick<Account, 'displayName' | 'preferences'>> {
    const [row] = (await this.ds.query('SELECT displayName, preferences FROM account WHERE id = ?', [
      id,
    ])) as {
      displayName: string
      preferences: string
    }[]
    if (!row) throw new EntityNotFoundError(Account, { id })
    // a simple-json column: text on both databases
    return { displayName: row.displayName, preferences: JSON.parse(row.preferences) as Preferences }
  }

  accountByOpenid(openid: string): Promise<Account | null> {
    return this.ds.getRepository(Account).findOneBy({ openid })
  }

  accountByDemoKey(demoKey: string): Promise<Account | null> {
    return this.ds.getRepository(Account).findOneBy({ demoKey })
  }

  /** The demo people, in the order they were made. */
  demoAccounts(): Promise<Account[]> {
    return this.ds.getRepository(Account).find({ where: { demoKey: Not(IsNull()) }, order: { id: 'ASC' } })
  }

  /** A new account; a second one for the same openid is a unique violation. */
  insertAccount(m: EntityManager, row: NewAccount): Promise<Account> {
    return m.getRepository(Account).save(row)
  }

  /** The display names of these accounts, by id in ascending order. */
  async names(ids: number[], m: EntityManager = this.ds.manager): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map()
    const rows = await m
      .getRepository(Account)
      .find({ where: { id: In(ids) }, select: ['id', 'displayName'], order: { id: 'ASC' } })
    return new Map(rows.map((a) => [a.id, a.displayName]))
  }

  /** The WeChat openids of those of these accounts that came from WeChat; many ids are read in chunks. */
  async openids(ids: number[], m: EntityManager): Promise<{ id: number; openid: string }[]> {
    const found: { id: number; openid: string }[] = []
    for (let i = 0; i < ids.length; i += INSERT_CHUNK) {
      const rows = await m
        .getRepository(Account)
        .find({ where: { id: In(ids.slice(i, i + INSERT_CHUNK)) }, select: ['id', 'openid'] })
      for (const a of rows) if (a.openid) found.push({ id: a.id, openid: a.openid })
    }
    return found
  }

  async savePreferences(m: EntityManager, id: number, preferences: Preferences): Promise<void> {
    await m.getRepository(Account).update({ id }, { preferences })
  }

  async touchLogin(m: EntityManager, id: number, at: Date): Promise<void> {
    await m.getRepository(Account).update({ id }, { lastLoginAt: at })
  }

  // ---------- sessions and refresh tokens ----------

  async insertSession(m: EntityManager, id: string, accountId: number): Promise<void> {
    await m.getRepository(AuthSession).insert({ id, accountId, endedAt: null, endReason: null })
  }

  async insertRefreshToken(m: EntityManager, row: NewRefreshToken): Promise<void> {
    await m.getRepository(RefreshToken).insert(row)
  }

  refreshTokenByHash(tokenHash: string): Promise<RefreshToken | null> {
    return this.ds.getRepository(RefreshToken).findOneBy({ tokenHash })
  }

  /** Marks the token exchanged, only if nobody did before: false when it had been used already. */
  async markRotated(m: EntityManager, id: number, at: Date): Promise<boolean> {
    const r = await m.getRepository(RefreshToken).update({ id, rotatedAt: IsNull() }, { rotatedAt: at })
    return Boolean(r.affected)
  }

  /**
   * Revokes the family's live refresh tokens and marks its session ended. The first reason stays:
   * a session ended for reuse is not relabelled by a later logout.
   */
  async endSession(m: EntityManager, familyId: string, reason: SessionEndReason, at: Date): Promise<void> {
    await m.getRepository(RefreshToken).update({ familyId, revokedAt: IsNull() }, { revokedAt: at })
    await m
      .getRepository(AuthSession)
      .update({ id: familyId, endedAt: IsNull() }, { endedAt: at, endReason: reason })
  }
}

import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import type { Preferences } from '@xiangli/shared'
import { AuthRepository } from './auth.repository'
import { DEFAULT_PREFERENCES } from './auth.rules'

/** What other modules may read and change of an account; the auth module's public face for accounts. */
@Injectable()
export class AccountsDirectory {
  constructor(private readonly repo: AuthRepository) {}

  /** The display names of these accounts (those that exist), in ascending order of id. */
  names(ids: number[], m?: EntityManager): Promise<Map<number, string>> {
    return this.repo.names(ids, m)
  }

  /** The display name of one account, or null when there is no such account. */
  async displayName(id: number, m?: EntityManager): Promise<string | null> {
    return (await this.repo.names([id], m)).get(id) ?? null
  }

  /** A logged-in caller's own account: the name it shows and its preferences as stored. */
  async account(id: number, m?: EntityManager): Promise<{ displayName: string; preferences: Preferences }> {
    // outside a transaction (GET /api/me), the plain statement; inside one, the entity as it is there
    const a = m ? await this.repo.accountOf(id, m) : await this.repo.profileOf(id)
    return { displayName: a.displayName, preferences: a.preferences }
  }

  /**
   * For the demo seeder: an account that never logged in, with the default preferences; a demo key
   * lets the demo log in as it. Returns its id.
   */
  async seedDemoAccount(m: EntityManager, displayName: string, demoKey: string | null): Promise<number> {
    const a = await this.repo.insertAccount(m, {
      openid: null,
      demoKey,
      displayName,
      preferences: DEFAULT_PREFERENCES,
      lastLoginAt: null,
    })
    return a.id
  }

  async savePreferences(m: EntityManager, id: number, preferences: Preferences): Promise<void> {
    await this.repo.savePreferences(m, id, preferences)
  }

  /** The WeChat openids of those of these accounts that came from WeChat, read in the caller's transaction. */
  openids(ids: number[], m: EntityManager): Promise<{ id: number; openid: string }[]> {
    return this.repo.openids(ids, m)
  }
}

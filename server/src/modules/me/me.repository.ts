import { Injectable } from '@nestjs/common'
import { DataSource, type EntityManager } from 'typeorm'
import type { Preferences } from '@xiangli/shared'
// The account row belongs to the auth module, which offers no service to read it yet; this is the
// one place outside auth that touches it, and it goes once auth exports one.
// eslint-disable-next-line no-restricted-imports
import { Account } from '../auth/entities/account.entity'

/** What the profile reads and writes of the caller's own account: the name shown and the preferences. */
@Injectable()
export class MeRepository {
  constructor(private readonly ds: DataSource) {}

  async account(
    accountId: number,
    m: EntityManager = this.ds.manager,
  ): Promise<{ displayName: string; preferences: Preferences }> {
    const a = await m.getRepository(Account).findOneByOrFail({ id: accountId })
    return { displayName: a.displayName, preferences: a.preferences }
  }

  async savePreferences(m: EntityManager, accountId: number, preferences: Preferences): Promise<void> {
    await m.getRepository(Account).update({ id: accountId }, { preferences })
  }
}

import { randomUUID } from 'node:crypto'
import { insertMany } from '../../src/core/database/insert-many'
import { AuthSession } from '../../src/modules/auth/entities/auth-session.entity'
import { idNumberCheckChar, maskIdNumber } from '@xiangli/shared'
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm'
import { TokensService } from '../../src/core/auth/tokens.service'
import { FieldCrypto } from '../../src/core/crypto/field-crypto.service'
import { DEFAULT_PREFERENCES } from '../../src/modules/auth/auth.service'
import { Account } from '../../src/modules/auth/entities/account.entity'
import { Household } from '../../src/modules/roster/entities/household.entity'
import { Resident } from '../../src/modules/roster/entities/resident.entity'
import type { TestApp } from './app'

const DAY = 86_400_000
/** rows per INSERT: well inside SQLite's limits on bound variables and expression depth */
const CHUNK = 400

let batches = 0

export interface GrownMember {
  residentId: number
  accountId: number | null
}

async function insertRows(
  ds: DataSource,
  entity: EntityTarget<ObjectLiteral>,
  rows: ObjectLiteral[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK)
    await ds
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(i, i + CHUNK))
      .updateEntity(false)
      .execute()
}

/**
 * Grows a village by `adults` registered adults, four to a household, the first `accounts` of them
 * with an app account (with a WeChat openid when `openids`). Set-up for tests of a large village:
 * straight inserts, the way the roster import stores people, without going through the API.
 */
export async function growVillage(
  t: Pick<TestApp, 'ds' | 'app'>,
  o: { villageId: number; adults: number; accounts: number; openids?: boolean },
): Promise<GrownMember[]> {
  const tag = `G${++batches}${process.pid % 1000}`
  // a birth year of 1950-1963 and an area code of its own per batch keep every ID number unique
  const area = `1201${String(batches % 100).padStart(2, '0')}`
  const crypto = t.app.get(FieldCrypto)
  await insertRows(
    t.ds,
    Household,
    Array.from({ length: Math.ceil(o.adults / 4) }, (_, h) => ({
      villageId: o.villageId,
      code: `${tag}-${h}`,
      address: null,
      groupId: null,
      headResidentId: null,
    })),
  )
  const households = new Map<string, number>(
    (
      (await t.ds.query('SELECT id, code FROM household WHERE villageId = ? AND code LIKE ?', [
        o.villageId,
        `${tag}-%`,
      ])) as { id: number | string; code: string }[]
    ).map((h) => [h.code, Number(h.id)]),
  )
  await insertRows(
    t.ds,
    Account,
    Array.from({ length: o.accounts }, (_, k) => ({
      openid: o.openids ? `openid-${tag}-${k}` : null,
      demoKey: null,
      displayName: `${tag}-${k}`,
      preferences: DEFAULT_PREFERENCES,
      lastLoginAt: null,
    })),
  )
  const accounts = new Map<string, number>(
    (
      (await t.ds.query('SELECT id, displayName FROM account WHERE displayName LIKE ?', [`${tag}-%`])) as {
        id: number | string
        displayName: string
      }[]
    ).map((a) => [a.displayName, Number(a.id)]),
  )
  await insertRows(
    t.ds,
    Resident,
    Array.from({ length: o.adults }, (_, k) => {
      const birth = new Date(Date.UTC(1950, 0, 1) + k * DAY).toISOString().slice(0, 10)
      const first17 = `${area}${birth.replace(/-/g, '')}${String((k % 500) * 2).padStart(3, '0')}`
      const id = first17 + idNumberCheckChar(first17)
      return {
        villageId: o.villageId,
        householdId: households.get(`${tag}-${Math.floor(k / 4)}`)!,
        name: `村民${k}`,
        sex: 'female' as const,
        birthDate: birth,
        idNumberEnc: crypto.encrypt(id),
        idNumberHash: crypto.blindIndex(id),
        idNumberMasked: maskIdNumber(id),
        phoneEnc: null,
        phoneHash: null,
        phoneMasked: null,
        isHouseholdHead: k % 4 === 0,
        isHouseholdRep: k % 4 === 0,
        residency: 'registered' as const,
        accountId: accounts.get(`${tag}-${k}`) ?? null,
      }
    }),
  )
  const accountIds = [...accounts.values()]
  const rows = (await t.ds.query(
    `SELECT r.id, r.accountId FROM resident r JOIN household h ON h.id = r.householdId
      WHERE h.villageId = ? AND h.code LIKE ? ORDER BY r.id`,
    [o.villageId, `${tag}-%`],
  )) as { id: number | string; accountId: number | string | null }[]
  if (rows.filter((r) => r.accountId !== null).length !== accountIds.length)
    throw new Error('growVillage: not every account found its resident')
  return rows.map((r) => ({
    residentId: Number(r.id),
    accountId: r.accountId === null ? null : Number(r.accountId),
  }))
}

/**
 * Access tokens for accounts, each in a session of its own (as after a login), signed the way the
 * server signs them; the sessions go in with a few multi-row inserts, for thousands of voters.
 */
export async function tokensFor(t: Pick<TestApp, 'app' | 'ds'>, accountIds: number[]): Promise<string[]> {
  const tokens = t.app.get(TokensService)
  const sessions = accountIds.map((accountId) => ({
    id: randomUUID(),
    accountId,
    endedAt: null,
    endReason: null,
  }))
  await t.ds.transaction((m) => insertMany(m, AuthSession, sessions))
  return sessions.map((s) => tokens.issueAccess(s.accountId, s.id).accessToken)
}

/** Access tokens for members of a meeting, linking a new account to each roster row that has none. */
export async function memberTokens(
  t: Pick<TestApp, 'app' | 'ds'>,
  members: { residentId: number }[],
): Promise<string[]> {
  const tokens: string[] = []
  for (const m of members) {
    const r = await t.ds.getRepository(Resident).findOneByOrFail({ id: m.residentId })
    let accountId = r.accountId
    if (accountId === null) {
      const account = await t.ds.getRepository(Account).save({
        openid: null,
        demoKey: null,
        displayName: r.name,
        preferences: DEFAULT_PREFERENCES,
        lastLoginAt: null,
      })
      accountId = account.id
      await t.ds.getRepository(Resident).update({ id: r.id }, { accountId })
    }
    tokens.push(...(await tokensFor(t, [accountId])))
  }
  return tokens
}

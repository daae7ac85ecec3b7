import { ID_NUMBER_CONSENT, idNumberCheckChar, maskIdNumber, type Sex } from '@xiangli/shared'
import { FieldCrypto } from '../../src/core/crypto/field-crypto.service'
import { AuthService, DEFAULT_PREFERENCES } from '../../src/modules/auth/auth.service'
import { Account } from '../../src/modules/auth/entities/account.entity'
import { Household } from '../../src/modules/roster/entities/household.entity'
import { Resident } from '../../src/modules/roster/entities/resident.entity'
import type { TestApp } from './app'

let counter = 0
const next = () => ++counter

/**
 * A valid ID number. Area 110101 keeps it apart from the demo data (330106); the sequence makes it
 * unique within a test run; the 17th digit follows the sex.
 */
export function idNumber(o: { area?: string; birth?: string; sex?: Sex; n?: number } = {}): string {
  const n = o.n ?? next()
  const birth = o.birth ?? birthFor(n)
  const seq = ((n % 500) * 2 + (o.sex === 'female' ? 0 : 1)) % 1000
  const first17 = `${o.area ?? '110101'}${birth}${String(seq).padStart(3, '0')}`
  return first17 + idNumberCheckChar(first17)
}

/** A distinct birth date (YYYYMMDD) for each n: n days after 1 January 1950. */
export function birthFor(n: number): string {
  return new Date(Date.UTC(1950, 0, 1) + n * 86400_000).toISOString().slice(0, 10).replace(/-/g, '')
}

export const phoneFor = (n: number): string => `137${String(n).padStart(8, '0')}`

/** An account that is not on any roster, with a valid access token. */
export async function addAccount(
  t: TestApp,
  o: { displayName?: string; openid?: string | null } = {},
): Promise<{ id: number; token: string }> {
  const account = await t.ds.getRepository(Account).save({
    openid: o.openid ?? null,
    demoKey: null,
    displayName: o.displayName ?? `测试用户${next()}`,
    preferences: DEFAULT_PREFERENCES,
    lastLoginAt: null,
  })
  return { id: account.id, token: await tokenFor(t, account.id) }
}

/** An access token of a new login (session) of the account, the way a login makes one. */
export async function tokenFor(t: TestApp, accountId: number): Promise<string> {
  return (await t.app.get(AuthService).startSession(accountId)).accessToken
}

/** A roster row (and its household when it is new), stored the way the importer stores it. */
export async function addResident(
  t: TestApp,
  o: {
    villageId: number
    name?: string
    sex?: Sex
    idNumber?: string
    phone?: string | null
    householdCode?: string
    accountId?: number | null
  },
): Promise<Resident & { plainIdNumber: string; plainPhone: string | null }> {
  const sex = o.sex ?? 'female'
  const id = o.idNumber ?? idNumber({ sex })
  const crypto = t.app.get(FieldCrypto)
  const phone = o.phone === undefined ? phoneFor(next()) : o.phone
  const code = o.householdCode ?? `T${next()}`
  const households = t.ds.getRepository(Household)
  const household =
    (await households.findOneBy({ villageId: o.villageId, code })) ??
    (await households.save({
      villageId: o.villageId,
      code,
      address: null,
      groupId: null,
      headResidentId: null,
    }))
  const resident = await t.ds.getRepository(Resident).save({
    villageId: o.villageId,
    householdId: household.id,
    name: o.name ?? `测试居民${next()}`,
    sex,
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    idNumberEnc: crypto.encrypt(id),
    idNumberHash: crypto.blindIndex(id),
    idNumberMasked: maskIdNumber(id),
    ...crypto.sealPhone(phone),
    isHouseholdHead: false,
    isHouseholdRep: false,
    residency: 'registered',
    accountId: o.accountId ?? null,
  })
  return Object.assign(resident, { plainIdNumber: id, plainPhone: phone })
}

/** A roster row by name, for tests that must type its phone number exactly (decrypted). */
export async function residentByName(t: TestApp, name: string): Promise<Resident & { plainPhone: string }> {
  const r = await t.ds.getRepository(Resident).findOneByOrFail({ name })
  return Object.assign(r, { plainPhone: t.app.get(FieldCrypto).decrypt(r.phoneEnc!) })
}

/** What 实名认证 asks right before the ID number is typed: without it the server takes no ID number. */
export async function agreeToIdNumber(t: TestApp, token: string): Promise<void> {
  const r = await t.request({
    method: 'POST',
    url: '/api/me/privacy/consents',
    token,
    body: { kind: 'id_number', version: ID_NUMBER_CONSENT.version },
  })
  if (r.status !== 200) throw new Error(`consent refused: ${r.status} ${JSON.stringify(r.body)}`)
}

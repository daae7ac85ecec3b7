import { DataSource } from 'typeorm'
import { FieldCrypto } from '../../src/core/crypto/field-crypto.service'
import { dataSourceOptions, type DatabaseTarget } from '../../src/core/database/data-source'
import { freshDatabase } from '../../src/core/database/test-databases'
import { ENTITIES } from '../../src/entities'
import { MYSQL_MIGRATIONS } from '../../src/migrations/mysql'
import { SQLITE_MIGRATIONS } from '../../src/migrations/sqlite'
import { DIALECT, startTestApp, type TestApp } from '../support/app'

/** The migrations of a database as it stood before phones were encrypted. */
function before(): Function[] {
  const all = DIALECT === 'mysql' ? MYSQL_MIGRATIONS : SQLITE_MIGRATIONS
  const first = all.findIndex((m) => m.name.startsWith('EncryptedPhones'))
  expect(first).toBeGreaterThan(0)
  return all.slice(0, first)
}

/**
 * A deployment upgraded from the version that stored phones in plain text: the migrations keep
 * every number, and the server encrypts them all as it starts, before it answers anyone.
 */
describe(`upgrading a ${DIALECT} database with plain-text phones`, () => {
  let target: DatabaseTarget
  let drop: () => Promise<void>
  let t: TestApp
  const query = (sql: string) => t.ds.query(sql)

  beforeAll(async () => {
    ;({ target, drop } = await freshDatabase(DIALECT))
    const old = new DataSource({ ...dataSourceOptions(target, ENTITIES), migrations: before() })
    await old.initialize()
    try {
      await old.runMigrations()
      // rows as the old version wrote them
      await old.query(
        `INSERT INTO resident (id, villageId, householdId, name, sex, birthDate, idNumberEnc, idNumberHash,
           idNumberMasked, phone, isHouseholdHead, isHouseholdRep, residency, accountId)
         VALUES (1, 7, 1, '老甲', 'female', '1970-01-01', 'v1:x', 'h1', '3301**********1234', '13912340001', 0, 0, 'registered', NULL),
                (2, 7, 1, '老乙', 'male', '1971-01-01', 'v1:y', 'h2', '3301**********5678', NULL, 0, 0, 'registered', NULL)`,
      )
      await old.query(
        `INSERT INTO verification_request (id, accountId, villageId, residentId, pendingResidentId, name,
           idNumberEnc, idNumberMasked, phone, state)
         VALUES (1, 5, 7, 1, 1, '老甲', 'v1:x', '3301**********1234', '13912340002', 'pending')`,
      )
      await old.query(
        `INSERT INTO certificate_request (id, villageId, applicantAccountId, applicantResidentId, applicantName,
           applicantPhone, itemCode, itemName, timeLimitDays, purpose, fieldsEnc, materialIds, copies, state)
         VALUES (1, 7, 5, 1, '老甲', '13912340003', 'residence', '居住证明', 5, '办事', 'v1:z', '[]', 1, 'submitted')`,
      )
    } finally {
      await old.destroy()
    }
    t = await startTestApp({ DEMO_ENABLED: 'false' }, { target })
  }, 120_000)

  afterAll(async () => {
    await t?.close()
    await drop()
  })

  it('keeps every roster phone, encrypted, hashed and masked, with no plain copy left', async () => {
    const crypto = t.app.get(FieldCrypto)
    const rows: {
      id: number
      phone: string | null
      phoneEnc: string | null
      phoneHash: string | null
      phoneMasked: string | null
    }[] = await query('SELECT id, phone, phoneEnc, phoneHash, phoneMasked FROM resident ORDER BY id')
    expect(
      rows.map((r) => ({ ...r, id: Number(r.id), phoneEnc: r.phoneEnc && crypto.decrypt(r.phoneEnc) })),
    ).toEqual([
      {
        id: 1,
        phone: null,
        phoneEnc: '13912340001',
        phoneHash: crypto.phoneIndex('13912340001'),
        phoneMasked: '139****0001',
      },
      { id: 2, phone: null, phoneEnc: null, phoneHash: null, phoneMasked: null },
    ])
  })

  it('keeps the phones of claims and certificate requests, encrypted', async () => {
    const crypto = t.app.get(FieldCrypto)
    const [claim]: { phone: string | null; phoneEnc: string; phoneMasked: string }[] = await query(
      'SELECT phone, phoneEnc, phoneMasked FROM verification_request',
    )
    expect({ ...claim, phoneEnc: crypto.decrypt(claim!.phoneEnc) }).toEqual({
      phone: null,
      phoneEnc: '13912340002',
      phoneMasked: '139****0002',
    })
    const [request]: { applicantPhone: string | null; applicantPhoneEnc: string }[] = await query(
      'SELECT applicantPhone, applicantPhoneEnc FROM certificate_request',
    )
    expect(request!.applicantPhone).toBeNull()
    expect(crypto.decrypt(request!.applicantPhoneEnc)).toBe('13912340003')
  })
})

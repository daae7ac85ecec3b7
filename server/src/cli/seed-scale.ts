/**
 * pnpm seed:scale: grows a MariaDB/MySQL database that already holds the demo (the server ran on it
 * once with DEMO_ENABLED) to a township of many villages, straight through multi-row INSERTs.
 *   --villages 1000 --residents 1000000            villages added under 柳林镇, residents spread over them
 *   --heavy-issues 100000 --heavy-notices 20000 --heavy-residents 20000
 *                                                  added to the demo's own 柳林村, whose people log in
 * Issues are ~1.1 per resident and notices ~0.5, as in a village that has used the app for two
 * years. Rows are what the app writes: ID numbers and phones sealed with FIELD_ENCRYPTION_KEY (the
 * server's), notice versions with their content hash and their `notice.version_published` entry on
 * the village's own audit chain, so the integrity check accepts them; the township's statistics of
 * 村民说事 (grievance_month_stat) counted afresh at the end, as the app keeps them.
 * Run: MYSQL_URL=… FIELD_ENCRYPTION_KEY=… node server/dist/cli/seed-scale.js [args]
 */
import 'reflect-metadata'
import { parseArgs } from 'node:util'
import { createPool, type Pool } from 'mysql2/promise'
import { idNumberCheckChar, maskIdNumber } from '@xiangli/shared'
import { decodeKey, type AppConfig } from '../core/config/config'
import { FieldCrypto } from '../core/crypto/field-crypto.service'
import { recountMonthStatsSql } from '../modules/grievances/grievance-stats.repository'
import { insertRows, scaleIssues, scaleNotices, type Chain } from './seed-scale-rows'

const { values: a } = parseArgs({
  options: {
    villages: { type: 'string', default: '20' },
    residents: { type: 'string', default: '20000' },
    'heavy-issues': { type: 'string', default: '5000' },
    'heavy-notices': { type: 'string', default: '1000' },
    'heavy-residents': { type: 'string', default: '2000' },
  },
})
const VILLAGES = Number(a.villages)
const RESIDENTS = Number(a.residents)
const HEAVY = {
  issues: Number(a['heavy-issues']),
  notices: Number(a['heavy-notices']),
  residents: Number(a['heavy-residents']),
}
const MYSQL_URL = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test'
const key = decodeKey(process.env.FIELD_ENCRYPTION_KEY ?? '')
if (!key) throw new Error('FIELD_ENCRYPTION_KEY (the server’s) is needed to seal ID numbers and phones')
const crypto = new FieldCrypto({ fieldKey: key } as AppConfig)
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗'
const GIVEN = ['秀英', '建国', '桂芳', '明', '丽', '强', '军', '红梅', '志刚', '海燕', '德福', '春兰']
const pick = <T>(xs: readonly T[] | string, i: number): T => xs[i % xs.length] as T

/** Households of about three people and their residents, in one village. */
async function seedPeople(pool: Pool, villageId: number, code: string, people: number): Promise<number[]> {
  // ID numbers stay unique within a village up to 21,000 people (birth dates cycle 420, sequence 1,000)
  if (people > 21_000) throw new Error('at most 21,000 residents in one village')
  const households = Math.max(1, Math.ceil(people / 3))
  const [existing] = (await pool.query('SELECT COUNT(*) n FROM household WHERE villageId = ?', [
    villageId,
  ])) as unknown as [{ n: number }[]]
  const offset = Number(existing[0]!.n) + 1000
  const hh = Array.from({ length: households }, (_, i) => [
    villageId,
    null,
    `S${String(offset + i).padStart(6, '0')}`,
    `${pick(['一组', '二组', '三组', '四组'], i)} ${i + 1} 号`,
  ])
  const hhIds = await insertRows(pool, 'household', ['villageId', 'groupId', 'code', 'address'], hh)
  const residents = Array.from({ length: people }, (_, i) => {
    const year = 1940 + (i % 70)
    const birth = `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`
    const first17 = `${code.slice(0, 6)}${birth.replace(/-/g, '')}${String(i % 1000).padStart(3, '0')}`
    const idNumber = first17 + idNumberCheckChar(first17)
    const phone = `13${String(villageId % 10)}${String(i).padStart(8, '0')}`
    const sealed = crypto.sealPhone(phone)
    return [
      villageId,
      hhIds[Math.floor(i / 3)],
      pick(SURNAMES, i * 7 + villageId) + pick(GIVEN, i),
      i % 2 ? 'female' : 'male',
      birth,
      crypto.encrypt(idNumber),
      crypto.blindIndex(idNumber),
      maskIdNumber(idNumber),
      i % 3 === 0 ? 1 : 0,
      i % 3 === 0 ? 1 : 0,
      i % 9 === 0 ? 'non_registered' : 'registered',
      sealed.phoneEnc,
      sealed.phoneHash,
      sealed.phoneMasked,
    ]
  })
  return insertRows(
    pool,
    'resident',
    [
      'villageId',
      'householdId',
      'name',
      'sex',
      'birthDate',
      'idNumberEnc',
      'idNumberHash',
      'idNumberMasked',
      'isHouseholdHead',
      'isHouseholdRep',
      'residency',
      'phoneEnc',
      'phoneHash',
      'phoneMasked',
    ],
    residents,
  )
}

async function chainOf(pool: Pool, villageId: number): Promise<Chain> {
  const [rows] = (await pool.query('SELECT lastSeq, lastHash FROM audit_head WHERE id = ?', [
    villageId,
  ])) as unknown as [{ lastSeq: number; lastHash: string }[]]
  if (rows[0]) return { id: villageId, link: rows[0].lastSeq, hash: rows[0].lastHash, fresh: false }
  return { id: villageId, link: 0, hash: '0'.repeat(64), fresh: true }
}

async function saveChain(pool: Pool, c: Chain): Promise<void> {
  if (c.fresh)
    await pool.query('INSERT INTO audit_head (id, lastSeq, lastHash) VALUES (?, ?, ?)', [
      c.id,
      c.link,
      c.hash,
    ])
  else
    await pool.query('UPDATE audit_head SET lastSeq = ?, lastHash = ? WHERE id = ?', [c.link, c.hash, c.id])
}

async function seedVillage(
  pool: Pool,
  village: { id: number; code: string },
  size: { residents: number; issues: number; notices: number },
  readerAccountId: number | null,
): Promise<void> {
  const people = await seedPeople(pool, village.id, village.code, size.residents)
  await scaleIssues(pool, village.id, people, size.issues)
  const chain = await chainOf(pool, village.id)
  await scaleNotices(pool, village.id, chain, size.notices, readerAccountId)
  await saveChain(pool, chain)
}

async function main(): Promise<void> {
  const pool = createPool({ uri: MYSQL_URL, connectionLimit: 4, timezone: 'Z' })
  const started = Date.now()
  try {
    const [[township]] = (await pool.query(
      "SELECT id, code FROM org WHERE kind = 'township' ORDER BY id LIMIT 1",
    )) as unknown as [{ id: number; code: string }[]]
    const [[demo]] = (await pool.query(
      "SELECT id, code, settings FROM org WHERE kind = 'village' AND parentId = ? ORDER BY id LIMIT 1",
      [township!.id],
    )) as unknown as [{ id: number; code: string; settings: string }[]]
    if (!township || !demo) throw new Error('run the server on this database with DEMO_ENABLED first')
    const [[resident]] = (await pool.query(
      "SELECT id FROM account WHERE demoKey = 'resident'",
    )) as unknown as [{ id: number }[]]
    await seedVillage(pool, demo, HEAVY, resident?.id ?? null)
    console.log(`柳林村: +${HEAVY.residents} residents, +${HEAVY.issues} issues, +${HEAVY.notices} notices`)
    const perVillage = Math.max(3, Math.round(RESIDENTS / Math.max(1, VILLAGES)))
    const [[max]] = (await pool.query("SELECT COUNT(*) n FROM org WHERE code LIKE 'S%'")) as unknown as [
      { n: number }[],
    ]
    const base = Number(max!.n)
    let next = 0
    let done = 0
    // three villages at a time: the database takes the inserts of one while the next is prepared
    const worker = async () => {
      for (let v = next++; v < VILLAGES; v = next++) {
        const n = base + v
        const code = `S${township.code}${String(n).padStart(5, '0')}`
        const [res] = (await pool.query(
          "INSERT INTO org (kind, name, code, parentId, settings, createdAt) VALUES ('village', ?, ?, ?, ?, ?)",
          [
            `${pick(SURNAMES, n)}${pick(['家庄', '家村', '湾村', '岭村', '坪村'], n)}${n}`,
            code,
            township.id,
            demo.settings,
            new Date(Date.now() - 730 * 86_400_000),
          ],
        )) as unknown as [{ insertId: number }]
        await seedVillage(
          pool,
          { id: res.insertId, code: `${township.code}${String(n % 1000).padStart(3, '0')}` },
          {
            residents: perVillage,
            issues: Math.round(perVillage * 1.1),
            notices: Math.round(perVillage * 0.5),
          },
          null,
        )
        if (++done % 50 === 0 || done === VILLAGES)
          console.log(`${done}/${VILLAGES} villages (${Math.round((Date.now() - started) / 1000)} s)`)
      }
    }
    await Promise.all([worker(), worker(), worker()])
    // the township's statistics of 村民说事 as the app would have kept them for the issues inserted here
    await pool.query('DELETE FROM grievance_month_stat')
    await pool.query(recountMonthStatsSql('mysql'))
    await pool.query(
      'ANALYZE TABLE grievance, grievance_month_stat, public_notice, notice_version, resident, household, audit_entry',
    )
    console.log(`seeded in ${Math.round((Date.now() - started) / 1000)} s`)
  } finally {
    await pool.end()
  }
}

void main().catch((e) => {
  console.error(e)
  process.exit(1)
})

import { randomUUID } from 'node:crypto'
import { DataSource } from 'typeorm'
import { Clock } from '../../src/core/clock/clock'
import { loadConfig } from '../../src/core/config/config'
import { FieldCrypto } from '../../src/core/crypto/field-crypto.service'
import { dataSourceOptions, type DatabaseTarget } from '../../src/core/database/data-source'
import { freshDatabase } from '../../src/core/database/test-databases'
import { ENTITIES } from '../../src/entities'
import { DIALECT, TEST_ENV, startTestApp, villageIds } from '../support/app'
import {
  bodyTraces,
  changedTables,
  leaves,
  rowsOf,
  snapshot,
  sortsByChoice,
  tableNames,
  text,
  type Row,
} from '../support/secrecy-scan'
import { ensureServerBuilt, spawnServer, type SpawnedServer } from '../support/spawned-server'
import { growVillage, tokensFor } from '../support/village'
import { openVillagersMeeting } from '../support/villagers-meeting'

const CHOICES = ['yes', 'no', 'abstain'] as const
const LABELS = ['同意', '反对', '弃权']
/** the tables a choice may be stored in: the secret ballots (no voter) and the open votes (public) */
const BALLOT_TABLE = 'deliberation_secret_ballot'
const CHOICE_TABLES = [BALLOT_TABLE, 'deliberation_open_vote']
/**
 * 15 voters, four to a household, voting yes, no, abstain, yes, … in roster order: no household
 * and no other attribute of theirs lines up with their choices, so only a leak can.
 */
const VOTERS = 15

interface Voter {
  accountId: number
  residentId: number
  memberId: number
  token: string
  choice: (typeof CHOICES)[number]
  key: string
}

/**
 * 无记名投票 stays secret everywhere: voters cast secret ballots through the real server (retries,
 * a changed mind under the same key, a second ballot, an invalid one), then every table the
 * database has is read and the server's log at trace level is searched for anything that, joined
 * with the turnout, would tell how someone voted.
 */
describe(`the secret ballot, read back from every table and the log, on ${DIALECT}`, () => {
  let target: DatabaseTarget
  let drop: () => Promise<void>
  let ds: DataSource
  let server: SpawnedServer
  let voters: Voter[]
  let path: string
  let ballotsPath: string
  let meetingId: number
  /** the tables the ballots wrote, from the snapshots before and after them */
  let written: string[]
  let log: string
  const tables = new Map<string, Row[]>()

  const call = (token: string, url: string, body: unknown = {}, key?: string) =>
    fetch(server.url + url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        ...(key ? { 'idempotency-key': key } : {}),
      },
      body: JSON.stringify(body),
    })
  const status = async (res: Promise<Response>) => {
    const r = await res
    return `${r.status} ${r.status === 200 ? '' : ((await r.json()) as { code: string }).code}`.trim()
  }
  /** the voter a row names, by the kind of id its column holds */
  const votersNamedBy = (row: Row): Voter[] =>
    voters.filter((v) =>
      Object.entries(row).some(([col, value]) => {
        const c = col.toLowerCase()
        const s = value === null ? null : text(value)
        return (
          (c.endsWith('accountid') && s === String(v.accountId)) ||
          (c.endsWith('memberid') && s === String(v.memberId)) ||
          (c.endsWith('residentid') && s === String(v.residentId)) ||
          (c === 'scope' && s === `a:${v.accountId}`)
        )
      }),
    )

  beforeAll(async () => {
    ensureServerBuilt()
    ;({ target, drop } = await freshDatabase(DIALECT))
    const t = await startTestApp({}, { target })
    let secretary: string
    let admin: string
    let late: string
    let clockOffset: number
    try {
      const village = (await villageIds(t.ds)).village
      secretary = await t.login('secretary')
      admin = await t.login('admin')
      const grown = await growVillage(t, { villageId: village, adults: VOTERS + 1, accounts: VOTERS + 1 })
      const m = await openVillagersMeeting(t, { token: secretary, villageId: village, ballot: 'secret' })
      meetingId = m.meetingId
      path = `/api/villages/${village}/deliberations/${m.deliberationId}/meetings/${meetingId}`
      ballotsPath = `${path}/ballots`
      const memberOf = new Map(m.members.map((x) => [x.residentId, x.id]))
      const tokens = await tokensFor(
        t,
        grown.map((g) => g.accountId!),
      )
      voters = grown.slice(0, VOTERS).map((g, i) => ({
        accountId: g.accountId!,
        residentId: g.residentId,
        memberId: memberOf.get(g.residentId)!,
        token: tokens[i]!,
        choice: CHOICES[i % CHOICES.length]!,
        key: `k-${randomUUID()}`,
      }))
      late = tokens[VOTERS]!
      clockOffset = t.app.get(Clock).offset
    } finally {
      await t.close()
    }
    ds = await new DataSource(dataSourceOptions(target, ENTITIES)).initialize()
    server = await spawnServer(target, { LOG_LEVEL: 'trace' })
    if (clockOffset > 0) await call(admin, '/api/test/clock', { advanceMs: clockOffset })

    for (const v of voters) {
      const k = `c-${randomUUID()}`
      expect([await status(call(v.token, `${path}/check-in`, {}, k))]).toEqual(['200'])
      expect([await status(call(v.token, `${path}/check-in`, {}, k))]).toEqual(['200'])
    }
    const before = await snapshot(ds)
    for (const [i, v] of voters.entries()) {
      expect(await status(call(v.token, ballotsPath, { choice: v.choice }, v.key))).toBe('200')
      // the answer was lost and the phone sends again; one voter changed their mind meanwhile
      const again = i % 5 === 0 ? CHOICES[(i + 1) % 3] : v.choice
      expect(await status(call(v.token, ballotsPath, { choice: again }, v.key))).toBe('200')
    }
    expect(await status(call(voters[1]!.token, ballotsPath, { choice: 'yes' }, `k-${randomUUID()}`))).toBe(
      '409 DELIBERATION_ALREADY_VOTED',
    )
    expect(await status(call(voters[2]!.token, ballotsPath, { choice: 'maybe' }, `k-${randomUUID()}`))).toBe(
      '400 VALIDATION_FAILED',
    )
    expect(await status(call(late, ballotsPath, { choice: 'no' }, `k-${randomUUID()}`))).toBe(
      '409 DELIBERATION_NOT_CHECKED_IN',
    )
    written = changedTables(before, await snapshot(ds))
    expect(await status(call(secretary, `${path}/close`))).toBe('200')
    await server.stop()
    log = server.output()
    for (const name of await tableNames(ds)) tables.set(name, await rowsOf(ds, name))
  }, 300_000)

  afterAll(async () => {
    await server?.stop()
    await ds?.destroy()
    await drop?.()
  })

  it('counts each voter once, with the choice of their first ballot', async () => {
    const counted: Record<string, number> = {}
    for (const r of tables.get(BALLOT_TABLE)!.filter((b) => Number(b.meetingId) === meetingId))
      counted[String(r.choice)] = (counted[String(r.choice)] ?? 0) + 1
    const expected: Record<string, number> = {}
    for (const v of voters) expected[v.choice] = (expected[v.choice] ?? 0) + 1
    expect(counted).toEqual(expected)
  })

  it('writes the turnout and the ballot and nothing else while the ballots are cast', () => {
    expect(written).toEqual(['deliberation_secret_ballot', 'deliberation_turnout'])
  })

  it('keeps no choice in any table but the ballots', () => {
    const found: string[] = []
    for (const [table, rows] of tables) {
      if (CHOICE_TABLES.includes(table)) continue
      for (const row of rows)
        for (const [col, value] of Object.entries(row))
          for (const leaf of leaves(value))
            if ([...CHOICES, 'maybe', ...LABELS].includes(leaf))
              found.push(`${table}.${col} = ${text(value)}`)
    }
    expect(found).toEqual([])
  })

  it('keeps no hash or other trace of a ballot body anywhere', () => {
    const crypto = new FieldCrypto(loadConfig(TEST_ENV))
    const traces = bodyTraces([...CHOICES, 'maybe'], [ballotsPath], (s) => crypto.blindIndex(s))
    const long = [...traces].filter(([t]) => t.length >= 16)
    const found: string[] = []
    for (const [table, rows] of tables)
      for (const row of rows)
        for (const [col, value] of Object.entries(row)) {
          const cell = text(value).toLowerCase()
          const hit = traces.get(cell) ?? long.find(([t]) => cell.includes(t))?.[1]
          if (hit) found.push(`${table}.${col}: ${hit}`)
        }
    expect(found).toEqual([])
  })

  it('stores nothing about a voter, in any table, that differs with their choice', () => {
    const choiceOf = new Map(voters.map((v) => [v.accountId, v.choice as string]))
    const found: string[] = []
    for (const [table, rows] of tables) {
      const named = rows.map((row) => ({ row, who: votersNamedBy(row) })).filter((x) => x.who.length > 0)
      // what may differ between any two voters: ids, keys, names, times; what is left must not
      const distinct = new Set(
        Object.keys(named[0]?.row ?? {}).filter((col) => {
          const values = named.map((x) => text(x.row[col]))
          return new Set(values).size === values.length
        }),
      )
      const normal = (row: Row) =>
        JSON.stringify(
          Object.entries(row).filter(
            ([col, value]) =>
              !distinct.has(col) &&
              !/(accountid|memberid|residentid|^scope)$/i.test(col) &&
              !(value instanceof Date) &&
              !/^\d{4}-\d\d-\d\d[T ]\d\d:\d\d/.test(text(value)),
          ),
        )
      const valueOf = new Map(voters.map((v) => [v.accountId, [] as string[]]))
      for (const { row, who } of named) for (const v of who) valueOf.get(v.accountId)!.push(normal(row))
      const joined = new Map([...valueOf].map(([k, list]) => [k, list.sort().join('\n') || '∅']))
      if (sortsByChoice(joined, choiceOf)) found.push(table)
    }
    expect(found).toEqual([])
  })

  it('gives the inbox and the audit trail the same entries for a yes-voter as for a no-voter', () => {
    const entries = (table: string, v: Voter) =>
      tables
        .get(table)!
        .filter((row) => votersNamedBy(row).includes(v))
        .map((row) =>
          JSON.stringify(
            table === 'notification'
              ? [row.kind, row.title, row.body, row.link, row.readAt]
              : [row.action, row.targetType, row.targetId, row.afterDigest],
          ),
        )
        .sort()
    const [yes, no] = [voters[0]!, voters[1]!]
    expect([yes.choice, no.choice]).toEqual(['yes', 'no'])
    for (const table of ['notification', 'audit_entry'])
      expect(entries(table, yes)).toEqual(entries(table, no))
    expect(entries('notification', yes).length).toBeGreaterThan(0)
  })

  it('keeps in a ballot nothing that names a voter or can be found anywhere else', () => {
    const ballots = tables.get(BALLOT_TABLE)!.filter((b) => Number(b.meetingId) === meetingId)
    expect(ballots).toHaveLength(VOTERS)
    const elsewhere = new Set<string>()
    for (const [table, rows] of tables)
      if (table !== BALLOT_TABLE)
        for (const row of rows) for (const v of Object.values(row)) elsewhere.add(text(v))
    const found: string[] = []
    for (const col of Object.keys(ballots[0]!)) {
      const values = ballots.map((b) => text(b[col]))
      // the meeting, shared by every ballot of it, and the choice are what a ballot is
      if (new Set(values).size === 1 || col === 'choice') continue
      for (const value of values) if (elsewhere.has(value)) found.push(`${col} = ${value}`)
    }
    expect(found).toEqual([])
  })

  it('keeps the ballots in no order that lines up with the order they were cast or with the turnout', async () => {
    const cast = voters.map((v) => v.choice).join(',')
    const choiceOfMember = new Map(voters.map((v) => [v.memberId, v.choice]))
    const turnout = tables
      .get('deliberation_turnout')!
      .filter((r) => Number(r.meetingId) === meetingId)
      .map((r) => choiceOfMember.get(Number(r.memberId)))
      .join(',')
    const orders = [undefined, ...Object.keys(tables.get(BALLOT_TABLE)![0]!)]
    for (const by of orders) {
      const seq = (await rowsOf(ds, BALLOT_TABLE, by))
        .filter((b) => Number(b.meetingId) === meetingId)
        .map((b) => String(b.choice))
        .join(',')
      expect({ by, seq }).not.toEqual({ by, seq: cast })
      expect({ by, seq }).not.toEqual({ by, seq: turnout })
    }
  })

  it('gives the ballot table no clock, no counter and no hidden insertion order', async () => {
    if (DIALECT === 'sqlite') {
      // a table with a rowid numbers its rows in the order they were inserted
      // (as text: better-sqlite3's error is no Error of this test's realm once a worker is reused)
      const rowid = await ds.query(`SELECT rowid FROM ${BALLOT_TABLE}`).then(
        () => 'answered',
        (e: unknown) => String(e),
      )
      expect(rowid).toMatch(/no such column: rowid/)
      const types = (await ds.query(`PRAGMA table_info(${BALLOT_TABLE})`)) as { type: string }[]
      expect(types.filter((c) => /date|time/i.test(c.type))).toEqual([])
    } else {
      const columns = (await ds.query(
        `SELECT column_name AS name, data_type AS type, extra, column_default AS def
           FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ?`,
        [BALLOT_TABLE],
      )) as { name: string; type: string; extra: string; def: string | null }[]
      expect(
        columns.filter(
          (c) =>
            /date|time|year/i.test(c.type) ||
            /auto_increment|on update/i.test(c.extra) ||
            /current_timestamp|uuid|now/i.test(c.def ?? ''),
        ),
      ).toEqual([])
    }
  })

  it('writes no choice, body or trace of one to the log, at trace level', () => {
    expect(log.length).toBeGreaterThan(0)
    // the requests (by their route pattern) and the statements were logged, so the search below
    // looked at them
    expect(log).toContain('"route":"/api/villages/:villageId/deliberations/:id/meetings/:meetingId/ballots"')
    expect(log).toMatch(/INSERT INTO \\?.deliberation_secret_ballot/)
    const crypto = new FieldCrypto(loadConfig(TEST_ENV))
    const traces = [
      ...bodyTraces([...CHOICES, 'maybe'], [ballotsPath], (s) => crypto.blindIndex(s)).entries(),
    ]
    const lower = log.toLowerCase()
    expect(traces.filter(([t]) => t.length >= 8 && lower.includes(t)).map(([, what]) => what)).toEqual([])
    // a choice as a word anywhere, once the statements' quoted column names (the result's yes, no,
    // abstain columns) are left out: a value in a statement is a placeholder or a 'literal'
    const words = log
      .split('\n')
      .map((line) => {
        // a JSON log line; the statements are the Database lines' msg
        let entry: { context?: string; msg?: unknown } | null = null
        try {
          entry = JSON.parse(line) as { context?: string; msg?: unknown }
        } catch {
          return line
        }
        if (entry?.context !== 'Database') return line
        return JSON.stringify({
          ...entry,
          msg: String(entry.msg).replace(/["`][A-Za-z_]\w*["`]/g, '<column>'),
        })
      })
      .join('\n')
    expect(words.match(/\b(yes|no|abstain|maybe)\b|"choice"\s*:|同意|反对|弃权/gi) ?? []).toEqual([])
  })
})

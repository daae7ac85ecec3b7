/**
 * pnpm bench, the deliberation part: a villagers' meeting of 柳林村 grown to 5,000 adults on MariaDB.
 * Measures, in one run against baselines taken in the same run on the same database:
 *  - check-ins and ballots per second with 100 voters at once over HTTP, against 100 concurrent
 *    plain INSERTs of the same size (the database's own ceiling for insert-only writes);
 *  - the time to tally the meeting by SQL aggregate (as the close does), against loading the
 *    ballots into JavaScript and counting there, and against one primary-key lookup.
 * Run: node server/dist/cli/bench-deliberation.js (MYSQL_URL, BENCH_MEMBERS, BENCH_VOTERS_AT_ONCE).
 */
import 'reflect-metadata'
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createPool } from 'mysql2/promise'
import { DataSource } from 'typeorm'
import {
  defaultProcedureSettings,
  earliestMeetingAt,
  idNumberCheckChar,
  maskIdNumber,
  type MeetingBody,
} from '@xiangli/shared'
import { createApp } from '../bootstrap'
import { Clock } from '../core/clock/clock'
import { loadConfig } from '../core/config/config'
import { FieldCrypto } from '../core/crypto/field-crypto.service'
import { freshDatabase } from '../core/database/test-databases'
import { AuthService, DEFAULT_PREFERENCES } from '../modules/auth/auth.service'
import { Account } from '../modules/auth/entities/account.entity'
import { Household } from '../modules/roster/entities/household.entity'
import { Resident } from '../modules/roster/entities/resident.entity'

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 5000)
const AT_ONCE = Number(process.env.BENCH_VOTERS_AT_ONCE ?? 100)
/** What issue 14 asks of the hot writes (against plain INSERTs of the same run) and of the tally. */
const HOT_WRITE_TARGET = 0.5
const TALLY_TARGET_MS = 2
const MYSQL_URL = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test'
const DAY = 86_400_000
const CHUNK = 500

/** Runs `work` for each item with `n` at once; returns the items per second. */
async function pool<T>(items: T[], n: number, work: (item: T) => Promise<void>): Promise<number> {
  let next = 0
  const started = process.hrtime.bigint()
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) await work(items[next++]!)
    }),
  )
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  return items.length / seconds
}

/**
 * The voters, in a child process (on the other core): each token POSTs once to `url`, AT_ONCE at a
 * time; ballots cycle 同意, 同意, 同意, 反对, 弃权. Returns the requests per second; any answer but 200 fails.
 */
const VOTERS_SCRIPT = `
const { tokens, url, atOnce, ballot } = JSON.parse(require('node:fs').readFileSync(process.argv[1], 'utf8'))
const choices = ['yes', 'yes', 'yes', 'no', 'abstain']
let next = 0
const started = process.hrtime.bigint()
Promise.all(Array.from({ length: atOnce }, async () => {
  while (next < tokens.length) {
    const i = next++
    const res = await fetch(url, {
      method: 'POST',
      headers: { authorization: 'Bearer ' + tokens[i], 'content-type': 'application/json' },
      body: JSON.stringify(ballot ? { choice: choices[i % choices.length] } : {}),
    })
    if (res.status !== 200) throw new Error(url + ': ' + res.status + ' ' + (await res.text()))
    await res.arrayBuffer().catch(() => undefined)
  }
})).then(() => {
  process.stdout.write(String(tokens.length / (Number(process.hrtime.bigint() - started) / 1e9)))
}, (e) => { console.error(e); process.exit(1) })
`

function castByVoters(url: string, tokens: string[], ballot: boolean): Promise<number> {
  const file = join(tmpdir(), `xiangli-bench-voters-${randomBytes(4).toString('hex')}.json`)
  writeFileSync(file, JSON.stringify({ tokens, url, atOnce: AT_ONCE, ballot }))
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', VOTERS_SCRIPT, file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.on('exit', (code) => {
      rmSync(file, { force: true })
      if (code === 0) resolve(Number(out))
      else reject(new Error(`the voters' process failed (exit ${code})`))
    })
  })
}

/** The median of `runs` timings of `work`, in milliseconds. */
async function median(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint()
    await work()
    times.push(Number(process.hrtime.bigint() - t0) / 1e6)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]!
}

async function main(): Promise<void> {
  try {
    const probe = createPool({ uri: MYSQL_URL, connectionLimit: 1 })
    await probe.query('SELECT 1')
    await probe.end()
  } catch (e) {
    console.log(`\nDeliberation bench skipped: MariaDB at ${MYSQL_URL} is not answering (${String(e)})`)
    return
  }
  const { target, drop } = await freshDatabase('mysql', MYSQL_URL)
  const config = loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: randomBytes(24).toString('hex'),
    FIELD_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    DEMO_ENABLED: 'true',
    LOG_LEVEL: 'silent',
    WECHAT_API_BASE: 'http://127.0.0.1:9',
    UPLOAD_DIR: join(tmpdir(), 'xiangli-bench-uploads'),
  })
  const app = await createApp(config, target)
  const raw = createPool({ uri: target.url, connectionLimit: AT_ONCE })
  try {
    await app.listen(0, '127.0.0.1')
    const address = app.getHttpServer().address() as { port: number }
    const base = `http://127.0.0.1:${address.port}`
    const ds = app.get(DataSource)
    const call = async (token: string, method: string, path: string, body?: unknown) => {
      const res = await fetch(base + path, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      const json = (await res.json()) as any
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`)
      return json
    }
    const demo = async (key: string): Promise<string> => {
      const res = await fetch(`${base}/api/auth/demo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ key }),
      })
      return ((await res.json()) as { accessToken: string }).accessToken
    }

    // 1. grow 柳林村 by MEMBERS adults, four to a household, each with an account
    process.stdout.write(`\nDeliberation bench on MariaDB: adding ${MEMBERS} adults to 柳林村… `)
    const [{ id: village }] = (await ds.query(`SELECT id FROM org WHERE name = '柳林村'`)) as { id: number }[]
    const crypto = app.get(FieldCrypto)
    const tag = randomBytes(3).toString('hex')
    for (let from = 0; from < MEMBERS; from += CHUNK) {
      const n = Math.min(CHUNK, MEMBERS - from)
      const households = Array.from({ length: Math.ceil(n / 4) }, (_, i) => ({
        villageId: village,
        code: `B${tag}${from + i * 4}`,
        address: null,
        groupId: null,
        headResidentId: null,
      }))
      await ds.getRepository(Household).insert(households)
      const codes = households.map((h) => h.code)
      const hh = (await ds.query(
        `SELECT id, code FROM household WHERE villageId = ? AND code IN (${codes.map(() => '?').join(',')})`,
        [village, ...codes],
      )) as { id: number; code: string }[]
      const householdOf = new Map(hh.map((h) => [h.code, Number(h.id)]))
      await ds.getRepository(Account).insert(
        Array.from({ length: n }, (_, i) => ({
          openid: null,
          demoKey: null,
          displayName: `压测${tag}-${from + i}`,
          preferences: DEFAULT_PREFERENCES,
          lastLoginAt: null,
        })),
      )
      const accounts = (await ds.query(`SELECT id, displayName FROM account WHERE displayName LIKE ?`, [
        `压测${tag}-%`,
      ])) as { id: number; displayName: string }[]
      const accountOf = new Map(accounts.map((a) => [a.displayName, Number(a.id)]))
      await ds.getRepository(Resident).insert(
        Array.from({ length: n }, (_, i) => {
          const k = from + i
          const birth = new Date(Date.UTC(1950, 0, 1) + k * DAY).toISOString().slice(0, 10)
          const first17 = `120101${birth.replace(/-/g, '')}${String((k % 500) * 2).padStart(3, '0')}`
          const id = first17 + idNumberCheckChar(first17)
          return {
            villageId: village,
            householdId: householdOf.get(`B${tag}${from + Math.floor(i / 4) * 4}`)!,
            name: `村民${k}`,
            sex: 'female' as const,
            birthDate: birth,
            idNumberEnc: crypto.encrypt(id),
            idNumberHash: crypto.blindIndex(id),
            idNumberMasked: maskIdNumber(id),
            phone: `136${String(k).padStart(8, '0')}`,
            isHouseholdHead: false,
            isHouseholdRep: false,
            residency: 'registered' as const,
            accountId: accountOf.get(`压测${tag}-${k}`)!,
          }
        }),
      )
    }
    console.log('done')

    // 2. a deliberation through 提议, 商议, 审议 to a secret-ballot villagers' meeting
    const secretary = await demo('secretary')
    const deliberations = `/api/villages/${village}/deliberations`
    const d = await call(secretary, 'POST', deliberations, {
      title: '修建村东头便民桥',
      content: '村东头的木桥年久失修，拟用集体资金修建一座水泥桥。',
      matterType: 'public_works',
      source: { kind: 'cadre' },
    })
    const meetingIds = async (): Promise<number[]> =>
      ((await call(secretary, 'GET', `${deliberations}/${d.id}`)).meetings as { id: number }[]).map(
        (m) => m.id,
      )
    // the notice goes out now; the in-process clock then lets its days pass to the meeting's time
    const clock = app.get(Clock)
    const schedule = async (step: string, body: MeetingBody, ballot: 'open' | 'secret') => {
      const meetingAt = earliestMeetingAt(defaultProcedureSettings().notices[body], clock.now())
      await call(secretary, 'POST', `${deliberations}/${d.id}/meetings`, {
        step,
        body,
        ballot,
        meetingAt: meetingAt.toISOString(),
        location: '村委会会议室',
        agenda: '修建村东头便民桥',
        agendaPublished: true,
        planSent: true,
      })
      const meetingId = (await meetingIds()).at(-1)!
      clock.advance(Math.max(0, meetingAt.getTime() - clock.nowMs()))
      await call(secretary, 'POST', `${deliberations}/${d.id}/meetings/${meetingId}/open`, {})
      return meetingId
    }
    const memberIds = async (meetingId: number) =>
      (
        (await ds.query('SELECT id FROM deliberation_meeting_member WHERE meetingId = ?', [meetingId])) as {
          id: number
        }[]
      ).map((r) => Number(r.id))
    for (const [step, body] of [
      ['propose', 'party_branch'],
      ['consult', 'joint_committees'],
      ['review', 'party_members_meeting'],
    ] as const) {
      const meetingId = await schedule(step, body, 'open')
      const ids = await memberIds(meetingId)
      await call(secretary, 'POST', `${deliberations}/${d.id}/meetings/${meetingId}/paper-sign-in`, {
        memberIds: ids,
      })
      await call(secretary, 'POST', `${deliberations}/${d.id}/meetings/${meetingId}/close`, {
        counted: { yes: ids.length, no: 0, abstain: 0 },
      })
    }
    const meetingId = await schedule('decide', 'villagers_meeting', 'secret')
    const voters = (await ds.query(
      `SELECT r.accountId FROM deliberation_meeting_member mm JOIN resident r ON r.id = mm.residentId
        WHERE mm.meetingId = ? AND r.name LIKE '村民%' AND r.accountId IS NOT NULL`,
      [meetingId],
    )) as { accountId: number }[]
    const auth = app.get(AuthService)
    const voterTokens: string[] = []
    for (const v of voters) voterTokens.push((await auth.startSession(Number(v.accountId))).accessToken)
    const meetingPath = `${deliberations}/${d.id}/meetings/${meetingId}`

    // 3. the baseline: AT_ONCE concurrent plain INSERTs, one row each, as many as there are voters
    await raw.query(
      'CREATE TABLE bench_plain_insert (id INT AUTO_INCREMENT PRIMARY KEY, meetingId INT NOT NULL, memberId INT NOT NULL, choice VARCHAR(8) NOT NULL)',
    )
    const inserts = await pool(voterTokens, AT_ONCE, async () => {
      await raw.query('INSERT INTO bench_plain_insert (meetingId, memberId, choice) VALUES (?, ?, ?)', [
        meetingId,
        1,
        'yes',
      ])
    })

    // 4. AT_ONCE voters at a time check in, then vote, over HTTP
    // the voters' requests come from another process, so the server has this one's core to itself
    const checkIns = await castByVoters(base + `${meetingPath}/check-in`, voterTokens, false)
    const ballots = await castByVoters(base + `${meetingPath}/ballots`, voterTokens, true)

    // 5. the tally: the aggregate the close runs, against counting in JavaScript and one PK lookup
    const aggregate = () =>
      raw.query(
        'SELECT choice, COUNT(*) AS n FROM deliberation_secret_ballot WHERE meetingId = ? GROUP BY choice',
        [meetingId],
      )
    const inJs = async () => {
      const [rows] = (await raw.query('SELECT choice FROM deliberation_secret_ballot WHERE meetingId = ?', [
        meetingId,
      ])) as unknown as [{ choice: string }[]]
      const counts: Record<string, number> = {}
      for (const r of rows) counts[r.choice] = (counts[r.choice] ?? 0) + 1
      return counts
    }
    const lookup = () => raw.query('SELECT id FROM deliberation_meeting WHERE id = ?', [meetingId])
    await aggregate()
    await inJs()
    const tallyMs = await median(21, aggregate)
    const jsMs = await median(21, inJs)
    const lookupMs = await median(21, lookup)
    const t0 = process.hrtime.bigint()
    const closed = await call(secretary, 'POST', `${meetingPath}/close`, {})
    const closeMs = Number(process.hrtime.bigint() - t0) / 1e6

    const cast = Number(
      (
        (await raw.query('SELECT COUNT(*) AS n FROM deliberation_turnout WHERE meetingId = ?', [
          meetingId,
        ])) as any
      )[0][0].n,
    )
    const votes = closed.result.votes as { yes: number; no: number; abstain: number }
    const f = (x: number) => Math.round(x).toString().padStart(7)
    console.log(
      `members due ${closed.result.due}, ballots cast ${cast} by ${voterTokens.length} voters, ${AT_ONCE} at once; ` +
        `result ${closed.result.outcome} (同意 ${votes.yes} / 反对 ${votes.no} / 弃权 ${votes.abstain})`,
    )
    console.log(`plain INSERT (baseline)       ${f(inserts)} /s`)
    const against = (ratio: number, target: number) =>
      `ratio to plain INSERT ${ratio.toFixed(3)}   target ≥ ${target.toFixed(2)} (${ratio >= target ? 'met' : 'missed'})`
    console.log(
      `check-ins over HTTP           ${f(checkIns)} /s   ${against(checkIns / inserts, HOT_WRITE_TARGET)}`,
    )
    console.log(
      `secret ballots over HTTP      ${f(ballots)} /s   ${against(ballots / inserts, HOT_WRITE_TARGET)}`,
    )
    console.log(
      `tally of ${cast} ballots (SQL aggregate) ${tallyMs.toFixed(2)} ms, target ≤ ${TALLY_TARGET_MS} ms ` +
        `(${tallyMs <= TALLY_TARGET_MS ? 'met' : 'missed'}); ` +
        `counting in JavaScript ${jsMs.toFixed(2)} ms (ratio aggregate/JS ${(tallyMs / jsMs).toFixed(3)}); ` +
        `one PK lookup ${lookupMs.toFixed(2)} ms (ratio aggregate/lookup ${(tallyMs / lookupMs).toFixed(1)})`,
    )
    console.log(`close of the meeting over HTTP (tally, outcome, audit) ${closeMs.toFixed(1)} ms`)
  } finally {
    await raw.end()
    await app.close()
    await drop()
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})

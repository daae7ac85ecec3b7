import { randomUUID } from 'node:crypto'
import { DataSource } from 'typeorm'
import { Clock } from '../../src/core/clock/clock'
import { dataSourceOptions, type DatabaseTarget } from '../../src/core/database/data-source'
import { freshDatabase } from '../../src/core/database/test-databases'
import { ENTITIES } from '../../src/entities'
import { DIALECT, startTestApp, villageIds } from '../support/app'
import { ensureServerBuilt, spawnServer, type SpawnedServer } from '../support/spawned-server'
import { growVillage, tokensFor } from '../support/village'
import { openVillagersMeeting } from '../support/villagers-meeting'

const VOTERS = 2_000
/** clients at once, so that many requests are half-way through when the process dies */
const AT_ONCE = 64
/** the kill comes once this many have been answered */
const KILL_AFTER = 700
const CHOICES = ['yes', 'no', 'abstain'] as const

interface Voter {
  memberId: number
  token: string
  choice: (typeof CHOICES)[number]
  checkInKey: string
  ballotKey: string
}

interface Storm {
  /** answered 200: the server committed them */
  acked: Voter[]
  /** sent, but the connection died with the server: nobody knows whether they were counted */
  cutOff: Voter[]
  /** never sent */
  unsent: Voter[]
  /** any other answer: none is expected */
  refused: { status: number; body: string }[]
}

/**
 * Power cut in the middle of the meeting: the real server, in its own process, takes a storm of
 * 2,000 check-ins and then of 2,000 secret ballots from many phones at once and is killed with
 * SIGKILL half-way through each; restarted on the same database, it must hold every answered
 * request exactly once, nothing half-written, and let the voters whose request was cut off retry
 * at once with the same Idempotency-Key.
 */
describe(`a server killed in the middle of a storm of check-ins and ballots on ${DIALECT}`, () => {
  let target: DatabaseTarget
  let drop: () => Promise<void>
  let ds: DataSource
  let server: SpawnedServer
  let voters: Voter[]
  let path: string
  let meetingId: number
  let secretary: string
  let admin: string
  let clockOffset: number

  const count = async (sql: string): Promise<number> =>
    Number(((await ds.query(sql, [meetingId])) as { n: number | string }[])[0]!.n)
  const memberIdsIn = async (table: string): Promise<Set<number>> =>
    new Set(
      (
        (await ds.query(`SELECT memberId FROM ${table} WHERE meetingId = ?`, [meetingId])) as {
          memberId: number | string
        }[]
      ).map((r) => Number(r.memberId)),
    )
  /**
   * What the generic idempotency store kept of these keys: nothing, since a record written before
   * the work, in a transaction of its own, outlives a crash and holds the retry back
   */
  const keptKeys = async (keys: string[]): Promise<number> =>
    Number(
      (
        (await ds
          .createQueryBuilder()
          .select('COUNT(*)', 'n')
          .from('idempotency_record', 'r')
          .where('r.key IN (:...keys)', { keys })
          .getRawOne()) as { n: number | string }
      ).n,
    )
  const call = (token: string, url: string, o: { key?: string; body?: unknown; method?: string } = {}) =>
    fetch(server.url + url, {
      method: o.method ?? 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        ...(o.key ? { 'idempotency-key': o.key } : {}),
        ...(o.method === 'GET' ? {} : { 'content-type': 'application/json' }),
      },
      body: o.method === 'GET' ? undefined : JSON.stringify(o.body ?? {}),
    })
  const checkIn = (v: Voter) => call(v.token, `${path}/check-in`, { key: v.checkInKey })
  const vote = (v: Voter) =>
    call(v.token, `${path}/ballots`, { key: v.ballotKey, body: { choice: v.choice } })

  /** The server on the database, its test clock where the in-process app left it. */
  const start = async () => {
    server = await spawnServer(target)
    if (clockOffset > 0) {
      const res = await call(admin, '/api/test/clock', { body: { advanceMs: clockOffset } })
      if (res.status !== 200) throw new Error(`clock refused: ${await res.text()}`)
    }
  }

  /** `AT_ONCE` phones send `send` for every voter; the server is killed after `KILL_AFTER` answers. */
  const storm = async (send: (v: Voter) => Promise<Response>): Promise<Storm> => {
    const s: Storm = { acked: [], cutOff: [], unsent: [], refused: [] }
    let next = 0
    let killed: Promise<void> | null = null
    await Promise.all(
      Array.from({ length: AT_ONCE }, async () => {
        while (killed === null && next < voters.length) {
          const v = voters[next++]!
          let res: Response
          try {
            res = await send(v)
          } catch {
            s.cutOff.push(v)
            continue
          }
          const body = await res.text().catch(() => '')
          if (res.status !== 200) s.refused.push({ status: res.status, body })
          else if (s.acked.push(v) >= KILL_AFTER && killed === null) killed = server.kill()
        }
      }),
    )
    await killed
    s.unsent = voters.slice(next)
    return s
  }

  /** Every voter's request, `AT_ONCE` at a time, must be answered 200. */
  const allAnswered = async (list: Voter[], send: (v: Voter) => Promise<Response>) => {
    const wrong: string[] = []
    let next = 0
    await Promise.all(
      Array.from({ length: AT_ONCE }, async () => {
        while (next < list.length) {
          const res = await send(list[next++]!)
          const body = await res.text()
          if (res.status !== 200) wrong.push(`${res.status} ${body}`)
        }
      }),
    )
    expect(wrong).toEqual([])
  }

  beforeAll(async () => {
    ensureServerBuilt()
    ;({ target, drop } = await freshDatabase(DIALECT))
    // set-up in process: a village grown by 2,000 adults with the app, a villagers' meeting in session
    const t = await startTestApp({}, { target })
    try {
      const village = (await villageIds(t.ds)).village
      secretary = await t.login('secretary')
      admin = await t.login('admin')
      const grown = await growVillage(t, { villageId: village, adults: VOTERS, accounts: VOTERS })
      const m = await openVillagersMeeting(t, { token: secretary, villageId: village, ballot: 'secret' })
      meetingId = m.meetingId
      path = `/api/villages/${village}/deliberations/${m.deliberationId}/meetings/${meetingId}`
      const memberOf = new Map(m.members.map((x) => [x.residentId, x.id]))
      const tokens = await tokensFor(
        t,
        grown.map((g) => g.accountId!),
      )
      voters = grown.map((g, i) => ({
        memberId: memberOf.get(g.residentId)!,
        token: tokens[i]!,
        choice: CHOICES[i % CHOICES.length]!,
        checkInKey: `c-${randomUUID()}`,
        ballotKey: `b-${randomUUID()}`,
      }))
      clockOffset = t.app.get(Clock).offset
    } finally {
      await t.close()
    }
    ds = await new DataSource(dataSourceOptions(target, ENTITIES)).initialize()
    await start()
  }, 300_000)

  afterAll(async () => {
    await server?.stop()
    await ds?.destroy()
    await drop?.()
  })

  it('keeps every check-in answered before a SIGKILL exactly once and lets those cut off retry at once', async () => {
    const s = await storm(checkIn)
    expect(s.refused).toEqual([])
    expect(s.cutOff.length).toBeGreaterThan(0)
    await start()
    const present = await memberIdsIn('deliberation_attendance')
    expect(s.acked.filter((v) => !present.has(v.memberId))).toEqual([])
    expect(await count('SELECT COUNT(*) AS n FROM deliberation_attendance WHERE meetingId = ?')).toBe(
      present.size,
    )
    expect(await keptKeys(voters.map((v) => v.checkInKey))).toBe(0)
    // the phones whose request died with the server send it again, with the same key, right away
    await allAnswered(s.cutOff, checkIn)
    await allAnswered(s.unsent, checkIn)
    expect(await count('SELECT COUNT(*) AS n FROM deliberation_attendance WHERE meetingId = ?')).toBe(VOTERS)
  }, 120_000)

  it('keeps every ballot answered before a SIGKILL exactly once and whole, counts those cut off on retry, and closes and seals the meeting', async () => {
    const s = await storm(vote)
    expect(s.refused).toEqual([])
    expect(s.cutOff.length).toBeGreaterThan(0)
    await start()
    const voted = await memberIdsIn('deliberation_turnout')
    expect(s.acked.filter((v) => !voted.has(v.memberId))).toEqual([])
    // nothing half-written: a turnout row for each ballot and a ballot for each turnout row
    expect(await count('SELECT COUNT(*) AS n FROM deliberation_secret_ballot WHERE meetingId = ?')).toBe(
      voted.size,
    )
    expect(await keptKeys(voters.map((v) => v.ballotKey))).toBe(0)
    await allAnswered(s.cutOff, vote)
    await allAnswered(s.unsent, vote)
    expect(await count('SELECT COUNT(*) AS n FROM deliberation_turnout WHERE meetingId = ?')).toBe(VOTERS)
    const expected = { yes: 0, no: 0, abstain: 0 }
    for (const v of voters) expected[v.choice] += 1

    const closed = await call(secretary, `${path}/close`)
    expect(closed.status).toBe(200)
    const result = ((await closed.json()) as { result: { online: unknown; present: number } }).result
    expect(result).toMatchObject({ online: expected, present: VOTERS })
    // the check runs in the background on the server: start it, then read it until it has ended
    const started = (await (
      await call(admin, '/api/audit/verify-runs', { body: { mode: 'full' } })
    ).json()) as {
      id: number
    }
    const readRun = async () =>
      (await (await call(admin, `/api/audit/verify-runs/${started.id}`, { method: 'GET' })).json()) as {
        state: string
      }
    let run = await readRun()
    while (run.state === 'running') {
      await new Promise((r) => setTimeout(r, 100))
      run = await readRun()
    }
    expect(run).toMatchObject({ state: 'done', result: { ok: true } })
  }, 120_000)
})

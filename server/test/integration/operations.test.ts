import { ID_NUMBER_CONSENT } from '@xiangli/shared'
import { request as httpRequest } from 'node:http'
import { Clock } from '../../src/core/clock/clock'
import type { DatabaseTarget } from '../../src/core/database/data-source'
import { freshDatabase } from '../../src/core/database/test-databases'
import { DemoSeeder } from '../../src/modules/demo/demo.seed'
import { residentByName } from '../support/factories'
import { DIALECT, startTestApp, villageIds } from '../support/app'
import { ensureServerBuilt, spawnServer, type SpawnedServer } from '../support/spawned-server'
import { openVillagersMeeting } from '../support/villagers-meeting'

const METRICS_TOKEN = 'metrics-token-for-the-test-0123456789'

/**
 * The operator's view of the real server, in its own process: its log stream (JSON lines on
 * stdout, who and where, never what a ballot or a claim said), its /metrics for Prometheus, and a
 * graceful stop on SIGTERM that lets a request under way finish.
 */
describe(`the server as an operator runs it, on ${DIALECT}`, () => {
  let target: DatabaseTarget
  let drop: () => Promise<void>
  let server: SpawnedServer
  let village: number
  let meetingPath: string
  let claim: { villageId: number; name: string; idNumber: string; phone: string }
  let clockOffset: number

  const login = async (key: string): Promise<string> => {
    const res = await fetch(`${server.url}/api/auth/demo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key }),
    })
    return ((await res.json()) as { accessToken: string }).accessToken
  }
  const post = (token: string, url: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(server.url + url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    })
  const logLines = (): Record<string, unknown>[] =>
    server
      .stdout()
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
  /** a request's line is written once its answer has gone out: it may come a moment after */
  const lineOf = async (reqId: string | null): Promise<Record<string, unknown> | undefined> => {
    for (let i = 0; i < 50; i++) {
      const line = logLines().find((l) => l.reqId === reqId && l.msg === 'request')
      if (line) return line
      await new Promise((r) => setTimeout(r, 100))
    }
    return undefined
  }

  beforeAll(async () => {
    ensureServerBuilt()
    ;({ target, drop } = await freshDatabase(DIALECT))
    const t = await startTestApp({}, { target })
    try {
      village = (await villageIds(t.ds)).village
      const m = await openVillagersMeeting(t, {
        token: await t.login('secretary'),
        villageId: village,
        ballot: 'secret',
      })
      meetingPath = `/api/villages/${village}/deliberations/${m.deliberationId}/meetings/${m.meetingId}`
      const newcomer = await residentByName(t, '刘小满')
      claim = {
        villageId: village,
        name: '刘小满',
        idNumber: await t.app.get(DemoSeeder).newcomerIdNumber(),
        phone: newcomer.plainPhone,
      }
      clockOffset = t.app.get(Clock).offset
    } finally {
      await t.close()
    }
    server = await spawnServer(target, { LOG_LEVEL: 'info', METRICS_TOKEN })
    if (clockOffset > 0) {
      const res = await post(await login('admin'), '/api/test/clock', { advanceMs: clockOffset })
      if (res.status !== 200) throw new Error(`clock refused: ${await res.text()}`)
    }
  }, 300_000)

  afterAll(async () => {
    await server?.kill()
    await drop?.()
  })

  it("logs JSON lines with the request id, account and village, and never a ballot's choice or an ID number", async () => {
    const resident = await login('resident')
    const me = (await (
      await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${resident}` } })
    ).json()) as { accountId: number }
    expect((await post(resident, `${meetingPath}/check-in`, {})).status).toBe(200)
    const ballot = await post(
      resident,
      `${meetingPath}/ballots`,
      { choice: 'abstain' },
      { 'x-request-id': 'ballot-request-0001' },
    )
    expect(ballot.status).toBe(200)
    const newcomer = await login('newcomer')
    await post(newcomer, '/api/me/privacy/consents', {
      kind: 'id_number',
      version: ID_NUMBER_CONSENT.version,
    })
    const claimed = await post(newcomer, '/api/me/verifications', claim)
    expect(claimed.status).toBe(201)

    const ballotLine = await lineOf('ballot-request-0001')
    const claimLine = await lineOf(claimed.headers.get('x-request-id'))
    const lines = logLines()
    for (const l of lines)
      expect(l).toEqual(expect.objectContaining({ level: expect.any(String), time: expect.any(String) }))
    expect(ballotLine).toEqual(
      expect.objectContaining({
        method: 'POST',
        route: '/api/villages/:villageId/deliberations/:id/meetings/:meetingId/ballots',
        status: 200,
        accountId: me.accountId,
        villageId: village,
      }),
    )
    expect(claimLine).toEqual(
      expect.objectContaining({
        status: 201,
        accountId: expect.any(Number),
        route: '/api/me/verifications',
      }),
    )
    const everything = server.output()
    expect(everything).not.toContain(claim.idNumber)
    expect(everything).not.toContain(claim.phone)
    expect(everything).not.toContain('abstain')
    expect(everything).not.toContain('"choice"')
  })

  it('answers /metrics to Prometheus with the token only: latency by route pattern, queues, escalations', async () => {
    const resident = await login('resident')
    await fetch(`${server.url}/api/villages/${village}/home`, {
      headers: { authorization: `Bearer ${resident}` },
    })
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401)
    expect(
      (
        await fetch(`${server.url}/metrics`, {
          headers: { authorization: 'Bearer not-the-token-at-all-0000000' },
        })
      ).status,
    ).toBe(401)
    const res = await fetch(`${server.url}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/)
    const text = await res.text()
    expect(text).toMatch(
      /^xiangli_http_request_duration_seconds_count\{method="GET",route="\/api\/villages\/:villageId\/home",status="200"\} [1-9]/m,
    )
    expect(text).not.toContain(`route="/api/villages/${village}/home"`)
    expect(text).toMatch(/^xiangli_outbox_messages\{state="pending"\} \d+$/m)
    expect(text).toMatch(/^xiangli_outbox_messages\{state="failed"\} \d+$/m)
    expect(text).toMatch(/^xiangli_queue_depth\{queue="outbox"\} \d+$/m)
    expect(text).toMatch(/^xiangli_grievances_escalated\{which="all"\} [1-9]\d*$/m)
    expect(text).toMatch(/^xiangli_job_running\{job="outbox"\} 0$/m)
    expect(text).toMatch(/^xiangli_process_resident_memory_bytes \d+/m)
    if (DIALECT === 'mysql') expect(text).toMatch(/^xiangli_db_pool_connections\{state="open"\} [1-9]/m)
  })

  it('on SIGTERM stops taking connections, finishes the request under way and exits 0', async () => {
    // a phone on a slow network: the body arrives in two parts, the signal between them
    const body = JSON.stringify({ key: 'resident' })
    const answer = new Promise<{ status: number; text: string }>((ok, fail) => {
      const req = httpRequest(
        `${server.url}/api/auth/demo`,
        {
          method: 'POST',
          agent: false,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          let text = ''
          res.on('data', (d) => (text += d))
          res.on('end', () => ok({ status: res.statusCode!, text }))
        },
      )
      req.on('error', fail)
      req.write(body.slice(0, 5))
      setTimeout(() => {
        process.kill(server.pid, 'SIGTERM')
        setTimeout(() => req.end(body.slice(5)), 700)
      }, 300)
    })
    await new Promise((r) => setTimeout(r, 600))
    await expect(fetch(`${server.url}/health`)).rejects.toThrow()
    const done = await answer
    expect(done.status).toBe(200)
    expect(JSON.parse(done.text)).toEqual(expect.objectContaining({ accessToken: expect.any(String) }))
    expect(await server.exited).toBe(0)
    expect(logLines().map((l) => l.msg)).toEqual(expect.arrayContaining(['stopped']))
  })
})

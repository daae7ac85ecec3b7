import { createHash, timingSafeEqual } from 'node:crypto'
import type { NestFastifyApplication } from '@nestjs/platform-fastify'
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'
import { DataSource } from 'typeorm'
import { ERRORS } from '@xiangli/shared'
import type { AppConfig } from '../config/config'
import { OUTBOX_STATES } from '../../infra/wechat/entities/outbox-message.entity'
import { OutboxWorker } from '../../infra/wechat/outbox.worker'
import type { OutboxCounts } from '../../infra/wechat/send-credits'
import { JobRunner } from '../jobs/job-runner'

/**
 * GET /metrics in Prometheus's text format, for the operator's monitoring; docs/operations.md says
 * what each figure means and what to alert on. It answers only a scraper that sends
 * `Authorization: Bearer <METRICS_TOKEN>`; without METRICS_TOKEN set, there is no /metrics (404).
 * The figures about the data (queues, escalations) are counted in the database when scraped, so
 * every instance reports the same ones; the rest (requests, connections, memory) are this instance's.
 */
export function registerMetrics(app: NestFastifyApplication, config: AppConfig): void {
  const token = config.METRICS_TOKEN
  if (!token) return
  const fastify = app.getHttpAdapter().getInstance()
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'xiangli_' })
  const on = [registry]

  const latency = new Histogram({
    name: 'xiangli_http_request_duration_seconds',
    help: 'Time to answer a request, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: on,
  })
  fastify.addHook('onResponse', (req, reply, done) => {
    // the pattern (/api/villages/:villageId/home), never the address: one series per route
    const route = req.routeOptions?.url ?? 'unmatched'
    latency.observe({ method: req.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000)
    done()
  })

  const pool = new Gauge({
    name: 'xiangli_db_pool_connections',
    help: "This instance's MySQL connections: open, idle, and the limit (absent on SQLite)",
    labelNames: ['state'] as const,
    registers: on,
  })
  const poolWaiting = new Gauge({
    name: 'xiangli_db_pool_waiting',
    help: 'Queries of this instance waiting for a free MySQL connection',
    registers: on,
  })
  const outbox = new Gauge({
    name: 'xiangli_outbox_messages',
    help: 'WeChat messages by state: pending (the backlog), sent, refused (43101), skipped (no subscription accepted), failed (given up); sent, refused and skipped until purged',
    labelNames: ['state'] as const,
    registers: on,
  })
  const queued = new Gauge({
    name: 'xiangli_queue_depth',
    help: 'Work waiting in a queue, by queue',
    labelNames: ['queue'] as const,
    registers: on,
  })
  const oldest = new Gauge({
    name: 'xiangli_queue_oldest_seconds',
    help: 'How long the oldest item of a queue has been due (0 when empty)',
    labelNames: ['queue'] as const,
    registers: on,
  })
  const escalated = new Gauge({
    name: 'xiangli_grievances_escalated',
    help: "Residents' issues sent up to the township: all, and those still waiting there",
    labelNames: ['which'] as const,
    registers: on,
  })
  const jobs = new Gauge({
    name: 'xiangli_job_running',
    help: 'Whether a background job is running on this instance now',
    labelNames: ['job'] as const,
    registers: on,
  })

  const worker = app.get(OutboxWorker)
  const results = [
    'sent',
    'refused',
    'skipped',
    'failed',
    'retrying',
  ] as const satisfies (keyof OutboxCounts)[]
  new Counter({
    name: 'xiangli_outbox_results_total',
    help: "What this instance's outbox did with messages it picked up: sent, refused (43101), skipped (no subscription), failed (given up), retrying",
    labelNames: ['result'] as const,
    registers: on,
    collect() {
      this.reset()
      for (const r of results) this.inc({ result: r }, worker.totals[r])
    },
  })

  const ds = app.get(DataSource)
  const runner = app.get(JobRunner)
  const count = async (sql: string): Promise<number> =>
    Number(((await ds.query(sql)) as { n: number | string | null }[])[0]?.n ?? 0)

  async function refresh(now: Date): Promise<void> {
    const states = (await ds.query('SELECT state, COUNT(*) AS n FROM outbox_message GROUP BY state')) as {
      state: string
      n: number | string
    }[]
    for (const s of OUTBOX_STATES) outbox.set({ state: s }, Number(states.find((r) => r.state === s)?.n ?? 0))
    queued.set({ queue: 'outbox' }, Number(states.find((r) => r.state === 'pending')?.n ?? 0))
    const [first] = (await ds.query(
      "SELECT MIN(nextAttemptAt) AS due FROM outbox_message WHERE state = 'pending'",
    )) as { due: Date | string | null }[]
    const due = first?.due ? new Date(first.due).getTime() : null
    oldest.set({ queue: 'outbox' }, due === null ? 0 : Math.max(0, (now.getTime() - due) / 1000))
    // content checks WeChat has not answered yet, and those waiting for the 两委's review
    queued.set(
      { queue: 'content_check' },
      await count("SELECT COUNT(*) AS n FROM content_check WHERE status = 'pending'"),
    )
    queued.set(
      { queue: 'content_review' },
      await count("SELECT COUNT(*) AS n FROM content_check WHERE status = 'held'"),
    )
    escalated.set(
      { which: 'all' },
      await count('SELECT COUNT(*) AS n FROM grievance WHERE escalatedAt IS NOT NULL'),
    )
    escalated.set(
      { which: 'waiting' },
      await count("SELECT COUNT(*) AS n FROM grievance WHERE state = 'escalated'"),
    )
    const busy = runner.runningNow()
    for (const name of runner.names()) jobs.set({ job: name }, busy.includes(name) ? 1 : 0)
    const p = mysqlPool(ds)
    if (p) {
      pool.set({ state: 'open' }, p._allConnections.length)
      pool.set({ state: 'idle' }, p._freeConnections.length)
      pool.set({ state: 'limit' }, p.config.connectionLimit)
      poolWaiting.set(p._connectionQueue.length)
    }
  }

  const expected = createHash('sha256').update(`Bearer ${token}`).digest()
  fastify.get('/metrics', async (req, reply) => {
    const given = createHash('sha256')
      .update(req.headers.authorization ?? '')
      .digest()
    if (!timingSafeEqual(given, expected)) {
      return reply
        .status(401)
        .header('www-authenticate', 'Bearer')
        .send({ code: 'AUTH_REQUIRED', message: ERRORS.AUTH_REQUIRED.message, requestId: req.id })
    }
    await refresh(new Date())
    return reply.header('content-type', registry.contentType).send(await registry.metrics())
  })
}

/** mysql2's pool behind TypeORM (its counts are not public API, so read defensively) */
interface PoolCounts {
  _allConnections: { length: number }
  _freeConnections: { length: number }
  _connectionQueue: { length: number }
  config: { connectionLimit: number }
}
function mysqlPool(ds: DataSource): PoolCounts | null {
  const p = (ds.driver as { pool?: Partial<PoolCounts> }).pool
  return p?._allConnections && p._freeConnections && p._connectionQueue && p.config ? (p as PoolCounts) : null
}

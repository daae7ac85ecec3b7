// pnpm bench: throughput of one authenticated read against a bare route of the same HTTP stack,
// measured in the same run, reported as a ratio (machines differ; ratios travel); then the
// deliberation bench (server/src/cli/bench-deliberation.ts): check-ins and ballots of a 5,000-member
// villagers' meeting at 100 voters at once on MariaDB against plain INSERTs, and its tally.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { buildWhatIsNeeded, mustRun, root } from './lib.mjs'

const DURATION = Number(process.env.BENCH_SECONDS ?? 8)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)

await buildWhatIsNeeded({ h5: false })
const port = 3900 + Math.floor(Math.random() * 90)
const db = join(tmpdir(), `xiangli-bench-${randomBytes(4).toString('hex')}.sqlite`)
const server = spawn(process.execPath, ['server/dist/main.js'], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    SQLITE_PATH: db,
    DEMO_ENABLED: 'true',
    LOG_LEVEL: 'warn',
    JWT_SECRET: randomBytes(24).toString('hex'),
    FIELD_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
  },
})
const base = `http://127.0.0.1:${port}`
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/health`)).ok) break
    } catch {
      // starting
    }
    if (i > 300) throw new Error('server did not start')
    await new Promise((r) => setTimeout(r, 200))
  }
  const login = await (
    await fetch(`${base}/api/auth/demo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: 'resident' }),
    })
  ).json()
  const bench = (title, path, headers = {}) =>
    autocannon({ title, url: base + path, connections: CONNECTIONS, duration: DURATION, headers })

  const hello = await bench('bare route GET /health/live', '/health/live')
  const me = await bench('authenticated GET /api/me', '/api/me', {
    authorization: `Bearer ${login.accessToken}`,
  })
  const row = (r) =>
    `${r.title.padEnd(32)} ${String(Math.round(r.requests.average)).padStart(8)} req/s   p99 ${String(r.latency.p99).padStart(4)} ms   errors ${r.errors + r.non2xx}`
  console.log(`\nHTTP stack: NestJS 11 on Fastify, SQLite, ${CONNECTIONS} connections, ${DURATION} s each`)
  console.log(row(hello))
  console.log(row(me))
  console.log(`ratio authenticated/bare: ${(me.requests.average / hello.requests.average).toFixed(3)}`)
} finally {
  server.kill('SIGTERM')
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true })
}

await mustRun('deliberation bench', process.execPath, ['server/dist/cli/bench-deliberation.js'], {
  env: { MYSQL_URL: process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test' },
})

// pnpm bench: throughput of one authenticated read against a bare route of the same HTTP stack,
// measured in the same run, reported as a ratio (machines differ; ratios travel); the weak-signal
// figures (scripts/bench-weak-signal.mjs): a shared notice and the resident home in headless Chromium
// over 400 kbps / 400 ms, bytes on the wire and time to first content beside their targets; then the
// deliberation bench (server/src/cli/bench-deliberation.ts): check-ins and ballots of a 5,000-member
// villagers' meeting at 100 voters at once on MariaDB against plain INSERTs, and its tally.
// The memory part (scripts/bench-memory.mjs): the server's RSS after boot, at its peak under a mix of
// authenticated reads by five demo people, and after the load, beside the target (peak ≤ 200 MB),
// with the peak under the bare route as the baseline of its ratio. Every server runs as
// `pnpm start:prod` runs it, with --max-old-space-size=160 --max-semi-space-size=4
// (BENCH_SERVER_FLAGS; empty for V8's own limits). Figures of both memory parts: docs/operations.md.
//   --only=http|weak-signal|memory|deliberation   runs one part
//   --only=soak   only on its own (never in a plain `pnpm bench`, nor in CI): BENCH_SOAK_SECONDS (600)
//                 of moderate reads and writes, RSS every 10 s, its slope over the second half and a verdict
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { benchMemory, benchSoak } from './bench-memory.mjs'
import { benchWeakSignal } from './bench-weak-signal.mjs'
import { buildWhatIsNeeded, mustRun, root } from './lib.mjs'

const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7)
const runs = (part) => (!only && part !== 'soak') || only === part
const DURATION = Number(process.env.BENCH_SECONDS ?? 8)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const CPU_REQUESTS = Number(process.env.BENCH_CPU_REQUESTS ?? 6000)
/** issue 14: an authenticated read at ≥ 0.6 of the bare route's throughput */
const READ_TARGET = 0.6

/** user + system CPU ticks a process has used (Linux /proc; 100 ticks a second). */
function cpuTicks(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return Number(fields[11]) + Number(fields[12])
}
/**
 * The server's V8 heap limits, as `pnpm start:prod` and docs/operations.md set them; without them V8
 * lets garbage pile up to 300 MB and more under load before it collects (BENCH_SERVER_FLAGS= for none)
 */
const SERVER_FLAGS = (process.env.BENCH_SERVER_FLAGS ?? '--max-old-space-size=160 --max-semi-space-size=4')
  .split(' ')
  .filter(Boolean)

await buildWhatIsNeeded({ h5: runs('weak-signal') })

/** The built server on a fresh SQLite file with the demo village, answering once /health does. */
async function startServer({ h5 = false } = {}) {
  const port = 3900 + Math.floor(Math.random() * 90)
  const db = join(tmpdir(), `xiangli-bench-${randomBytes(4).toString('hex')}.sqlite`)
  const server = spawn(process.execPath, [...SERVER_FLAGS, 'server/dist/main.js'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SQLITE_PATH: db,
      DEMO_ENABLED: 'true',
      ...(h5 ? { H5_DIR: join(root, 'miniapp/dist-h5') } : {}),
      LOG_LEVEL: 'warn',
      JWT_SECRET: randomBytes(24).toString('hex'),
      FIELD_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    },
  })
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((r) => server.once('exit', r))
      server.kill('SIGTERM')
      await exited
    }
    for (const f of [db, `${db}-wal`, `${db}-shm`, `${db}.migrating`]) rmSync(f, { force: true })
  }
  const base = `http://127.0.0.1:${port}`
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/health`)).ok) break
    } catch {
      // starting
    }
    if (i > 300) {
      await stop()
      throw new Error('server did not start')
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  return { base, pid: server.pid, stop, flags: SERVER_FLAGS.join(' ') }
}

if (runs('http') || runs('weak-signal')) {
  const { base, pid, stop } = await startServer({ h5: runs('weak-signal') })
  try {
    const login = await (
      await fetch(`${base}/api/auth/demo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ key: 'resident' }),
      })
    ).json()
    if (runs('http')) {
      const bench = (title, path, headers = {}) =>
        autocannon({ title, url: base + path, connections: CONNECTIONS, duration: DURATION, headers })

      const hello = await bench('bare route GET /health/live', '/health/live')
      const me = await bench('authenticated GET /api/me', '/api/me', {
        authorization: `Bearer ${login.accessToken}`,
      })
      const row = (r) =>
        `${r.title.padEnd(32)} ${String(Math.round(r.requests.average)).padStart(8)} req/s   p99 ${String(r.latency.p99).padStart(4)} ms   errors ${r.errors + r.non2xx}`
      console.log(
        `\nHTTP stack: NestJS 11 on Fastify, SQLite, ${CONNECTIONS} connections, ${DURATION} s each`,
      )
      console.log(row(hello))
      console.log(row(me))
      const ratio = me.requests.average / hello.requests.average
      console.log(
        `ratio authenticated/bare: ${ratio.toFixed(3)}   target ≥ ${READ_TARGET} (${ratio >= READ_TARGET ? 'met' : 'missed'})`,
      )
      // req/s moves with whatever else the machine runs; the server's own CPU time per request much less
      const cpuPer = async (path, headers = {}) => {
        const before = cpuTicks(pid)
        await autocannon({ url: base + path, connections: 20, amount: CPU_REQUESTS, headers })
        return ((cpuTicks(pid) - before) * 10) / CPU_REQUESTS // ms per request at 100 ticks/s
      }
      const bareCpu = await cpuPer('/health/live')
      const meCpu = await cpuPer('/api/me', { authorization: `Bearer ${login.accessToken}` })
      console.log(
        `server CPU per request: bare ${bareCpu.toFixed(3)} ms, authenticated ${meCpu.toFixed(3)} ms; ratio bare/authenticated ${(bareCpu / meCpu).toFixed(3)}   target ≥ ${READ_TARGET}`,
      )
    }
    if (runs('weak-signal')) await benchWeakSignal(base, login.accessToken)
  } finally {
    await stop()
  }
}
// each on servers of their own, started for them: memory left by one load would count in the next
if (runs('memory')) await benchMemory(startServer)
if (runs('soak')) await benchSoak(startServer)

if (runs('deliberation'))
  await mustRun('deliberation bench', process.execPath, ['server/dist/cli/bench-deliberation.js'], {
    env: { MYSQL_URL: process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test' },
  })

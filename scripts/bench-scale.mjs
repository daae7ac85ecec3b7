// pnpm bench:scale: every list and dashboard read, timed at demo size and again after pnpm seed:scale
// has grown the same MariaDB database, in one run; per endpoint the ratio large/demo beside its
// target (1.5×), the bytes of the answer and the SQL statements it ran. Each statement a read runs is
// taken from MariaDB's general log and its EXPLAIN written to bench-output/scale-explain.txt.
//   BENCH_DB (default xl_bench_scale, dropped and re-created), MYSQL_URL (server root URL),
//   BENCH_REPEAT (timed requests per endpoint, default 15); other arguments go to seed:scale,
//   e.g. node scripts/bench-scale.mjs --villages 200 --residents 200000 --heavy-issues 100000
import { Buffer } from 'node:buffer'
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { buildWhatIsNeeded, mustRun, root } from './lib.mjs'

const { createConnection } = createRequire(join(root, 'server/package.json'))('mysql2/promise')
const seedArgs = process.argv.slice(2)
const REPEAT = Number(process.env.BENCH_REPEAT ?? 15)
const TARGET = 1.5
const DB = process.env.BENCH_DB ?? 'xl_bench_scale'
const serverUrl = (process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test').replace(/\/[^/]*$/, '')
const dbUrl = `${serverUrl}/${DB}`
const fieldKey = randomBytes(32).toString('hex')

await buildWhatIsNeeded({ h5: false })
const admin = await createConnection({ uri: `${serverUrl}/mysql`, multipleStatements: true })
await admin.query(
  `DROP DATABASE IF EXISTS \`${DB}\`; CREATE DATABASE \`${DB}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
)

const port = 3900 + Math.floor(Math.random() * 90)
const base = `http://127.0.0.1:${port}`
const server = spawn(process.execPath, ['server/dist/main.js'], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: dbUrl,
    DEMO_ENABLED: 'true',
    LOG_LEVEL: 'warn',
    JWT_SECRET: randomBytes(24).toString('hex'),
    FIELD_ENCRYPTION_KEY: fieldKey,
  },
})

async function login(key) {
  const res = await fetch(`${base}/api/auth/demo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key }),
  })
  if (!res.ok) throw new Error(`demo login ${key}: ${res.status}`)
  return (await res.json()).accessToken
}

/** The reads, as the people who make them; `v` the demo village, `t` its township. */
const endpoints = (v, t) => [
  ['resident', 'issue wall', `/api/villages/${v}/grievances/public`],
  ['resident', 'issue wall, page 50', `/api/villages/${v}/grievances/public?page=50`],
  ['resident', 'my issues', `/api/villages/${v}/grievances/mine`],
  ['committee', 'issue queue, all', `/api/villages/${v}/grievances`],
  ['committee', 'issue queue, overdue', `/api/villages/${v}/grievances?overdue=true`],
  ['committee', 'issue queue, page 200', `/api/villages/${v}/grievances?page=200`],
  ['township', 'township issue stats', `/api/townships/${t}/grievances/stats`],
  ['township', 'township issue list', `/api/townships/${t}/grievances`],
  // the first page carries the township-wide summary; the page after 柳林村 (the township's first
  // village) is what each 加载更多 costs; only=overdue walks the villages until its page is full
  ['township', 'township publication calendar', `/api/townships/${t}/notice-calendar?pageSize=20`],
  ['township', 'township calendar, page 2', `/api/townships/${t}/notice-calendar?pageSize=20&after=${v}`],
  [
    'township',
    'township calendar, overdue, page 2',
    `/api/townships/${t}/notice-calendar?pageSize=20&only=overdue&after=${v}`,
  ],
  ['township', 'township dashboard', `/api/townships/${t}/dashboard`],
  ['township', 'township notice objections', `/api/townships/${t}/notice-objections`],
  ['committee', 'village publication calendar', `/api/villages/${v}/notice-calendar`],
  ['resident', 'notice feed', `/api/villages/${v}/notices`],
  ['resident', 'notice feed, page 50', `/api/villages/${v}/notices?page=50`],
  ['resident', 'unread counts', `/api/villages/${v}/notices/unread`],
  // the same count for a reader who tapped 全部已读 (measure() taps it first): only notices after it
  ['representative', 'unread counts after 全部已读', `/api/villages/${v}/notices/unread`],
  ['committee', 'notice management', `/api/villages/${v}/notices/manage`],
  ['committee', 'roster, page 1', `/api/villages/${v}/residents`],
  ['committee', 'roster, page 500', `/api/villages/${v}/residents?page=500`],
  ['committee', 'households', `/api/villages/${v}/households`],
  ['committee', 'audit log', `/api/villages/${v}/audit`],
  ['committee', 'audit log, page 500', `/api/villages/${v}/audit?page=500`],
  ['resident', 'village home (resident)', `/api/villages/${v}/home`],
  ['committee', 'village home (committee)', `/api/villages/${v}/home`],
]

/** Median milliseconds of REPEAT sequential requests after three to warm up, and the answer's size. */
async function time(path, token) {
  const get = async () => {
    const res = await fetch(base + path, { headers: { authorization: `Bearer ${token}` } })
    const body = await res.arrayBuffer()
    if (!res.ok) throw new Error(`${path}: ${res.status} ${Buffer.from(body).toString().slice(0, 200)}`)
    return body.byteLength
  }
  for (let i = 0; i < 3; i++) await get()
  const ms = []
  let bytes = 0
  for (let i = 0; i < REPEAT; i++) {
    const t0 = performance.now()
    bytes = await get()
    ms.push(performance.now() - t0)
  }
  ms.sort((a, b) => a - b)
  return { ms: ms[Math.floor(ms.length / 2)], bytes }
}

/** The statements one request runs (from the general log), each with its EXPLAIN. */
async function statementsOf(path, token, db) {
  await admin.query("SET GLOBAL log_output = 'TABLE'; TRUNCATE mysql.general_log; SET GLOBAL general_log = 1")
  await fetch(base + path, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.arrayBuffer())
  await admin.query('SET GLOBAL general_log = 0')
  const [rows] = await admin.query(
    "SELECT CONVERT(argument USING utf8mb4) AS q FROM mysql.general_log WHERE command_type IN ('Query', 'Execute') AND thread_id NOT IN (?, ?)",
    [admin.threadId, db.threadId],
  )
  const queries = rows.map((r) => r.q).filter((q) => /^\s*(SELECT|WITH)\b/i.test(q))
  const explained = []
  for (const q of queries) {
    try {
      const [plan] = await db.query(`EXPLAIN ${q}`)
      explained.push({ q, plan })
    } catch (e) {
      explained.push({ q, plan: [{ error: e.message }] })
    }
  }
  return { count: queries.length, explained }
}

const planText = (plan) =>
  plan
    .map((p) =>
      p.error
        ? `    ${p.error}`
        : `    ${p.table ?? ''} type=${p.type} key=${p.key ?? '-'} rows=${p.rows} ${p.Extra ?? ''}`,
    )
    .join('\n')

async function measure(label, ids, tokens, db, explainOut) {
  const out = {}
  const readAll = await fetch(`${base}/api/villages/${ids.v}/notices/read-all`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens.representative}` },
  })
  if (!readAll.ok) throw new Error(`全部已读: ${readAll.status}`)
  // one pass over every read first, so that neither size is timed on a cold server
  for (const [who, , path] of endpoints(ids.v, ids.t)) await time(path, tokens[who])
  for (const [who, name, path] of endpoints(ids.v, ids.t)) {
    const r = await time(path, tokens[who])
    const s = await statementsOf(path, tokens[who], db)
    out[name] = { ...r, statements: s.count }
    explainOut.push(`\n## ${label}: ${name}  GET ${path}  (${s.count} statements)`)
    for (const e of s.explained)
      explainOut.push(`  ${e.q.replace(/\s+/g, ' ').slice(0, 600)}\n${planText(e.plan)}`)
  }
  return out
}

const counts = async (db) => {
  const [[c]] = await db.query(
    `SELECT (SELECT COUNT(*) FROM org WHERE kind = 'village') villages, (SELECT COUNT(*) FROM resident) residents,
      (SELECT COUNT(*) FROM grievance) issues, (SELECT COUNT(*) FROM public_notice) notices,
      (SELECT COUNT(*) FROM audit_entry) audit`,
  )
  return c
}

let failed = false
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
  const db = await createConnection({ uri: dbUrl })
  const [[ids]] = await db.query(
    "SELECT v.id v, v.parentId t FROM org v WHERE v.kind = 'village' AND v.name = '柳林村'",
  )
  const tokens = {}
  for (const k of ['resident', 'representative', 'committee', 'township']) tokens[k] = await login(k)
  const explain = []
  const demoCounts = await counts(db)
  const demo = await measure('demo', ids, tokens, db, explain)
  await mustRun('seed:scale', process.execPath, ['server/dist/cli/seed-scale.js', ...seedArgs], {
    env: { MYSQL_URL: dbUrl, FIELD_ENCRYPTION_KEY: fieldKey },
  })
  const largeCounts = await counts(db)
  const large = await measure('large', ids, tokens, db, explain)
  await db.end()

  const dir = join(root, 'bench-output')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'scale-explain.txt'), explain.join('\n') + '\n')
  writeFileSync(
    join(dir, 'scale.json'),
    JSON.stringify({ demoCounts, largeCounts, seedArgs, demo, large }, null, 2) + '\n',
  )
  const fmt = (n) => (n >= 100 ? n.toFixed(0) : n.toFixed(1))
  console.log(`\nMariaDB, median of ${REPEAT} sequential requests each`)
  console.log(`demo:  ${JSON.stringify(demoCounts)}`)
  console.log(`large: ${JSON.stringify(largeCounts)}`)
  console.log(
    `${'endpoint'.padEnd(32)} ${'demo ms'.padStart(8)} ${'large ms'.padStart(9)} ${'ratio'.padStart(6)}  target  ${'bytes'.padStart(8)}  statements`,
  )
  for (const name of Object.keys(demo)) {
    const d = demo[name]
    const l = large[name]
    const ratio = l.ms / d.ms
    const ok = ratio <= TARGET
    console.log(
      `${name.padEnd(32)} ${fmt(d.ms).padStart(8)} ${fmt(l.ms).padStart(9)} ${ratio.toFixed(2).padStart(6)}  ≤${TARGET} ${ok ? '✓' : '✗'}  ${String(l.bytes).padStart(8)}  ${d.statements} → ${l.statements}`,
    )
  }
  console.log('EXPLAIN of every statement: bench-output/scale-explain.txt')
} catch (e) {
  console.error(e)
  failed = true
} finally {
  server.kill('SIGTERM')
  await admin.query('SET GLOBAL general_log = 0').catch(() => undefined)
  await admin.end()
}
if (failed) process.exit(1)

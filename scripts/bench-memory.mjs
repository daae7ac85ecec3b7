// The memory parts of pnpm bench, each on servers bench.mjs starts for it (their process ids are read):
//   memory  the server's resident memory (RSS, sampled every second) after boot, at its peak under a
//           mix of authenticated reads by five demo people, and once the load is over, beside the
//           target (peak ≤ 200 MB); the peak of another fresh server under the bare /health/live
//           route is the baseline the ratio is taken against.
//   soak    moderate load for BENCH_SOAK_SECONDS (600): reads at a fixed rate plus valid writes
//           (issues raised, replied to, notices marked read), RSS sampled every 10 s, and whether it
//           still grows over the second half. Prints a verdict; never fails (it is not in CI).
// Figures, not assertions: they depend on the machine and are read by a person.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { clearInterval, setInterval } from 'node:timers'
import autocannon from 'autocannon'

const MB = 1024 * 1024
/** the issue's target for the server's peak RSS under the read benchmark */
const PEAK_TARGET_MB = 200
/**
 * Growth the soak tolerates over its second half. At the soak's 200 reads/s a leak of 80 bytes per
 * request would already climb 1 MB/min, so anything kept per request shows above this line; below
 * it is V8 settling its heap and the allocator's own slack, which flattens as the run goes on.
 */
const SLOPE_TOLERANCE_MB_PER_MIN = 1

/** The process's resident set in bytes: /proc on Linux, `ps` elsewhere. */
export function rss(pid) {
  try {
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
    if (kb) return Number(kb) * 1024
  } catch {
    // no /proc: ask ps
  }
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) * 1024
}

/** Samples the RSS of `pid` every `everyMs` until stopped: [{ s: seconds since start, rss }]. */
function sampler(pid, everyMs) {
  const started = Date.now()
  const samples = []
  const take = () => {
    try {
      samples.push({ s: (Date.now() - started) / 1000, rss: rss(pid) })
    } catch {
      // the server has gone: what it answered is reported by the load
    }
  }
  take()
  const timer = setInterval(take, everyMs)
  return {
    samples,
    stop() {
      clearInterval(timer)
      take()
      return samples
    },
  }
}

const mb = (bytes) => `${(bytes / MB).toFixed(1)} MB`
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const peak = (samples) => Math.max(...samples.map((x) => x.rss))

/** Logs in the demo people the mixes use; their village and township are read from /api/me. */
export async function demoLogins(base) {
  const people = {}
  for (const key of ['resident', 'committee', 'grid_worker', 'representative', 'township']) {
    const res = await fetch(`${base}/api/auth/demo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key }),
    })
    if (!res.ok) throw new Error(`demo login ${key}: ${res.status}`)
    const { accessToken } = await res.json()
    const headers = { authorization: `Bearer ${accessToken}` }
    const me = await (await fetch(`${base}/api/me`, { headers })).json()
    people[key] = { headers, orgId: me.memberships[0].orgId }
  }
  return people
}

/** One round of what the app reads: the home, notices, the 村民说事 wall and queue, inbox, me, the township. */
export function readMix(people) {
  const v = people.resident.orgId
  const t = people.township.orgId
  const get = (who, path) => ({ method: 'GET', path, headers: people[who].headers })
  return [
    get('resident', `/api/villages/${v}/home`),
    get('resident', `/api/villages/${v}/notices`),
    get('resident', `/api/villages/${v}/notices/unread`),
    get('resident', `/api/villages/${v}/grievances/public`),
    get('resident', `/api/villages/${v}/grievances/mine`),
    get('resident', '/api/inbox'),
    get('resident', '/api/inbox/unread-count'),
    get('resident', '/api/me'),
    get('committee', `/api/villages/${v}/home`),
    get('committee', `/api/villages/${v}/grievances`),
    get('committee', '/api/inbox'),
    get('grid_worker', `/api/villages/${v}/home`),
    get('representative', `/api/villages/${v}/notices`),
    get('township', `/api/townships/${t}/dashboard`),
    get('township', `/api/townships/${t}/grievances`),
  ]
}

/** The load on one fresh server: its RSS once booted, every second under the load, and 10 s after. */
async function underLoad(startServer, options) {
  const server = await startServer()
  try {
    const people = await demoLogins(server.base)
    await sleep(2000)
    const atStart = rss(server.pid)
    const s = sampler(server.pid, 1000)
    const result = await autocannon({ url: server.base, ...options(server.base, people) })
    const samples = s.stop()
    await sleep(10_000)
    return { atStart, peak: peak(samples), after: rss(server.pid), result, flags: server.flags }
  } finally {
    await server.stop()
  }
}

const errors = (r) => r.errors + r.non2xx + r.timeouts
const heapLimits = (flags) => flags || "V8's own heap limits"

export async function benchMemory(startServer) {
  const duration = Number(process.env.BENCH_MEMORY_SECONDS ?? 30)
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 50)
  const load = { connections, duration }
  const bare = await underLoad(startServer, (base) => ({ ...load, url: base + '/health/live' }))
  const mix = await underLoad(startServer, (base, people) => ({ ...load, requests: readMix(people) }))
  const ok = (bytes) => (bytes <= PEAK_TARGET_MB * MB ? '✓' : '✗ over')
  const row = (label, bytes, note = '') =>
    console.log(`  ${label.padEnd(36)} ${mb(bytes).padStart(9)}   ${note}`)
  const rate = (r) => `${Math.round(r.requests.average)} req/s, errors ${errors(r)}`
  console.log(
    `\nMemory: server RSS, ${connections} connections for ${duration} s, sampled every second; each load on a fresh server, ${heapLimits(mix.flags)}`,
  )
  row('authenticated read mix: after boot', mix.atStart)
  row(
    '                        peak',
    mix.peak,
    `target ≤ ${PEAK_TARGET_MB} MB ${ok(mix.peak)}   ${rate(mix.result)}`,
  )
  row('                        10 s after', mix.after)
  row('bare GET /health/live:  after boot', bare.atStart)
  row('                        peak', bare.peak, rate(bare.result))
  row('                        10 s after', bare.after)
  console.log(`ratio peak read mix/bare: ${(mix.peak / bare.peak).toFixed(3)}`)
}

/** Least-squares slope of RSS against time, in MB per minute. */
export function slopePerMinute(samples) {
  const n = samples.length
  if (n < 2) return 0
  const mx = samples.reduce((a, x) => a + x.s, 0) / n
  const my = samples.reduce((a, x) => a + x.rss, 0) / n
  let num = 0
  let den = 0
  for (const x of samples) {
    num += (x.s - mx) * (x.rss - my)
    den += (x.s - mx) ** 2
  }
  return den === 0 ? 0 : ((num / den) * 60) / MB
}

/**
 * Valid writes a village makes while the reads go on, about three a second: an issue raised, a reply
 * from the committee, notices marked read. A refused write is counted, not thrown: the soak goes on.
 */
async function writeLoop(base, people, until) {
  const v = people.resident.orgId
  const tally = { ok: 0, refused: 0, firstRefusal: null }
  const post = async (who, path, body) => {
    const res = await fetch(base + path, {
      method: 'POST',
      headers: { ...people[who].headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).catch((e) => ({ ok: false, status: e.message, text: async () => '' }))
    if (res.ok) {
      tally.ok++
      return res.json()
    }
    tally.refused++
    tally.firstRefusal ??= `POST ${path}: ${res.status} ${await res.text()}`
    return null
  }
  for (let i = 1; Date.now() < until; i++) {
    const raiser = i % 2 ? 'resident' : 'representative'
    const issue = await post(raiser, `/api/villages/${v}/grievances`, {
      category: '其他',
      title: `村口路灯第 ${i} 次不亮`,
      text: '晚上村口一片黑，老人出门看不清路，请村里找人修一下。',
      photoIds: [],
    })
    if (issue)
      await post('committee', `/api/villages/${v}/grievances/${issue.id}/replies`, {
        text: '收到，明天请电工来看。',
        photoIds: [],
      })
    await post(raiser, `/api/villages/${v}/notices/read-all`, {})
    await sleep(1000)
  }
  return tally
}

export async function benchSoak(startServer) {
  const server = await startServer()
  try {
    console.log(`\nSoak on a server with ${heapLimits(server.flags)}`)
    await soak(server.base, server.pid, await demoLogins(server.base))
  } finally {
    await server.stop()
  }
}

async function soak(base, pid, people) {
  const seconds = Number(process.env.BENCH_SOAK_SECONDS ?? 600)
  const rate = Number(process.env.BENCH_SOAK_RATE ?? 200)
  const connections = 20
  console.log(
    `\nSoak: ${seconds} s, ${connections} connections reading at ${rate} req/s in all, plus a write loop; RSS every 10 s`,
  )
  const s = sampler(pid, 10_000)
  const until = Date.now() + seconds * 1000
  const [reads, writes] = await Promise.all([
    autocannon({ url: base, connections, overallRate: rate, duration: seconds, requests: readMix(people) }),
    writeLoop(base, people, until),
  ])
  const samples = s.stop()
  const at = (sec) => samples.reduce((best, x) => (Math.abs(x.s - sec) < Math.abs(best.s - sec) ? x : best))
  const secondHalf = samples.filter((x) => x.s >= seconds / 2)
  const slope = slopePerMinute(secondHalf)
  const perMinute = reads.requests.average * 60 + (writes.ok / seconds) * 60 || 1
  console.log(`  RSS series (MB): ${samples.map((x) => (x.rss / MB).toFixed(0)).join(' ')}`)
  console.log(`  RSS at 1 min                     ${mb(at(60).rss).padStart(9)}`)
  console.log(`  RSS at the end                   ${mb(samples.at(-1).rss).padStart(9)}`)
  console.log(`  peak                             ${mb(peak(samples)).padStart(9)}`)
  console.log(
    `  slope over the second half       ${slope.toFixed(2).padStart(6)} MB/min  (${Math.round((slope * MB) / perMinute)} bytes per request)`,
  )
  console.log(
    `  requests: ${reads.requests.total} reads (errors ${errors(reads)}, p99 ${reads.latency.p99} ms), ${writes.ok} writes (refused ${writes.refused})`,
  )
  if (writes.firstRefusal) console.log(`  first refused write: ${writes.firstRefusal}`)
  const flat = slope < SLOPE_TOLERANCE_MB_PER_MIN
  console.log(
    `verdict: ${flat ? 'no growth' : 'GROWS'} — slope ${slope.toFixed(2)} MB/min over the second half ${flat ? '<' : '≥'} tolerance ${SLOPE_TOLERANCE_MB_PER_MIN} MB/min`,
  )
}

// What `pnpm test` needs from the machine beyond Node and the packages: checked before
// anything runs, installed with apt where this machine allows it (Debian, as root or with sudo that asks
// no password), and otherwise named with the exact command to install it. `.ci/run` calls this file too:
//   node scripts/prereqs.mjs [--no-browser] [--mysql]
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { connect } from 'node:net'

/** certificate PDFs bring their own font (server/src/modules/certificates/certificate-font.ts); Chromium needs this one */
export const SYSTEM_CJK_FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'
const SERVER_STAGES = ['server-sqlite', 'server-mysql']

/**
 * What the given test stages need. Each need says what it is for, how to see it is there
 * on `system`, the Debian package that brings it, and what to install elsewhere.
 */
export function needsFor(stages, env = process.env) {
  const server = stages.some((s) => SERVER_STAGES.includes(s))
  const chromium = env.CHROMIUM_PATH || '/usr/bin/chromium'
  const needs = []
  if (server)
    needs.push({
      apt: 'poppler-utils',
      other: 'poppler (pdftotext and pdftoppm on the PATH)',
      why: 'the certificate tests read the PDFs back',
      present: (sys) => sys.has('pdftotext') && sys.has('pdftoppm'),
    })
  if (server && !env.REDIS_URL)
    needs.push({
      apt: 'redis-server',
      other: 'Redis (redis-server on the PATH, or set REDIS_URL)',
      why: 'the rate-limit tests share counts between two servers through it',
      present: (sys) => sys.has('redis-server'),
    })
  if (stages.includes('server-mysql'))
    needs.push({
      apt: 'mariadb-client',
      other: 'the MariaDB or MySQL client (mariadb-dump or mysqldump on the PATH)',
      why: 'the backup tests on MySQL',
      present: (sys) => sys.has('mariadb-dump') || sys.has('mysqldump'),
    })
  if (stages.includes('browser'))
    needs.push(
      {
        apt: 'chromium',
        other: `Chromium at ${chromium} (or set CHROMIUM_PATH)`,
        why: 'the browser tests',
        present: (sys) => sys.exists(chromium),
      },
      {
        apt: 'fonts-wqy-microhei',
        other: `a Chinese font for Chromium (WenQuanYi Micro Hei at ${SYSTEM_CJK_FONT})`,
        why: 'the browser tests draw Chinese pages',
        present: (sys) => sys.exists(SYSTEM_CJK_FONT),
      },
    )
  return needs
}

/** The machine as it is: who runs this, whether it is Debian, which commands and files exist. */
export function probeSystem() {
  const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0
  return {
    isRoot: process.getuid?.() === 0,
    isDebian: existsSync('/etc/debian_version') && has('apt-get'),
    sudoWithoutPassword: () =>
      has('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0,
    has,
    exists: existsSync,
  }
}

/**
 * What to do about the needs: 'go' (all there), 'install' (with the apt command to run) or 'stop'
 * (with the lines that say exactly what to install).
 */
export function plan(needs, sys, { command = 'pnpm test', hint } = {}) {
  const missing = needs.filter((n) => !n.present(sys))
  if (missing.length === 0) return { action: 'go', missing }
  const packages = missing.map((n) => n.apt)
  const canInstall = sys.isDebian && (sys.isRoot || sys.sudoWithoutPassword())
  const sudo = sys.isRoot ? [] : ['sudo']
  if (canInstall)
    return { action: 'install', missing, apt: [...sudo, 'apt-get', 'install', '-y', ...packages] }
  const lines = [`${command} needs what this machine lacks:`]
  for (const n of missing) lines.push(`  ${n.apt} — ${n.why}`)
  if (sys.isDebian) {
    lines.push('Install it with:', `  sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`)
  } else {
    lines.length = 1
    for (const n of missing) lines.push(`  ${n.other} — ${n.why}`)
    lines.push(
      'This is not Debian: install them with your system’s package manager.',
      `(On Debian: sudo apt-get install -y ${packages.join(' ')})`,
    )
  }
  if (hint) lines.push(hint)
  return { action: 'stop', missing, lines }
}

/** Runs apt-get update and the install, quietly; resolves to the exit code. */
function aptInstall(aptArgs) {
  const sudo = aptArgs[0] === 'sudo' ? ['sudo'] : []
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const step = (args) =>
    new Promise((resolve) => {
      const [cmd, ...rest] = [...sudo, ...args]
      const child = spawn(cmd, rest, { stdio: ['ignore', 'ignore', 'inherit'], env })
      child.on('exit', (code) => resolve(code ?? 1))
      child.on('error', () => resolve(1))
    })
  return step(['apt-get', 'update', '-qq']).then((code) =>
    code === 0 ? step(aptArgs.slice(sudo.length).concat('-qq')) : code,
  )
}

/**
 * Checks the needs, installs what is missing when it can, and answers whether the command may go on.
 * On false, `log` has printed what to install; nothing else has run.
 */
export async function ensure(
  needs,
  { sys = probeSystem(), log = console.log, install = aptInstall, ...opts } = {},
) {
  const first = plan(needs, sys, opts)
  if (first.action === 'go') return true
  if (first.action === 'install') {
    log(`Installing what ${opts.command ?? 'pnpm test'} needs: ${first.apt.join(' ')}`)
    const code = await install(first.apt)
    const after = plan(needs, sys, opts)
    if (code === 0 && after.action === 'go') return true
    log(`The install did not bring everything (exit ${code}).`)
    const stop = plan(needs, { ...sys, isRoot: false, sudoWithoutPassword: () => false }, opts)
    for (const l of stop.lines ?? []) log(l)
    return false
  }
  for (const l of first.lines) log(l)
  return false
}

const redisUp = () =>
  new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port: 6379 }, () => {
      s.end()
      resolve(true)
    })
    s.on('error', () => resolve(false))
  })

/** Starts a throwaway Redis on 127.0.0.1:6379 for the tests when none answers there (and REDIS_URL is unset). */
export async function ensureRedis(env = process.env, log = console.log) {
  if (env.REDIS_URL || (await redisUp())) return true
  spawnSync(
    'redis-server',
    ['--bind', '127.0.0.1', '--port', '6379', '--save', '', '--appendonly', 'no', '--daemonize', 'yes'],
    {
      stdio: 'ignore',
    },
  )
  for (let i = 0; i < 30; i++) {
    if (await redisUp()) return true
    await new Promise((r) => setTimeout(r, 500))
  }
  log('Redis did not answer on 127.0.0.1:6379: start redis-server there, or set REDIS_URL.')
  return false
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2)
  const stages = ['server-sqlite']
  if (args.includes('--mysql') || process.env.MYSQL_URL) stages.push('server-mysql')
  if (!args.includes('--no-browser')) stages.push('browser')
  const needs = needsFor(stages)
  const ok = (await ensure(needs)) && (await ensureRedis())
  if (!ok) console.log('The machine is not ready for the tests.\n0 passed, 1 failed')
  process.exit(ok ? 0 : 1)
}

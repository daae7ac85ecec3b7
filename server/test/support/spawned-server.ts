import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, rmdirSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { DatabaseTarget } from '../../src/core/database/data-source'
import { TEST_ENV } from './app'

const root = resolve(__dirname, '../../..')

/**
 * Builds shared and the server when their sources are newer than server/dist (as `pnpm test` does
 * before the server stages), so a test that runs the real server never runs a stale one. Suites run
 * in parallel workers: a lock directory keeps two of them from building at once.
 */
export function ensureServerBuilt(): void {
  const lock = join(tmpdir(), `xiangli-build-${root.replace(/[^A-Za-z0-9]/g, '_')}.lock`)
  const deadline = Date.now() + 300_000
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch {
      // a build that died left its lock behind: older than any build takes
      const held = statSync(lock, { throwIfNoEntry: false })
      if (held && Date.now() - held.mtimeMs > 180_000) rmSync(lock, { recursive: true, force: true })
      if (Date.now() > deadline) throw new Error(`waited 5 minutes for ${lock}`)
      execFileSync('sleep', ['0.5'])
    }
  }
  try {
    execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const m = await import(${JSON.stringify(join(root, 'scripts/lib.mjs'))}); await m.buildWhatIsNeeded({ h5: false })`,
      ],
      { cwd: root, stdio: 'inherit' },
    )
  } finally {
    rmdirSync(lock)
  }
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer()
    s.unref()
    s.on('error', fail)
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => ok(port))
    })
  })
}

export interface SpawnedServer {
  url: string
  /** everything the process wrote to stdout and stderr */
  output: () => string
  /** what it wrote to stdout alone: the JSON log stream */
  stdout: () => string
  /** the process id, for sending it a signal */
  pid: number
  /** resolves with the exit code (null when a signal ended it) once the process has exited */
  exited: Promise<number | null>
  /** SIGKILL: the process dies at once, mid-request, as in a power cut or an OOM kill */
  kill: () => Promise<void>
  /** SIGTERM, then SIGKILL if it does not stop */
  stop: () => Promise<void>
}

/**
 * The built server (`node server/dist/main.js`) as production runs it, in its own process, on an
 * existing database (migrated and seeded by the caller), with the test secrets, so tokens made by
 * an in-process test app are valid on it too.
 */
export async function spawnServer(
  target: DatabaseTarget,
  env: Record<string, string> = {},
): Promise<SpawnedServer> {
  // the free port found may be taken by another process before the server binds it: try another
  for (let attempt = 1; ; attempt++) {
    try {
      return await spawnOnce(target, env, await freePort())
    } catch (e) {
      if (attempt >= 3 || !String(e).includes('EADDRINUSE')) throw e
    }
  }
}

async function spawnOnce(
  target: DatabaseTarget,
  env: Record<string, string>,
  port: number,
): Promise<SpawnedServer> {
  let output = ''
  let stdout = ''
  const child: ChildProcess = spawn(process.execPath, [join(root, 'server/dist/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      ...TEST_ENV,
      LOG_LEVEL: 'warn',
      TEST_CLOCK: 'true',
      PORT: String(port),
      HOST: '127.0.0.1',
      ...(target.dialect === 'mysql'
        ? { DATABASE_URL: target.url, SQLITE_PATH: '' }
        : { DATABASE_URL: '', SQLITE_PATH: target.url }),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (d) => {
    output += d
    stdout += d
  })
  child.stderr!.on('data', (d) => (output += d))
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`)
    try {
      if ((await fetch(`${url}/health`)).ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`server did not become healthy within 60 s:\n${output}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    url,
    output: () => output,
    stdout: () => stdout,
    pid: child.pid!,
    exited,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      await exited
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      const late = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(late)
    },
  }
}

import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(__dirname, '../..')

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

export interface RunningServer {
  url: string
  stop: () => Promise<void>
  log: () => string
  /**
   * Runs one statement on the server's SQLite file from outside the server, as someone with access
   * to the database would (for tests of what the application notices).
   */
  sql: (statement: string, params: unknown[]) => void
}

/** better-sqlite3 as the server has it installed; the browser tests have no copy of their own. */
function openDatabase(file: string): {
  prepare: (s: string) => { run: (...p: unknown[]) => unknown }
  close: () => void
} {
  const load = createRequire(join(root, 'server/package.json'))
  const Database = load('better-sqlite3') as new (
    file: string,
    opts: { timeout: number },
  ) => ReturnType<typeof openDatabase>
  return new Database(file, { timeout: 5000 })
}

/** Starts the built server (server/dist) on a fresh SQLite file with demo data and the H5 build. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort()
  const db = join(tmpdir(), `xiangli-e2e-${randomBytes(4).toString('hex')}.sqlite`)
  let output = ''
  const child: ChildProcess = spawn(process.execPath, [join(root, 'server/dist/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      SQLITE_PATH: db,
      DATABASE_URL: '',
      DEMO_ENABLED: 'true',
      H5_DIR: join(root, 'miniapp/dist-h5'),
      JWT_SECRET: randomBytes(24).toString('hex'),
      FIELD_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`)
    try {
      const res = await fetch(`${url}/health`)
      if (res.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`server did not become healthy within 60 s:\n${output}`)
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  return {
    url,
    log: () => output,
    sql: (statement, params) => {
      const conn = openDatabase(db)
      try {
        conn.prepare(statement).run(...params)
      } finally {
        conn.close()
      }
    },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
        if (child.exitCode === null) child.kill('SIGKILL')
      }
      for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true })
    },
  }
}

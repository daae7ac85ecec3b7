import { spawn, spawnSync } from 'node:child_process'
import { statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { DatabaseTarget } from '../../src/core/database/data-source'
import { freshDatabase } from '../../src/core/database/test-databases'
import { DIALECT, TEST_ENV } from '../support/app'
import { ensureServerBuilt } from '../support/spawned-server'

const root = resolve(__dirname, '../../..')
const PORT = 20_000 + (process.pid % 20_000)

/**
 * `pnpm start:prod` runs the built server as it is, without building anything, and production
 * refuses to start without the settings it cannot do without: a certificate's QR code must never
 * point at localhost.
 */
describe(`the production start on ${DIALECT}`, () => {
  let target: DatabaseTarget
  let drop: () => Promise<void>

  const production = (): Record<string, string> => ({
    ...(process.env as Record<string, string>),
    ...TEST_ENV,
    HOST: '127.0.0.1',
    PORT: String(PORT),
    LOG_LEVEL: 'info',
    ...(DIALECT === 'mysql'
      ? {
          NODE_ENV: 'production',
          DEMO_ENABLED: 'false',
          DATABASE_URL: target.url,
          SQLITE_PATH: '',
          WECHAT_APP_ID: 'wx-test',
          WECHAT_APP_SECRET: 'secret',
          PUBLIC_BASE_URL: 'https://xiangli.example.cn',
        }
      : // production runs on MySQL only; on SQLite the same start in development
        { NODE_ENV: 'development', DATABASE_URL: '', SQLITE_PATH: target.url }),
  })

  beforeAll(async () => {
    ensureServerBuilt()
    ;({ target, drop } = await freshDatabase(DIALECT))
  }, 300_000)
  afterAll(async () => drop())

  it('refuses to boot in production without PUBLIC_BASE_URL, with exit code 78 and a plain message', () => {
    const r = spawnSync('pnpm', ['-s', 'start:prod'], {
      cwd: root,
      env: {
        ...production(),
        NODE_ENV: 'production',
        DEMO_ENABLED: 'false',
        DATABASE_URL: 'mysql://nobody@127.0.0.1:9/never_test',
        WECHAT_APP_ID: 'wx-test',
        WECHAT_APP_SECRET: 'secret',
        PUBLIC_BASE_URL: '',
      },
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(r.status).toBe(78)
    expect(r.stderr).toContain('配置有误，服务器未启动')
    expect(r.stderr).toContain('PUBLIC_BASE_URL: is required in production')
    // a message for a person, not a stack trace
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('runs the built server without rebuilding it, and stops it cleanly on SIGTERM', async () => {
    const built = statSync(join(root, 'server/dist/main.js')).mtimeMs
    let out = ''
    // its own process group, so that the signal reaches the server under pnpm
    const child = spawn('pnpm', ['-s', 'start:prod'], {
      cwd: root,
      env: production(),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stdout!.on('data', (d) => (out += d))
    child.stderr!.on('data', (d) => (out += d))
    // 'close': pnpm and the server under it have both let go of the output
    const exited = new Promise<void>((ok) => child.once('close', () => ok()))
    try {
      let healthy = false
      for (let i = 0; i < 300 && !healthy && child.exitCode === null; i++) {
        healthy = await fetch(`http://127.0.0.1:${PORT}/health`).then(
          (r) => r.ok,
          () => false,
        )
        if (!healthy) await new Promise((r) => setTimeout(r, 200))
      }
      expect({ healthy, out: healthy ? '' : out }).toEqual({ healthy: true, out: '' })
      expect(statSync(join(root, 'server/dist/main.js')).mtimeMs).toBe(built)
      process.kill(-child.pid!, 'SIGTERM')
      await exited
      expect(out).toContain('"msg":"stopped"')
      expect(out).toContain(DIALECT === 'mysql' ? 'https://xiangli.example.cn' : `http://localhost:${PORT}`)
    } finally {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL')
    }
  }, 120_000)
})

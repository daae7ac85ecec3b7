// Small helpers shared by the root scripts: run a command, find the newest file under a folder.
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

export const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '')

export function run(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd: root,
      stdio: 'inherit',
      ...opts,
      env: { ...process.env, ...opts.env },
    })
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}

export async function mustRun(label, cmd, args, opts) {
  const code = await run(cmd, args, opts)
  if (code !== 0) {
    console.error(`\n✗ ${label} failed (exit ${code})`)
    process.exit(code)
  }
}

/** Newest modification time of any file below dir, skipping build output and dependencies. */
export function newest(dir) {
  let t = 0
  if (!existsSync(dir)) return t
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'dist', '.swc', '.temp'].includes(e.name)) continue
    const p = join(dir, e.name)
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }
  return t
}

export const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0)

/** Builds shared, server and the H5 app when their sources are newer than their output. */
export async function buildWhatIsNeeded({ h5 = true } = {}) {
  const shared = join(root, 'shared')
  const server = join(root, 'server')
  const miniapp = join(root, 'miniapp')
  const sharedOut = join(shared, 'dist/index.js')
  if (newest(join(shared, 'src')) > mtime(sharedOut))
    await mustRun('build shared', 'pnpm', ['--filter', '@xiangli/shared', 'build'])
  const serverOut = join(server, 'dist/main.js')
  if (Math.max(newest(join(server, 'src')), mtime(sharedOut)) > mtime(serverOut))
    await mustRun('build server', 'pnpm', ['--filter', 'server', 'build'])
  if (!h5) return
  const h5Out = join(miniapp, 'dist-h5/index.html')
  if (
    Math.max(newest(join(miniapp, 'src')), newest(join(miniapp, 'config')), mtime(sharedOut)) > mtime(h5Out)
  ) {
    console.log('Building the H5 app (about a minute the first time)…')
    await mustRun('build h5', 'pnpm', ['--filter', 'miniapp', 'build:h5'])
  }
}

// pnpm release: the release bundle, a folder and a tarball that run with `node` alone (no pnpm, no
// build, no dev dependencies): the built server with its production dependencies (pnpm deploy --prod,
// native modules included: better-sqlite3, sharp), the migrations compiled inside dist/, the H5 app
// and a start script.
//   node scripts/release.mjs [--out DIR]   (default release/: release/xiangli/ and release/xiangli.tar.gz)
// On the machine that runs it:  tar -xzf xiangli.tar.gz && cd xiangli && node start.mjs
// (settings from the environment, as docs/operations.md lists them).
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { buildWhatIsNeeded, mustRun, root } from './lib.mjs'

const outArg = process.argv.indexOf('--out')
const out = resolve(outArg > 0 ? process.argv[outArg + 1] : join(root, 'release'))
const bundle = join(out, 'xiangli')
const tarball = join(out, 'xiangli.tar.gz')

// shared, the server and the H5 app, each only when its sources are newer than its build
await buildWhatIsNeeded({ h5: true })

rmSync(bundle, { recursive: true, force: true })
rmSync(tarball, { force: true })
mkdirSync(out, { recursive: true })
// --legacy: the workspace links its packages rather than injecting them (pnpm 10's deploy asks for
// inject-workspace-packages=true otherwise); the result is the same self-contained node_modules, with
// @xiangli/shared copied in. Only the files named in each package.json "files" are copied.
await mustRun('pnpm deploy', 'pnpm', [
  '--filter',
  'server',
  'deploy',
  '--prod',
  '--legacy',
  '--prefer-offline',
  '--config.confirmModulesPurge=false',
  bundle,
])
cpSync(join(root, 'miniapp/dist-h5'), join(bundle, 'h5'), { recursive: true })
writeFileSync(
  join(bundle, 'start.mjs'),
  `// 乡里: starts the server (API, public pages and the H5 app in ./h5) with the settings in the
// environment; SIGTERM stops it gracefully. Migrations run at start, under a database lock.
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
process.env.H5_DIR ||= join(here, 'h5')
createRequire(import.meta.url)(join(here, 'dist/main.js'))
`,
)
const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim()
  } catch {
    return 'unknown'
  }
})()
const { version } = JSON.parse(readFileSync(join(root, 'server/package.json'), 'utf8'))
writeFileSync(
  join(bundle, 'RELEASE'),
  `xiangli ${version} ${commit} built ${new Date().toISOString()} for node ${process.version} ${process.platform}-${process.arch}\n`,
)

for (const needed of [
  'dist/main.js',
  'dist/migrations/mysql',
  'h5/index.html',
  'node_modules/@xiangli/shared/dist/index.js',
])
  if (!existsSync(join(bundle, needed))) throw new Error(`the bundle lacks ${needed}`)

await mustRun('tarball', 'tar', ['-czf', tarball, '-C', out, 'xiangli'])
const mb = (statSync(tarball).size / 1e6).toFixed(0)
console.log(`release: ${bundle}\n         ${tarball} (${mb} MB, ${commit})`)

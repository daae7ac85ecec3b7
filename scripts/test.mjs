// pnpm test: every test of the project, then one line "N passed, N failed".
//   shared unit tests · server unit tests · server integration tests on SQLite, and on MySQL when
//   MYSQL_URL is set (after building shared and the server: some suites run server/dist) · miniapp
//   tests · browser tests (headless Chromium on the H5 app served by the server)
// Options: --no-browser skips the browser stage (it needs Chromium); --only=<stage> runs one stage.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { buildWhatIsNeeded, root, run } from './lib.mjs'

const args = process.argv.slice(2)
const only = args.find((a) => a.startsWith('--only='))?.slice(7)
const resultsDir = join(root, 'test-results')
mkdirSync(resultsDir, { recursive: true })

const jest = join(root, 'node_modules/.bin/jest')
const stages = [
  { name: 'shared', cwd: 'shared', env: {} },
  { name: 'server-unit', cwd: 'server', env: { TEST_SCOPE: 'unit' } },
  // the crash and secrecy suites run the built server (server/dist) in a process of its own
  {
    name: 'server-sqlite',
    cwd: 'server',
    env: { TEST_SCOPE: 'integration', TEST_DB: 'sqlite' },
    before: () => buildWhatIsNeeded({ h5: false }),
  },
  {
    name: 'server-mysql',
    cwd: 'server',
    env: { TEST_SCOPE: 'integration', TEST_DB: 'mysql' },
    when: () => Boolean(process.env.MYSQL_URL),
    why: 'MYSQL_URL is not set',
    before: () => buildWhatIsNeeded({ h5: false }),
  },
  { name: 'miniapp', cwd: 'miniapp', env: {} },
  {
    name: 'browser',
    cwd: 'e2e',
    env: {},
    when: () => !args.includes('--no-browser'),
    why: '--no-browser',
    before: () => buildWhatIsNeeded({ h5: true }),
  },
]

const totals = { passed: 0, failed: 0 }
const lines = []
for (const s of stages) {
  if (only && s.name !== only) continue
  if (s.when && !s.when()) {
    lines.push(`  ${s.name.padEnd(14)} not run (${s.why})`)
    continue
  }
  if (s.before) await s.before()
  const out = join(resultsDir, `${s.name}.json`)
  rmSync(out, { force: true })
  console.log(`\n── ${s.name} ──`)
  const code = await run(jest, ['--json', `--outputFile=${out}`], { cwd: join(root, s.cwd), env: s.env })
  if (!existsSync(out)) {
    // the runner died before reporting: count the stage as one failure so it cannot pass silently
    totals.failed += 1
    lines.push(`  ${s.name.padEnd(14)} runner failed (exit ${code})`)
    continue
  }
  const r = JSON.parse(readFileSync(out, 'utf8'))
  const suiteErrors = r.testResults.filter(
    (t) => t.status === 'failed' && t.assertionResults.length === 0,
  ).length
  const failed = r.numFailedTests + suiteErrors + (r.numTotalTests === 0 ? 1 : 0)
  totals.passed += r.numPassedTests
  totals.failed += failed
  lines.push(
    `  ${s.name.padEnd(14)} ${r.numPassedTests} passed, ${failed} failed${r.numTotalTests === 0 ? ' (no tests ran)' : ''}`,
  )
}
console.log('\nTest stages:')
for (const l of lines) console.log(l)
console.log(`${totals.passed} passed, ${totals.failed} failed`)
process.exit(totals.failed === 0 ? 0 : 1)

// The body of `pnpm test` (scripts/test.mjs), as a function the scripts' own tests can call with a fake
// machine and a fake runner.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { buildWhatIsNeeded, root, run as runCommand } from './lib.mjs'
import { ensure, ensureRedis, needsFor, probeSystem } from './prereqs.mjs'

/** Every stage of the project's tests, in order; `when` leaves a stage out, `before` builds what it runs. */
export function stagesFor(args, env = process.env, build = buildWhatIsNeeded) {
  return [
    { name: 'shared', cwd: 'shared', env: {} },
    { name: 'server-unit', cwd: 'server', env: { TEST_SCOPE: 'unit' } },
    // the crash and secrecy suites run the built server (server/dist) in a process of its own
    {
      name: 'server-sqlite',
      cwd: 'server',
      env: { TEST_SCOPE: 'integration', TEST_DB: 'sqlite' },
      before: () => build({ h5: false }),
    },
    {
      name: 'server-mysql',
      cwd: 'server',
      env: { TEST_SCOPE: 'integration', TEST_DB: 'mysql' },
      when: () => Boolean(env.MYSQL_URL),
      why: 'MYSQL_URL is not set',
      before: () => build({ h5: false }),
    },
    { name: 'miniapp', cwd: 'miniapp', env: {} },
    {
      name: 'browser',
      cwd: 'e2e',
      env: {},
      when: () => !args.includes('--no-browser'),
      why: '--no-browser',
      before: () => build({ h5: true }),
    },
  ]
}

/**
 * Runs the stages and prints one line "N passed, N failed"; resolves to the exit code. What the chosen
 * stages need from the machine is checked (and installed where it can be) before any of them runs.
 */
export async function runTests(
  args,
  {
    env = process.env,
    sys = probeSystem(),
    run = runCommand,
    log = console.log,
    install,
    redis = ensureRedis,
    build = buildWhatIsNeeded,
    resultsDir = join(root, 'test-results'),
  } = {},
) {
  const only = args.find((a) => a.startsWith('--only='))?.slice(7)
  const stages = stagesFor(args, env, build).filter((s) => !only || s.name === only)
  // one line per stage, printed in the stages' order at the end
  const lines = new Map()
  const chosen = []
  for (const s of stages) {
    if (s.when && !s.when()) lines.set(s.name, `  ${s.name.padEnd(14)} not run (${s.why})`)
    else chosen.push(s)
  }

  const needs = needsFor(
    chosen.map((s) => s.name),
    env,
  )
  const hint = chosen.some((s) => s.name === 'browser')
    ? '(or leave the browser tests out: pnpm test --no-browser)'
    : undefined
  const ready =
    (await ensure(needs, { sys, log, hint, ...(install ? { install } : {}) })) &&
    (!needs.some((n) => n.apt === 'redis-server') || (await redis(env, log)))
  if (!ready) {
    log('\nTest stages:')
    log(`  ${'prerequisites'.padEnd(14)} missing: nothing was run`)
    log('0 passed, 1 failed')
    return 1
  }

  mkdirSync(resultsDir, { recursive: true })
  const jest = join(root, 'node_modules/.bin/jest')
  const totals = { passed: 0, failed: 0 }
  for (const s of chosen) {
    if (s.before) await s.before()
    const out = join(resultsDir, `${s.name}.json`)
    rmSync(out, { force: true })
    log(`\n── ${s.name} ──`)
    const code = await run(jest, ['--json', `--outputFile=${out}`], { cwd: join(root, s.cwd), env: s.env })
    if (!existsSync(out)) {
      // the runner died before reporting: count the stage as one failure so it cannot pass silently
      totals.failed += 1
      lines.set(s.name, `  ${s.name.padEnd(14)} runner failed (exit ${code})`)
      continue
    }
    const r = JSON.parse(readFileSync(out, 'utf8'))
    const suiteErrors = r.testResults.filter(
      (t) => t.status === 'failed' && t.assertionResults.length === 0,
    ).length
    const failed = r.numFailedTests + suiteErrors + (r.numTotalTests === 0 ? 1 : 0)
    totals.passed += r.numPassedTests
    totals.failed += failed
    lines.set(
      s.name,
      `  ${s.name.padEnd(14)} ${r.numPassedTests} passed, ${failed} failed${r.numTotalTests === 0 ? ' (no tests ran)' : ''}`,
    )
  }
  log('\nTest stages:')
  for (const s of stages) if (lines.has(s.name)) log(lines.get(s.name))
  log(`${totals.passed} passed, ${totals.failed} failed`)
  return totals.failed === 0 ? 0 : 1
}

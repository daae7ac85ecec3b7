// The check `pnpm test` makes before running anything, on fake machines.
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { SYSTEM_CJK_FONT, ensure, needsFor, plan } from '../prereqs.mjs'
import { runTests } from '../test-run.mjs'

const CHROMIUM = '/usr/bin/chromium'
const EVERY_COMMAND = ['pdftotext', 'pdftoppm', 'redis-server', 'mariadb-dump', 'apt-get']

/** A machine with the given files and commands; Debian and not root unless told otherwise. */
function machine({ files = [SYSTEM_CJK_FONT, CHROMIUM], commands = EVERY_COMMAND, ...rest } = {}) {
  const present = new Set(files)
  return {
    isRoot: false,
    isDebian: true,
    sudoWithoutPassword: () => false,
    has: (cmd) => commands.includes(cmd),
    exists: (p) => present.has(p),
    add: (p) => present.add(p),
    ...rest,
  }
}

const results = mkdtempSync(join(tmpdir(), 'xiangli-prereqs-'))
after(() => rmSync(results, { recursive: true, force: true }))

/** Runs `pnpm test` with these arguments on a fake machine; jest is never started for real. */
async function pnpmTest(args, sys, { install } = {}) {
  const out = []
  const ran = []
  const run = async (cmd, cmdArgs, opts) => {
    ran.push(opts.cwd)
    const file = cmdArgs.find((a) => a.startsWith('--outputFile=')).slice(13)
    writeFileSync(
      file,
      JSON.stringify({ numPassedTests: 3, numFailedTests: 0, numTotalTests: 3, testResults: [] }),
    )
    return 0
  }
  const code = await runTests(args, {
    env: {},
    sys,
    run,
    install,
    log: (l) => out.push(...String(l).split('\n')),
    redis: async () => true,
    build: async () => {},
    resultsDir: results,
  })
  return { code, out, ran }
}

describe('pnpm test on a machine that lacks something', () => {
  it('without Chromium and not root: prints the exact apt line, runs no stage, ends 0 passed, 1 failed', async () => {
    const { code, out, ran } = await pnpmTest([], machine({ files: [SYSTEM_CJK_FONT] }))
    assert.equal(code, 1)
    assert.deepEqual(ran, [])
    assert.ok(out.includes('  sudo apt-get update && sudo apt-get install -y chromium'), out.join('\n'))
    assert.ok(out.includes('(or leave the browser tests out: pnpm test --no-browser)'))
    assert.equal(out.at(-1), '0 passed, 1 failed')
  })

  it('names every missing package in one line', async () => {
    const { code, out } = await pnpmTest([], machine({ files: [], commands: ['apt-get'] }))
    assert.equal(code, 1)
    assert.ok(
      out.includes(
        '  sudo apt-get update && sudo apt-get install -y poppler-utils redis-server chromium fonts-wqy-microhei',
      ),
      out.join('\n'),
    )
  })

  it('off Debian: says what to install without an apt command to run, and stops', async () => {
    const { code, out, ran } = await pnpmTest(
      [],
      machine({ files: [SYSTEM_CJK_FONT], isDebian: false, isRoot: true }),
    )
    assert.equal(code, 1)
    assert.deepEqual(ran, [])
    assert.ok(out.includes(`  Chromium at ${CHROMIUM} (or set CHROMIUM_PATH) — the browser tests`))
    assert.ok(out.includes('This is not Debian: install them with your system’s package manager.'))
    assert.equal(out.at(-1), '0 passed, 1 failed')
  })

  it('as root on Debian: installs the missing packages with apt, then goes on', async () => {
    const sys = machine({ files: [SYSTEM_CJK_FONT], isRoot: true })
    const installed = []
    const install = async (apt) => {
      installed.push(apt)
      sys.add(CHROMIUM)
      return 0
    }
    const { code, ran } = await pnpmTest(['--only=browser'], sys, { install })
    assert.deepEqual(installed, [['apt-get', 'install', '-y', 'chromium']])
    assert.equal(code, 0)
    assert.equal(ran.length, 1)
  })

  it('with sudo that asks no password: installs through sudo', async () => {
    const sys = machine({ files: [SYSTEM_CJK_FONT], sudoWithoutPassword: () => true })
    const p = plan(needsFor(['browser'], {}), sys)
    assert.deepEqual(p.apt, ['sudo', 'apt-get', 'install', '-y', 'chromium'])
  })

  it('when the install fails: says what to install and stops', async () => {
    const sys = machine({ files: [SYSTEM_CJK_FONT], isRoot: true })
    const out = []
    const ok = await ensure(needsFor(['browser'], {}), {
      sys,
      log: (l) => out.push(l),
      install: async () => 100,
    })
    assert.equal(ok, false)
    assert.ok(out.includes('  sudo apt-get update && sudo apt-get install -y chromium'), out.join('\n'))
  })
})

describe('pnpm test on a machine that has everything', () => {
  it('goes on to the stages and counts their tests', async () => {
    const { code, out, ran } = await pnpmTest(['--only=shared'], machine())
    assert.equal(code, 0)
    assert.equal(ran.length, 1)
    assert.equal(out.at(-1), '3 passed, 0 failed')
  })

  it('--no-browser asks for neither Chromium nor its font, and runs every other stage', async () => {
    const { code, out, ran } = await pnpmTest(['--no-browser'], machine({ files: [] }))
    assert.equal(code, 0)
    assert.ok(!out.some((l) => l.includes('chromium') || l.includes('fonts-wqy')))
    assert.equal(ran.length, 4)
    assert.ok(out.includes('  browser        not run (--no-browser)'))
    assert.equal(out.at(-1), '12 passed, 0 failed')
  })

  it('the shared and miniapp stages need nothing from the machine', () => {
    assert.deepEqual(needsFor(['shared', 'server-unit', 'miniapp'], {}), [])
  })

  it('REDIS_URL and CHROMIUM_PATH stand in for the packages', () => {
    const env = { REDIS_URL: 'redis://elsewhere:6379', CHROMIUM_PATH: '/opt/c' }
    const needs = needsFor(['server-sqlite', 'browser'], env)
    assert.equal(
      plan(needs, machine({ files: [SYSTEM_CJK_FONT, '/opt/c'], commands: ['pdftotext', 'pdftoppm'] }))
        .action,
      'go',
    )
  })
})

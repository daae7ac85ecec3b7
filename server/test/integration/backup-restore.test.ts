import { ENTITIES } from '../../src/entities'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { DataSource } from 'typeorm'
import { dataSourceOptions, type DatabaseTarget } from '../../src/core/database/data-source'
import { freshDatabase } from '../../src/core/database/test-databases'
import { DIALECT, multipart, startTestApp, TEST_ENV, villageIds } from '../support/app'
import { png } from '../support/images'
import { ensureServerBuilt } from '../support/spawned-server'

const root = resolve(__dirname, '../../..')

/** The settings the scripts and the audit verifier read, for one database and upload folder. */
const envFor = (target: DatabaseTarget, uploads: string): Record<string, string> => ({
  ...(process.env as Record<string, string>),
  ...TEST_ENV,
  UPLOAD_DIR: uploads,
  ...(target.dialect === 'mysql'
    ? { DATABASE_URL: target.url, SQLITE_PATH: '' }
    : { DATABASE_URL: '', SQLITE_PATH: target.url }),
})
const run = (cmd: string, args: string[], env: Record<string, string>) => {
  const r = spawnSync(cmd, args, { cwd: root, env, encoding: 'utf8', timeout: 120_000 })
  return { code: r.status, out: `${r.stdout}${r.stderr}`, stdout: r.stdout.trim() }
}

/**
 * docs/operations.md's backup and restore, as an operator runs them: scripts/backup-db.sh on a
 * database in use, scripts/restore-db.sh into a fresh database and upload folder, then the audit
 * verifier on the restored database finds the chain whole.
 */
describe(`backup and restore of the ${DIALECT} database and the uploads`, () => {
  const work = mkdtempSync(join(tmpdir(), 'xiangli-backup-'))
  const drops: (() => Promise<void>)[] = []
  let source: DatabaseTarget
  let restored: DatabaseTarget
  let storageKey: string
  let auditEntries: number

  beforeAll(async () => {
    ensureServerBuilt()
    const a = await freshDatabase(DIALECT)
    const b = await freshDatabase(DIALECT)
    drops.push(a.drop, b.drop)
    source = a.target
    restored = b.target
    const t = await startTestApp({ UPLOAD_DIR: join(work, 'uploads-a') }, { target: source })
    try {
      const village = (await villageIds(t.ds)).village
      const res = await t.request({
        method: 'POST',
        url: `/api/villages/${village}/uploads`,
        token: await t.login('resident'),
        ...multipart('file', 'photo.png', png(7, 7), 'image/png'),
      })
      expect(res.status).toBe(201)
      storageKey = (await t.ds.query('SELECT storageKey FROM stored_file WHERE id = ?', [res.body.id]))[0]
        .storageKey
      auditEntries = Number((await t.ds.query('SELECT COUNT(*) AS n FROM audit_entry'))[0].n)
    } finally {
      await t.close()
    }
  }, 300_000)

  afterAll(async () => {
    for (const drop of drops) await drop()
    rmSync(work, { recursive: true, force: true })
  })

  it('restores into a fresh database where the audit chain verifies, with the uploaded files', async () => {
    const backup = run(
      'bash',
      ['scripts/backup-db.sh', join(work, 'backups')],
      envFor(source, join(work, 'uploads-a')),
    )
    expect(backup).toEqual(expect.objectContaining({ code: 0 }))
    const folder = backup.stdout.split('\n').pop()!
    expect(readFileSync(join(folder, 'MANIFEST'), 'utf8')).toContain(`database: ${DIALECT}`)

    const into = envFor(restored, join(work, 'uploads-b'))
    const restore = run('bash', ['scripts/restore-db.sh', folder], into)
    expect(restore.out).toContain('restored')
    expect(restore.code).toBe(0)
    expect(existsSync(join(work, 'uploads-b', storageKey))).toBe(true)

    const verify = run('pnpm', ['-s', '--filter', 'server', 'audit:verify'], into)
    expect(verify.out).toContain(`audit chain intact, ${auditEntries} entries`)
    expect(verify.code).toBe(0)
    expect(auditEntries).toBeGreaterThan(10)

    // the same rows as the source
    const count = async (target: DatabaseTarget) => {
      const ds = await new DataSource(dataSourceOptions(target, ENTITIES)).initialize()
      try {
        return (await ds.query(
          'SELECT (SELECT COUNT(*) FROM resident) AS residents, (SELECT COUNT(*) FROM grievance) AS grievances, (SELECT COUNT(*) FROM migrations) AS migrations',
        )) as unknown[]
      } finally {
        await ds.destroy()
      }
    }
    expect(await count(restored)).toEqual(await count(source))

    // a second restore over it is refused unless asked for
    const again = run('bash', ['scripts/restore-db.sh', folder], into)
    expect(again.code).toBe(73)
    expect(again.out).toMatch(/--force/)
  })

  it('refuses a backup whose files do not match their checksums', () => {
    const backup = run(
      'bash',
      ['scripts/backup-db.sh', join(work, 'tampered')],
      envFor(source, join(work, 'uploads-a')),
    )
    const folder = backup.stdout.split('\n').pop()!
    const manifest = join(folder, 'MANIFEST')
    const text = readFileSync(manifest, 'utf8').replace(/^[0-9a-f]{64}/m, '0'.repeat(64))
    writeFileSync(manifest, text)
    const restore = run('bash', ['scripts/restore-db.sh', folder], envFor(restored, join(work, 'uploads-c')))
    expect(restore.code).toBe(65)
    expect(restore.out).toContain('checksums do not match')
  })
})

import { ENTITIES } from '../../src/entities'
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { DataSource } from 'typeorm'
import { dataSourceOptions, type DatabaseTarget } from '../../src/core/database/data-source'
import { freshDatabase } from '../../src/core/database/test-databases'
import { DIALECT, multipart, startTestApp, TEST_ENV, villageIds } from '../support/app'
import { png } from '../support/images'
import { startTestS3 } from '../support/s3'
import { ensureServerBuilt } from '../support/spawned-server'
import { S3Store } from '../../src/core/files/storage/s3-store'

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
/** As `run`, without blocking this process: the S3 server the scripts talk to runs in it. */
const runAsync = (cmd: string, args: string[], env: Record<string, string>) =>
  new Promise<{ code: number | null; out: string; stdout: string }>((done) => {
    const child = spawn(cmd, args, { cwd: root, env, timeout: 120_000 })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('close', (code) => done({ code, out: `${stdout}${stderr}`, stdout: stdout.trim() }))
  })

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

  it('backs up the bucket when the files live in S3, and restores them into another bucket', async () => {
    const [from, to] = [await startTestS3('xiangli-from'), await startTestS3('xiangli-to')]
    const a = await freshDatabase(DIALECT)
    const b = await freshDatabase(DIALECT)
    drops.push(a.drop, b.drop)
    try {
      const t = await startTestApp(from.env, { target: a.target })
      let key: string
      let objects = 0
      try {
        const res = await t.request({
          method: 'POST',
          url: `/api/villages/${(await villageIds(t.ds)).village}/uploads`,
          token: await t.login('resident'),
          ...multipart('file', 'photo.png', png(9, 9), 'image/png'),
        })
        expect(res.status).toBe(201)
        key = (await t.ds.query('SELECT storageKey FROM stored_file WHERE id = ?', [res.body.id]))[0]
          .storageKey
        // every stored content once (the demo's photos and this one), and a thumbnail beside each photo
        const stored: { mime: string }[] = await t.ds.query(
          'SELECT DISTINCT storageKey, mime FROM stored_file',
        )
        objects = stored.reduce((n, f) => n + (f.mime.startsWith('image/') ? 2 : 1), 0)
      } finally {
        await t.close()
      }
      const backup = await runAsync('bash', ['scripts/backup-db.sh', join(work, 's3-backups')], {
        ...envFor(a.target, join(work, 'unused-a')),
        ...from.env,
      })
      expect(backup).toEqual(expect.objectContaining({ code: 0 }))
      const folder = backup.stdout.split('\n').pop()!
      expect(objects).toBeGreaterThanOrEqual(2)
      expect(readFileSync(join(folder, 'MANIFEST'), 'utf8')).toContain(
        `files: s3\nuploads: uploads.tar.gz (${objects} files)`,
      )

      const into = { ...envFor(b.target, join(work, 'unused-b')), ...to.env }
      const restore = await runAsync('bash', ['scripts/restore-db.sh', folder], into)
      expect(restore.out).toContain(`imported ${objects} objects (s3)`)
      expect(restore.code).toBe(0)
      expect(existsSync(join(work, 'unused-b'))).toBe(false)
      const bucket = new S3Store({
        endpoint: to.endpoint,
        bucket: to.bucket,
        region: 'us-east-1',
        accessKeyId: 'S3RVER',
        secretAccessKey: 'S3RVER',
        forcePathStyle: true,
      })
      try {
        expect(await bucket.exists(key)).toBe(true)
      } finally {
        bucket.onModuleDestroy()
      }
      const verify = run('pnpm', ['-s', '--filter', 'server', 'audit:verify'], into)
      expect(verify.code).toBe(0)
    } finally {
      await from.close()
      await to.close()
    }
  }, 300_000)
})

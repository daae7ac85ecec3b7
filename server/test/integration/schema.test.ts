import { randomBytes } from 'node:crypto'
import { createConnection } from 'mysql2/promise'
import { DataSource } from 'typeorm'
import { openForSchemaDiff, type DatabaseTarget } from '../../src/core/database/data-source'
import { ENTITIES } from '../../src/entities'
import { freshDatabase } from '../../src/core/database/test-databases'
import { Org } from '../../src/modules/orgs/entities/org.entity'
import { DIALECT } from '../support/app'

/** Opens a fresh database with every migration run, the way the generator and the server see it. */
async function migrated(target: DatabaseTarget): Promise<DataSource> {
  const ds = await openForSchemaDiff(target, ENTITIES)
  await ds.runMigrations({ transaction: 'each' })
  return ds
}

describe(`the schema on ${DIALECT}`, () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>
  let ds: DataSource

  beforeAll(async () => {
    db = await freshDatabase(DIALECT)
    ds = await migrated(db.target)
  })
  afterAll(async () => {
    if (ds?.isInitialized) await ds.destroy()
    await db?.drop()
  })

  it('has a table for every entity after the migrations', async () => {
    const runner = ds.createQueryRunner()
    try {
      for (const entity of ENTITIES)
        expect(await runner.hasTable(ds.getMetadata(entity).tableName)).toBe(true)
    } finally {
      await runner.release()
    }
  })

  it('agrees with the entities: the schema builder would change nothing', async () => {
    const pending = await ds.driver.createSchemaBuilder().log()
    expect(pending.upQueries.map((q) => q.query)).toEqual([])
  })

  it('undoes every migration and builds the same schema again', async () => {
    const count = ds.migrations.length
    for (let i = 0; i < count; i++) await ds.undoLastMigration({ transaction: 'each' })
    const runner = ds.createQueryRunner()
    try {
      for (const entity of ENTITIES)
        expect(await runner.hasTable(ds.getMetadata(entity).tableName)).toBe(false)
    } finally {
      await runner.release()
    }
    expect((await ds.runMigrations({ transaction: 'each' })).length).toBe(count)
    expect((await ds.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query)).toEqual([])
  })
})

/**
 * MySQL takes a table's character set from the database unless told otherwise, and many servers
 * still default to latin1, where Chinese names cannot be stored. The migrations must not depend on
 * how the database was created.
 */
if (DIALECT === 'mysql')
  describe('character sets on MySQL', () => {
    const base = new URL(process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test')
    const name = `${base.pathname.replace(/^\//, '')}_xl_latin1_${randomBytes(4).toString('hex')}`
    const admin = () =>
      createConnection({
        host: base.hostname,
        port: Number(base.port || 3306),
        user: decodeURIComponent(base.username),
        password: decodeURIComponent(base.password),
      })
    let ds: DataSource

    beforeAll(async () => {
      if (!name.includes('test'))
        throw new Error(`refusing to create ${name}: its name does not contain "test"`)
      const c = await admin()
      await c.query(`CREATE DATABASE \`${name}\` CHARACTER SET latin1 COLLATE latin1_swedish_ci`)
      await c.end()
      const url = new URL(base.toString())
      url.pathname = `/${name}`
      ds = await migrated({ dialect: 'mysql', url: url.toString() })
    })
    afterAll(async () => {
      if (ds?.isInitialized) await ds.destroy()
      const c = await admin()
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``)
      await c.end()
    })

    it('makes every table utf8mb4 even in a database created as latin1', async () => {
      const tables: { name: string; collation: string }[] = await ds.query(
        `SELECT TABLE_NAME AS name, TABLE_COLLATION AS collation FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME`,
      )
      expect(tables.length).toBeGreaterThanOrEqual(ENTITIES.length)
      expect(tables.filter((t) => !t.collation.startsWith('utf8mb4_'))).toEqual([])
    })

    it('makes every text column utf8mb4', async () => {
      const columns: { name: string; charset: string }[] = await ds.query(
        `SELECT CONCAT(TABLE_NAME, '.', COLUMN_NAME) AS name, CHARACTER_SET_NAME AS charset FROM information_schema.COLUMNS
       WHERE TABLE_SCHEMA = DATABASE() AND CHARACTER_SET_NAME IS NOT NULL`,
      )
      expect(columns.length).toBeGreaterThan(30)
      expect(columns.filter((c) => c.charset !== 'utf8mb4')).toEqual([])
    })

    it('stores and reads back Chinese text and characters outside the basic plane', async () => {
      const name = '𠮷野村（测试）'
      const saved = await ds
        .getRepository(Org)
        .save({ kind: 'village' as const, name, code: 'charset-probe', parentId: null, settings: null })
      expect((await ds.getRepository(Org).findOneByOrFail({ id: saved.id })).name).toBe(name)
    })

    it('agrees with the entities there too', async () => {
      expect((await ds.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query)).toEqual([])
    })
  })

if (DIALECT === 'sqlite')
  describe('text encoding on SQLite', () => {
    it('stores text as UTF-8', async () => {
      const db = await freshDatabase('sqlite')
      const ds = await migrated(db.target)
      try {
        expect(await ds.query('PRAGMA encoding')).toEqual([{ encoding: 'UTF-8' }])
      } finally {
        await ds.destroy()
        await db.drop()
      }
    })
  })

import { DataSource } from 'typeorm'
import { dataSourceOptions, type DatabaseTarget } from '../../src/core/database/data-source'
import { reportReads } from '../../src/core/database/report-reads'
import { freshDatabase } from '../../src/core/database/test-databases'
import { DIALECT } from '../support/app'

/**
 * DB_READ_URL on MySQL: the primary and a "replica" are two databases that differ (a real replica
 * would be a copy), so the test sees which one each query reached. (SQLite ignores the setting: see
 * test/unit/database-options.test.ts. The file runs in the MySQL stage, see jest.config.js.)
 */
describe(`a read replica for reports on ${DIALECT}`, () => {
  let primary: { target: DatabaseTarget; drop: () => Promise<void> }
  let replica: { target: DatabaseTarget; drop: () => Promise<void> }
  let ds: DataSource

  beforeAll(async () => {
    primary = await freshDatabase(DIALECT)
    replica = await freshDatabase(DIALECT)
    for (const [db, where] of [
      [primary, 'primary'],
      [replica, 'replica'],
    ] as const) {
      const one = new DataSource(dataSourceOptions(db.target, []))
      await one.initialize()
      await one.query('CREATE TABLE marker (name varchar(16) NOT NULL)')
      await one.query('INSERT INTO marker (name) VALUES (?)', [where])
      await one.destroy()
    }
    ds = new DataSource(
      dataSourceOptions({ ...primary.target, readUrl: replica.target.url, poolSize: 3 }, []),
    )
    await ds.initialize()
  })
  afterAll(async () => {
    await ds?.destroy()
    await primary?.drop()
    await replica?.drop()
  })

  const where = async (rows: Promise<{ name: string }[]>) => (await rows).map((r) => r.name)

  it('keeps ordinary reads and writes on the primary', async () => {
    expect(await where(ds.query('SELECT name FROM marker'))).toEqual(['primary'])
    expect(await where(ds.manager.query('SELECT name FROM marker'))).toEqual(['primary'])
    await ds.transaction(async (m) => {
      await m.query('INSERT INTO marker (name) VALUES (?)', ['written'])
      expect(await where(m.query('SELECT name FROM marker ORDER BY name'))).toEqual(['primary', 'written'])
    })
  })

  it('sends report reads to the replica', async () => {
    expect(await where(reportReads(ds, (m) => m.query('SELECT name FROM marker')))).toEqual(['replica'])
  })

  it('reads reports from the primary when no replica is set', async () => {
    const plain = new DataSource(dataSourceOptions(primary.target, []))
    await plain.initialize()
    try {
      expect(
        await where(reportReads(plain, (m) => m.query('SELECT name FROM marker ORDER BY name'))),
      ).toEqual(['primary', 'written'])
    } finally {
      await plain.destroy()
    }
  })
})

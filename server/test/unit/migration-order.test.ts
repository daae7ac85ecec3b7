import 'reflect-metadata'
import { DataSource, MigrationExecutor } from 'typeorm'
import { dataSourceOptions } from '../../src/core/database/data-source'
import { ENTITIES } from '../../src/entities'
import { MYSQL_MIGRATIONS } from '../../src/migrations/mysql'
import { SQLITE_MIGRATIONS } from '../../src/migrations/sqlite'

const stamp = (name: string) => /(\d{13})(Sqlite|Mysql)$/.exec(name)?.[1]

describe('migration order', () => {
  it('runs the migrations in the order of the 13-digit stamp in their names', async () => {
    const ds = new DataSource(dataSourceOptions({ dialect: 'sqlite', url: ':memory:' }, ENTITIES))
    await ds.initialize()
    try {
      const ran = (await new MigrationExecutor(ds).getAllMigrations()).map((m) => m.name)
      const expected = SQLITE_MIGRATIONS.map((m) => m.name).sort(
        (a, b) => Number(stamp(a)) - Number(stamp(b)),
      )
      expect(ran).toEqual(expected)
      expect(ran[0]).toMatch(/^Initial/)
    } finally {
      await ds.destroy()
    }
    // every class name ends in its stamp and the dialect, which the ordering relies on
    for (const m of [...SQLITE_MIGRATIONS, ...MYSQL_MIGRATIONS]) expect(stamp(m.name)).toBeDefined()
  })
})

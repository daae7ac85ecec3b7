import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { DataSource, MigrationExecutor, type DataSourceOptions } from 'typeorm'
import type { Dialect } from './dialect'
import type { EntityList } from './entities'
import { runMigrationsLocked } from './migrate'
import { MYSQL_MIGRATIONS } from '../../migrations/mysql'
import { SQLITE_MIGRATIONS } from '../../migrations/sqlite'

export type { Dialect }

/**
 * TypeORM orders migrations by the last 13 characters of their name, taken as a timestamp. Ours end in
 * "Sqlite" or "Mysql" (PublicNotices1795616603365Sqlite), so it read only the last 7 or 8 digits and ran a
 * fresh SQLite database's migrations out of order once the stamp wrapped. Order them by the 13-digit
 * stamp inside the name instead; the names recorded in the migrations table stay as they were.
 */
const stampOf = (name: string): number => Number(/(\d{13})\D*$/.exec(name)?.[1] ?? 0)
const executor = MigrationExecutor.prototype as unknown as { getMigrations: () => { name: string }[] }
const typeormOrder = executor.getMigrations
executor.getMigrations = function (this: unknown) {
  return typeormOrder.call(this).sort((a, b) => stampOf(a.name) - stampOf(b.name))
}

export interface DatabaseTarget {
  dialect: Dialect
  /** mysql URL, or the SQLite file path */
  url: string
  /** MySQL: connections kept open at most (default 20) */
  poolSize?: number
  /** MySQL: a read replica that reports may read from (see report-reads.ts) */
  readUrl?: string
}

export function databaseTarget(config: {
  DATABASE_URL?: string
  SQLITE_PATH: string
  DB_POOL_SIZE?: number
  DB_READ_URL?: string
}): DatabaseTarget {
  if (!config.DATABASE_URL) return { dialect: 'sqlite', url: resolve(config.SQLITE_PATH) }
  return {
    dialect: 'mysql',
    url: config.DATABASE_URL,
    ...(config.DB_POOL_SIZE ? { poolSize: config.DB_POOL_SIZE } : {}),
    ...(config.DB_READ_URL ? { readUrl: config.DB_READ_URL } : {}),
  }
}

const DEFAULT_POOL_SIZE = 20

/**
 * How to open the database. The entities come from the caller (src/entities.ts gathers core's and
 * every module's): core knows none of the modules' tables.
 */
export function dataSourceOptions(
  target: DatabaseTarget,
  entities: EntityList,
  extra: { logging?: boolean } = {},
): DataSourceOptions {
  if (target.dialect === 'mysql') {
    const connectionLimit = target.poolSize ?? DEFAULT_POOL_SIZE
    // With a replica, TypeORM opens a pool to each; everything stays on the primary unless a caller
    // asks for the replica by name (`reportReads`), so no write is ever followed by a stale read.
    const where = target.readUrl
      ? {
          replication: {
            master: { url: target.url },
            slaves: [{ url: target.readUrl }],
            defaultMode: 'master' as const,
          },
        }
      : { url: target.url }
    return {
      type: 'mysql',
      ...where,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      entities: [...entities],
      migrations: MYSQL_MIGRATIONS,
      migrationsRun: false,
      synchronize: false,
      logging: extra.logging ?? false,
      extra: { connectionLimit },
    }
  }
  if (target.url !== ':memory:') mkdirSync(dirname(target.url), { recursive: true })
  return {
    type: 'better-sqlite3',
    database: target.url,
    entities: [...entities],
    migrations: SQLITE_MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: extra.logging ?? false,
    prepareDatabase: (db: { pragma: (s: string) => unknown }) => {
      // WAL lets readers run beside the writer; FULL sync means an acknowledged write survives a crash
      db.pragma('journal_mode = WAL')
      db.pragma('synchronous = FULL')
      db.pragma('busy_timeout = 5000')
    },
  }
}

/**
 * Opens a data source for comparing the entities with the schema (the migration generator and the
 * drift test). TypeORM reads MariaDB's catalogue right only when told it is MariaDB: as "mysql" it
 * takes MariaDB's NULL defaults for the text 'NULL' and sees every nullable column as changed.
 */
export async function openForSchemaDiff(target: DatabaseTarget, entities: EntityList): Promise<DataSource> {
  const ds = new DataSource(dataSourceOptions(target, entities))
  await ds.initialize()
  if (target.dialect !== 'mysql') return ds
  const [row] = (await ds.query('SELECT VERSION() AS version')) as { version: string }[]
  if (!/mariadb/i.test(row?.version ?? '')) return ds
  await ds.destroy()
  const mariadb = new DataSource({
    ...dataSourceOptions(target, entities),
    type: 'mariadb',
  } as DataSourceOptions)
  await mariadb.initialize()
  return mariadb
}

export async function openDataSource(target: DatabaseTarget, entities: EntityList): Promise<DataSource> {
  const ds = new DataSource(dataSourceOptions(target, entities))
  await ds.initialize()
  await runMigrationsLocked(ds, 300)
  return ds
}

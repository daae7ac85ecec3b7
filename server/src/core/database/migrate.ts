import Database from 'better-sqlite3'
import type { DataSource } from 'typeorm'

/**
 * Runs the pending migrations while holding a lock on the database, so that two instances starting
 * together on a fresh database do not both create the same tables ("Table already exists"): the
 * second waits for the first, then finds nothing left to do.
 *
 * MySQL: a named lock (GET_LOCK) on a connection of its own, named after the database so that the
 * databases of two deployments on one server do not wait for each other. MySQL frees it when that
 * connection dies, so an instance killed mid-migration does not block the next one.
 *
 * SQLite (one host): an exclusive transaction on a small file beside the database, held by a
 * connection of its own; the operating system frees its lock with a process that dies.
 */
export async function runMigrationsLocked(ds: DataSource, timeoutSeconds: number): Promise<string[]> {
  if (ds.options.type !== 'mysql') return withFileLock(ds, timeoutSeconds)
  const runner = ds.createQueryRunner()
  await runner.connect()
  try {
    const [row] = (await runner.query(
      "SELECT GET_LOCK(LEFT(CONCAT('xiangli_migrations:', DATABASE()), 64), ?) AS got",
      [timeoutSeconds],
    )) as { got: number | string | null }[]
    if (Number(row?.got) !== 1)
      throw new Error(
        `another instance has been migrating this database for more than ${timeoutSeconds} s ` +
          '(MIGRATION_LOCK_TIMEOUT_SECONDS); is one stuck?',
      )
    try {
      return names(await ds.runMigrations({ transaction: 'each' }))
    } finally {
      await runner.query("SELECT RELEASE_LOCK(LEFT(CONCAT('xiangli_migrations:', DATABASE()), 64))")
    }
  } finally {
    await runner.release()
  }
}

async function withFileLock(ds: DataSource, timeoutSeconds: number): Promise<string[]> {
  const file = String(ds.options.database)
  if (file === ':memory:') return names(await ds.runMigrations({ transaction: 'each' }))
  const lock = new Database(migrationLockFile(file), { timeout: timeoutSeconds * 1000 })
  try {
    try {
      lock.exec('BEGIN EXCLUSIVE')
    } catch (e) {
      throw new Error(
        `another instance has been migrating ${file} for more than ${timeoutSeconds} s ` +
          `(MIGRATION_LOCK_TIMEOUT_SECONDS): ${(e as Error).message}`,
      )
    }
    return names(await ds.runMigrations({ transaction: 'each' }))
  } finally {
    lock.close()
  }
}

/** the file whose lock the SQLite migrations run under */
export const migrationLockFile = (sqliteFile: string): string => `${sqliteFile}.migrating`

const names = (ran: { name: string }[]): string[] => ran.map((m) => m.name)

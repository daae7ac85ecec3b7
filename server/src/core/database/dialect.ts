import type { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm'

/**
 * The one place that knows SQLite from MySQL. SQLite (the embedded default) runs one transaction at a
 * time on one connection, so it needs no row locks; MySQL runs transactions side by side and relies
 * on them. Everything else in the server writes the same SQL for both.
 */
export type Dialect = 'sqlite' | 'mysql'

export const dialectOf = (x: EntityManager | DataSource): Dialect => {
  const options = 'connection' in x ? x.connection.options : x.options
  return options.type === 'better-sqlite3' ? 'sqlite' : 'mysql'
}

/** A unique-constraint violation, on either database. */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; errno?: number; driverError?: { code?: string; errno?: number } }
  const code = err?.driverError?.code ?? err?.code
  const errno = err?.driverError?.errno ?? err?.errno
  return (
    code === 'ER_DUP_ENTRY' ||
    errno === 1062 ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  )
}

/**
 * MySQL gave up one of two transactions that waited on each other's locks (ER_LOCK_DEADLOCK); it was
 * rolled back whole and may be run again. SQLite, one transaction at a time, never deadlocks.
 */
export function isDeadlock(e: unknown): boolean {
  const err = e as { code?: string; errno?: number; driverError?: { code?: string; errno?: number } }
  const code = err?.driverError?.code ?? err?.code
  return code === 'ER_LOCK_DEADLOCK' || (err?.driverError?.errno ?? err?.errno) === 1213
}

/** Reads rows to change them: locked until commit on MySQL (SELECT … FOR UPDATE). */
export function forUpdate<T extends ObjectLiteral>(
  m: EntityManager,
  qb: SelectQueryBuilder<T>,
): SelectQueryBuilder<T> {
  return dialectOf(m) === 'sqlite' ? qb : qb.setLock('pessimistic_write')
}

/**
 * The clause that takes a shared row lock at the end of a raw SELECT: many readers at once, none
 * while a writer holds it (LOCK IN SHARE MODE: MariaDB has no FOR SHARE, and MySQL 8 still takes it).
 */
export const shareLockClause = (m: EntityManager): string =>
  dialectOf(m) === 'sqlite' ? '' : ' LOCK IN SHARE MODE'

/** The Beijing month (2026-03) of a datetime column, which both databases hold in UTC. */
export const beijingMonthSql = (d: Dialect, column: string): string =>
  d === 'mysql'
    ? `DATE_FORMAT(${column} + INTERVAL 8 HOUR, '%Y-%m')`
    : `strftime('%Y-%m', ${column}, '+8 hours')`

/**
 * Adds to the counters of the row with this key, creating it (counters from 0) when there is none, in
 * one statement: INSERT … ON DUPLICATE KEY UPDATE on MySQL, INSERT … ON CONFLICT DO UPDATE on SQLite.
 * Table and column names come from the code, never from a request.
 */
export async function addToCounters(
  m: EntityManager,
  table: string,
  key: Record<string, string | number>,
  add: Record<string, number>,
): Promise<void> {
  const keys = Object.keys(key)
  const counters = Object.keys(add)
  const columns = [...keys, ...counters]
  const values = [...keys.map((k) => key[k]), ...counters.map((c) => add[c])]
  const insert = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`
  const sql =
    dialectOf(m) === 'mysql'
      ? `${insert} ON DUPLICATE KEY UPDATE ${counters.map((c) => `${c} = ${c} + VALUES(${c})`).join(', ')}`
      : `${insert} ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${counters
          .map((c) => `${c} = ${c} + excluded.${c}`)
          .join(', ')}`
  await m.query(sql, values)
}

/** A datetime column read by a raw query: a Date from MySQL, UTC text from SQLite. */
export function rawDate(v: Date | string): Date {
  if (v instanceof Date) return v
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v.replace(' ', 'T')}Z`)
}

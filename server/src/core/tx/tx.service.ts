import { Injectable } from '@nestjs/common'
import { DataSource, type EntityManager } from 'typeorm'

/**
 * The tail of the transaction queue of each SQLite file open in this process. Two data sources on one
 * file (two app instances in a test) must queue together too: SQLite waits for a lock by blocking the
 * thread, so a second connection waiting on the first inside one process would stall both until the
 * busy timeout and then fail.
 */
const sqliteQueues = new Map<string, Promise<unknown>>()

/**
 * Runs a unit of work in one transaction. SQLite has one connection and no concurrent transactions,
 * so there the units queue up in this process; MySQL runs them side by side and relies on row locks.
 */
@Injectable()
export class TxService {
  constructor(private readonly ds: DataSource) {}

  get isSqlite(): boolean {
    return this.ds.options.type === 'better-sqlite3'
  }

  run<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    if (!this.isSqlite) return this.ds.transaction(work)
    const file = String(this.ds.options.database)
    const next = (sqliteQueues.get(file) ?? Promise.resolve()).then(() => this.ds.transaction(work))
    sqliteQueues.set(
      file,
      next.catch(() => undefined),
    )
    return next
  }
}

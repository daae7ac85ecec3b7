import { Injectable } from '@nestjs/common'
import { DataSource, type EntityManager } from 'typeorm'
import { dialectOf, isDeadlock } from '../database/dialect'

/**
 * The tail of the transaction queue of each SQLite file open in this process. Two data sources on one
 * file (two app instances in a test) must queue together too: SQLite waits for a lock by blocking the
 * thread, so a second connection waiting on the first inside one process would stall both until the
 * busy timeout and then fail.
 */
const sqliteQueues = new Map<string, Promise<unknown>>()

/** A deadlock victim's transaction was rolled back whole, so it can simply run again, this often. */
const DEADLOCK_RETRIES = 4

/**
 * Runs a unit of work in one transaction. SQLite has one connection and no concurrent transactions,
 * so there the units queue up in this process; MySQL runs them side by side and relies on row locks.
 */
@Injectable()
export class TxService {
  constructor(private readonly ds: DataSource) {}

  /**
   * @deprecated ask core/database/dialect.ts instead (forUpdate, shareLockClause, dialectOf); kept
   * only for the deliberations module until it moves to the house layout.
   */
  get isSqlite(): boolean {
    return dialectOf(this.ds) === 'sqlite'
  }

  run<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    if (dialectOf(this.ds) !== 'sqlite') return this.runWithDeadlockRetry(work)
    const file = String(this.ds.options.database)
    const next = (sqliteQueues.get(file) ?? Promise.resolve()).then(() => this.ds.transaction(work))
    sqliteQueues.set(
      file,
      next.catch(() => undefined),
    )
    return next
  }

  /**
   * Concurrent inserts of the same unique key (200 taps of one voter's button) can make InnoDB pick a
   * deadlock victim; the victim's transaction was rolled back whole, so it runs again after a short,
   * jittered pause instead of failing with a 500.
   */
  private async runWithDeadlockRetry<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.ds.transaction(work)
      } catch (e) {
        if (!isDeadlock(e) || attempt >= DEADLOCK_RETRIES) throw e
        await new Promise((r) => setTimeout(r, attempt * 5 + Math.random() * 20))
      }
    }
  }
}

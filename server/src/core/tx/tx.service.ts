import { Injectable } from '@nestjs/common'
import { DataSource, type EntityManager } from 'typeorm'

/**
 * Runs a unit of work in one transaction. SQLite has one connection and no concurrent transactions,
 * so there the units queue up in this process; MySQL runs them side by side and relies on row locks.
 */
@Injectable()
export class TxService {
  private queue: Promise<unknown> = Promise.resolve()

  constructor(private readonly ds: DataSource) {}

  get isSqlite(): boolean {
    return this.ds.options.type === 'better-sqlite3'
  }

  run<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    if (!this.isSqlite) return this.ds.transaction(work)
    const next = this.queue.then(() => this.ds.transaction(work))
    this.queue = next.catch(() => undefined)
    return next
  }
}

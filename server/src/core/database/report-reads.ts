import type { DataSource, EntityManager } from 'typeorm'
import { dialectOf } from './dialect'

/**
 * Runs read-only report queries (the township's counts, statistics) on the read replica when one
 * is configured (DB_READ_URL), on the primary otherwise. A replica may lag by a moment, so only
 * reports that tolerate that belong here; nothing that reads what the same request just wrote.
 */
export async function reportReads<T>(ds: DataSource, work: (m: EntityManager) => Promise<T>): Promise<T> {
  const replicated = dialectOf(ds) === 'mysql' && 'replication' in ds.options && !!ds.options.replication
  if (!replicated) return work(ds.manager)
  const runner = ds.createQueryRunner('slave')
  try {
    return await work(runner.manager)
  } finally {
    await runner.release()
  }
}

import { Injectable } from '@nestjs/common'
import { randomUUID } from 'node:crypto'
import { DataSource } from 'typeorm'
import { isUniqueViolation } from '../database/errors'
import { TxService } from '../tx/tx.service'
import { JobLease } from './job-lease.entity'

/** a lease never handed back (the process died mid-run) is free again after this long */
export const DEFAULT_LEASE_MS = 10 * 60 * 1000
const FREE = new Date(0)

/** Makes a scheduled job run on one server instance at a time, whichever claims it first. */
@Injectable()
export class JobLeases {
  /** this instance; two app instances in one process are two holders */
  readonly holder = randomUUID()

  constructor(
    private readonly ds: DataSource,
    private readonly tx: TxService,
  ) {}

  /** True when this instance now holds the job's lease until `now + ms`. */
  async claim(name: string, now: Date, ms = DEFAULT_LEASE_MS): Promise<boolean> {
    await this.ensureRow(name)
    const res = await this.tx.run((m) =>
      m
        .createQueryBuilder()
        .update(JobLease)
        .set({ holder: this.holder, leaseUntil: new Date(now.getTime() + ms) })
        .where('name = :name AND leaseUntil < :now', { name, now })
        .execute(),
    )
    return (res.affected ?? 0) > 0
  }

  /** Hands the lease back early; only the holder can. */
  async release(name: string): Promise<void> {
    await this.tx.run((m) =>
      m
        .createQueryBuilder()
        .update(JobLease)
        .set({ leaseUntil: FREE })
        .where('name = :name AND holder = :holder', { name, holder: this.holder })
        .execute(),
    )
  }

  private async ensureRow(name: string): Promise<void> {
    if (await this.ds.getRepository(JobLease).existsBy({ name })) return
    try {
      await this.tx.run((m) => m.getRepository(JobLease).insert({ name, holder: '', leaseUntil: FREE }))
    } catch (e) {
      // another instance created it at the same moment
      if (!isUniqueViolation(e)) throw e
    }
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common'
import { DataSource } from 'typeorm'
import { Clock } from '../clock/clock'
import { APP_CONFIG, type AppConfig } from '../config/config'
import { thumbKey } from '../files/files.service'
import { OBJECT_STORE, type ObjectStore } from '../files/storage'
import { JobLeases } from '../jobs/job-lease.service'
import { JobRunner } from '../jobs/job-runner'

export const PURGE_JOB = 'purge'
/** rows deleted per statement, so that no purge holds a table for long */
const BATCH = 500
const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

export interface PurgeCounts {
  /** answers kept for retried submissions */
  idempotencyRecords: number
  /** refresh tokens past their expiry */
  refreshTokens: number
  /** logins with no refresh token left */
  sessions: number
  /** WeChat messages sent */
  sentMessages: number
  /** uploads never attached to anything, and their files when no other upload has the same content */
  unattachedUploads: number
}

/**
 * Deletes what no workflow reads any more, each after its retention setting, every
 * PURGE_INTERVAL_MS on one instance at a time (the job lease). What it keeps: the audit log,
 * every workflow's own rows, failed WeChat messages, attached files.
 */
@Injectable()
export class Purges {
  private readonly log = new Logger('Purge')

  constructor(
    private readonly ds: DataSource,
    private readonly leases: JobLeases,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
    clock: Clock,
    jobs: JobRunner,
  ) {
    jobs.every(PURGE_JOB, config.PURGE_INTERVAL_MS, () => this.runOnce(clock.now()))
  }

  /** Every purge, unless another instance is purging now (then null). */
  async runOnce(now: Date): Promise<PurgeCounts | null> {
    if (!(await this.leases.claim(PURGE_JOB, now))) return null
    try {
      return await this.purge(now)
    } finally {
      await this.leases.release(PURGE_JOB)
    }
  }

  /** Every purge, as of `now`. */
  async purge(now: Date): Promise<PurgeCounts> {
    const c = this.config
    const ago = (ms: number) => new Date(now.getTime() - ms)
    const sessionsBefore = ago(c.EXPIRED_SESSION_RETENTION_DAYS * DAY_MS)
    const counts: PurgeCounts = {
      idempotencyRecords: await this.deleteWhere(
        'idempotency_record',
        'createdAt < :before',
        ago(c.IDEMPOTENCY_RETENTION_HOURS * HOUR_MS),
      ),
      refreshTokens: await this.deleteWhere('refresh_token', 'expiresAt < :before', sessionsBefore),
      // a login's refresh tokens all came after it and are all gone: its access tokens (a day at
      // most) expired long ago
      sessions: await this.deleteWhere(
        'auth_session',
        'createdAt < :before AND NOT EXISTS (SELECT 1 FROM refresh_token r WHERE r.familyId = t.id)',
        sessionsBefore,
      ),
      sentMessages: await this.deleteWhere(
        'outbox_message',
        // refused and skipped ones went nowhere: kept as long as the sent ones, for the counts
        "(state = 'sent' AND sentAt < :before) OR (state IN ('refused', 'skipped') AND createdAt < :before)",
        ago(c.OUTBOX_SENT_RETENTION_DAYS * DAY_MS),
      ),
      unattachedUploads: await this.unattachedUploads(ago(c.UNATTACHED_UPLOAD_RETENTION_HOURS * HOUR_MS)),
    }
    const total = Object.values(counts).reduce((a, b) => a + b, 0)
    if (total > 0) this.log.log({ msg: 'purged', ...counts })
    return counts
  }

  /** Deletes the rows of `table` (alias t) matching `where`, a batch at a time; returns how many. */
  private async deleteWhere(table: string, where: string, before: Date): Promise<number> {
    let deleted = 0
    for (;;) {
      const ids = await this.idsWhere(table, where, before)
      if (ids.length === 0) return deleted
      const res = await this.ds
        .createQueryBuilder()
        .delete()
        .from(table)
        .where('id IN (:...ids)', { ids })
        .execute()
      deleted += res.affected ?? ids.length
      if (ids.length < BATCH) return deleted
    }
  }

  private async idsWhere(table: string, where: string, before: Date): Promise<(number | string)[]> {
    const rows = (await this.ds
      .createQueryBuilder()
      .select('t.id', 'id')
      .from(table, 't')
      .where(where, { before })
      .orderBy('t.id')
      .limit(BATCH)
      .getRawMany()) as { id: number | string }[]
    return rows.map((r) => r.id)
  }

  /**
   * Uploads still attached to nothing long after: the form was abandoned. Their bytes go too, unless
   * another upload (attached or not) has the same content, which is stored once.
   */
  private async unattachedUploads(before: Date): Promise<number> {
    let deleted = 0
    for (;;) {
      const rows = (await this.ds
        .createQueryBuilder()
        .select(['f.id AS id', 'f.storageKey AS storageKey', 'f.sha256 AS sha256'])
        .from('stored_file', 'f')
        .where('f.attachedType IS NULL AND f.createdAt < :before', { before })
        .orderBy('f.id')
        .limit(BATCH)
        .getRawMany()) as { id: number; storageKey: string; sha256: string }[]
      if (rows.length === 0) return deleted
      // attached meanwhile: kept
      const res = await this.ds
        .createQueryBuilder()
        .delete()
        .from('stored_file')
        .where('id IN (:...ids) AND attachedType IS NULL', { ids: rows.map((r) => r.id) })
        .execute()
      deleted += res.affected ?? 0
      const contents = new Map(rows.map((r) => [r.storageKey, r.sha256]))
      for (const [key, sha256] of contents) await this.dropFileIfUnused(key, sha256)
      if (rows.length < BATCH) return deleted
    }
  }

  /** The bytes and, for a photo, its thumbnail, from the disk or the bucket. */
  private async dropFileIfUnused(storageKey: string, sha256: string): Promise<void> {
    const still = await this.ds
      .createQueryBuilder()
      .select('f.id')
      .from('stored_file', 'f')
      .where('f.storageKey = :storageKey', { storageKey })
      .getRawOne()
    if (still) return
    for (const key of [storageKey, thumbKey(sha256)]) {
      try {
        await this.store.delete(key)
      } catch (e) {
        this.log.warn(`could not delete ${key}: ${(e as Error).message}`)
      }
    }
  }
}

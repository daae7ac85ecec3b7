import { Injectable } from '@nestjs/common'
import { createHash } from 'node:crypto'
import { DataSource, type EntityManager } from 'typeorm'
import type { AuditVerifyResult } from '@xiangli/shared'
import { AuditEntry } from './entities/audit-entry.entity'
import { AuditHead } from './entities/audit-head.entity'
import { dialectOf } from '../database/dialect'
import { lockHead } from './chain-heads'
import { verifyChains } from './verify-chains'
import { TxService } from '../tx/tx.service'

export { GENESIS_HASH } from './chain-heads'

export interface Actor {
  accountId: number | null
  name: string | null
  /** the role the person acted in, e.g. committee_member; 'system' for jobs */
  role: string | null
}

export const SYSTEM_ACTOR: Actor = { accountId: null, name: '系统', role: 'system' }

export interface AuditEvent {
  actor: Actor
  action: string
  orgId: number | null
  targetType: string
  targetId: string | number
  before?: unknown
  after?: unknown
}

/** Key order must not change a digest: objects are serialised with sorted keys. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (value instanceof Date) return JSON.stringify(value.toISOString())
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']'
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return '{' + entries.map(([k, v]) => JSON.stringify(k) + ':' + canonicalJson(v)).join(',') + '}'
  }
  return JSON.stringify(value)
}

export const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex')

export const digest = (value: unknown): string | null =>
  value === undefined || value === null ? null : sha256(canonicalJson(value))

type HashedFields = Omit<AuditEntry, 'hash' | 'seq'>

/** What a content check found first: the entry that recorded the original, and what no longer fits. */
export interface ContentProblem {
  /** the entry whose digest the row no longer matches; 0 when the row has no entry at all */
  seq: number
  /** in plain Chinese, naming the record */
  problem: string
  /** the table of the row that no longer fits, and the row */
  table: string
  recordId: string | number
}

/**
 * Re-derives records a module keeps outside the chain and compares them with what the chain recorded
 * (a notice version's content against the hash logged when it was published). Returns the first
 * mismatch, or null when every record still fits.
 */
export type ContentCheck = (m: EntityManager) => Promise<ContentProblem | null>

/**
 * The hash of one link: its place (its chain and its link in it), its content and the previous link's
 * hash. On chain 0 the place is the link alone: that chain is the one all entries were on before
 * chains were split, when the place was the global sequence number, and link = that number there, so
 * every older hash still holds.
 */
export function entryHash(e: HashedFields): string {
  return sha256(
    e.prevHash +
      '\n' +
      canonicalJson([
        e.chain === 0 ? e.link : [e.chain, e.link],
        e.actorAccountId,
        e.actorName,
        e.actorRole,
        e.orgId,
        e.action,
        e.targetType,
        e.targetId,
        e.beforeDigest,
        e.afterDigest,
        e.at,
      ]),
  )
}

/** The chain an event joins: its organisation's, or chain 0 for events about no organisation. */
export const chainOf = (orgId: number | null): number => orgId ?? 0

/** Where a check of the chains has got to, for a progress bar; `signal` stops it early. */
export interface VerifyOptions {
  /** start each chain where its last whole check ended (the entry there must still match) */
  sinceVerified?: boolean
  onProgress?: (checked: number) => Promise<void> | void
  signal?: AbortSignal
}

@Injectable()
export class AuditService {
  private readonly contentChecks = new Map<string, ContentCheck>()

  constructor(private readonly ds: DataSource) {}

  /** A module whose records the chain vouches for adds its check here; `verify` runs them all. */
  registerContentCheck(name: string, check: ContentCheck): void {
    this.contentChecks.set(name, check)
  }

  /** The names of the registered content checks, in the order `verify` runs them. */
  contentCheckNames(): string[] {
    return [...this.contentChecks.keys()]
  }

  /**
   * Appends one entry to its organisation's chain inside the caller's transaction, so the change and
   * its record commit together. Only that chain's head row is locked: other villages write on.
   */
  async append(m: EntityManager, ev: AuditEvent): Promise<AuditEntry> {
    const chain = chainOf(ev.orgId)
    const head = await lockHead(m, chain)
    const fields: HashedFields = {
      chain,
      link: head.lastSeq + 1,
      actorAccountId: ev.actor.accountId,
      actorName: ev.actor.name,
      actorRole: ev.actor.role,
      orgId: ev.orgId,
      action: ev.action,
      targetType: ev.targetType,
      targetId: String(ev.targetId),
      beforeDigest: digest(ev.before),
      afterDigest: digest(ev.after),
      at: new Date().toISOString(),
      prevHash: head.lastHash,
    }
    const entry = m.getRepository(AuditEntry).create({ ...fields, hash: entryHash(fields) })
    await m.getRepository(AuditEntry).insert(entry)
    await m.getRepository(AuditHead).update({ id: chain }, { lastSeq: entry.link, lastHash: entry.hash })
    return entry
  }

  /** Every chain's head: what an outsider writes down to compare later. */
  heads(m: EntityManager = this.ds.manager): Promise<AuditHead[]> {
    return m.getRepository(AuditHead).find({ order: { id: 'ASC' } })
  }

  /** How many entries a check would walk (for a progress bar). */
  async countToCheck(sinceVerified = false): Promise<number> {
    const total = await this.ds.getRepository(AuditEntry).count()
    if (!sinceVerified) return total
    const heads = await this.heads()
    return Math.max(0, total - heads.reduce((n, h) => n + h.verifiedLink, 0))
  }

  /**
   * Walks every chain in order and reports the first entry that does not fit, then the first record
   * that no longer fits its entry. All of it reads one consistent state: a close or a publication
   * committing halfway through must not look like a row without its entry (on SQLite, by taking a turn
   * in the transaction queue; on MySQL, by a repeatable-read snapshot). A whole pass records where
   * each chain was checked to, for the next `sinceVerified` pass.
   */
  async verify(opts: VerifyOptions = {}): Promise<AuditVerifyResult> {
    const run = (m: EntityManager) => verifyChains(m, [...this.contentChecks.values()], opts)
    const { result, reached } =
      dialectOf(this.ds) === 'sqlite'
        ? await new TxService(this.ds).run(run)
        : await this.ds.transaction('REPEATABLE READ', run)
    if (result.ok)
      for (const r of reached)
        await this.ds
          .getRepository(AuditHead)
          .update({ id: r.chain }, { verifiedLink: r.link, verifiedHash: r.hash })
    return result
  }
}

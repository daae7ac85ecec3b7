import { Injectable, OnModuleInit } from '@nestjs/common'
import { createHash } from 'node:crypto'
import { DataSource, type EntityManager } from 'typeorm'
import type { AuditVerifyResult } from '@xiangli/shared'
import { AuditEntry } from './entities/audit-entry.entity'
import { AuditHead } from './entities/audit-head.entity'
import { dialectOf, forUpdate } from '../database/dialect'
import { TxService } from '../tx/tx.service'

export const GENESIS_HASH = '0'.repeat(64)

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

type HashedFields = Omit<AuditEntry, 'hash'>

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

export function entryHash(e: HashedFields): string {
  return sha256(
    e.prevHash +
      '\n' +
      canonicalJson([
        e.seq,
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

@Injectable()
export class AuditService implements OnModuleInit {
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

  async onModuleInit(): Promise<void> {
    const heads = this.ds.getRepository(AuditHead)
    if (await heads.findOneBy({ id: 1 })) return
    try {
      await heads.insert({ id: 1, lastSeq: 0, lastHash: GENESIS_HASH })
    } catch (e) {
      // another instance created it first
      if (!(await heads.findOneBy({ id: 1 }))) throw e
    }
  }

  /** Appends one entry inside the caller's transaction, so the change and its record commit together. */
  async append(m: EntityManager, ev: AuditEvent): Promise<AuditEntry> {
    const q = m.getRepository(AuditHead).createQueryBuilder('h').where('h.id = 1')
    // SQLite transactions are already serialised; MySQL locks the head row until commit
    const head = await forUpdate(m, q).getOne()
    if (!head) throw new Error('audit head missing: the audit module did not initialise')
    const fields: HashedFields = {
      seq: head.lastSeq + 1,
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
    await m.getRepository(AuditHead).update({ id: 1 }, { lastSeq: entry.seq, lastHash: entry.hash })
    return entry
  }

  /**
   * Walks the whole chain in order and reports the first entry that does not fit, then the first
   * record that no longer fits its entry. All of it reads one consistent state: a close or a
   * publication committing halfway through must not look like a row without its entry (on SQLite,
   * by taking a turn in the transaction queue; on MySQL, by a repeatable-read snapshot).
   */
  verify(): Promise<AuditVerifyResult> {
    return dialectOf(this.ds) === 'sqlite'
      ? new TxService(this.ds).run((m) => this.verifyIn(m))
      : this.ds.transaction('REPEATABLE READ', (m) => this.verifyIn(m))
  }

  private async verifyIn(m: EntityManager): Promise<AuditVerifyResult> {
    const repo = m.getRepository(AuditEntry)
    let prevSeq = 0
    let prevHash = GENESIS_HASH
    let checked = 0
    const broken = (
      seq: number,
      problem: string,
      table = 'audit_entry',
      recordId: string | number = seq,
    ): AuditVerifyResult => ({
      ok: false,
      checked,
      firstBrokenSeq: seq,
      problem,
      table,
      recordId: String(recordId),
    })
    for (;;) {
      const batch = await repo
        .createQueryBuilder('e')
        .where('e.seq > :after', { after: prevSeq })
        .orderBy('e.seq', 'ASC')
        .take(1000)
        .getMany()
      if (batch.length === 0) break
      for (const e of batch) {
        if (e.seq !== prevSeq + 1) return broken(prevSeq + 1, `第 ${prevSeq + 1} 条记录缺失`)
        if (e.prevHash !== prevHash) return broken(e.seq, `第 ${e.seq} 条记录与前一条衔接不上`)
        const { hash, ...fields } = e
        if (entryHash(fields) !== hash) return broken(e.seq, `第 ${e.seq} 条记录的内容被改动过`)
        prevSeq = e.seq
        prevHash = e.hash
        checked++
      }
    }
    const head = await m.getRepository(AuditHead).findOneBy({ id: 1 })
    if (head && (head.lastSeq !== prevSeq || head.lastHash !== prevHash))
      return broken(prevSeq + 1, `最后 ${head.lastSeq - prevSeq} 条记录被删除`)
    for (const check of this.contentChecks.values()) {
      const found = await check(m)
      if (found) return broken(found.seq, found.problem, found.table, found.recordId)
    }
    return { ok: true, checked, firstBrokenSeq: null, problem: null, table: null, recordId: null }
  }
}

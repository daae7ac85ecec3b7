import { Injectable } from '@nestjs/common'
import {
  manualAwardRule,
  pointsFor,
  pointsSourceKey,
  type PointsRuleKind,
  type PointsSourceType,
} from '@xiangli/shared'
import type { EntityManager } from 'typeorm'
import { AuditService, type Actor } from '../../../core/audit/audit.service'
import { AppException } from '../../../core/errors/app.exception'
import type { PointsEntry } from '../entities/points-entry.entity'
import { batchRecord, entryRecord, wholeSecond } from '../points-integrity'
import { PointsRepository, type NewPointsEntry } from '../points.repository'

/** One award: who earns it, under which rule, and the source that earned it. */
export interface PointsAward {
  villageId: number
  householdId: number
  /** the person whose taking part earned it; null for the household's own awards */
  residentId: number | null
  personName: string | null
  kind: PointsRuleKind
  sourceType: PointsSourceType
  sourceId: number
  sourceLabel: string
  /** a manual award's points (bounded by the rules); every other kind takes the published rule */
  points?: number
  /** volunteering: whole hours */
  hours?: number
  /** when it was earned: the meeting's end, the window's close, now */
  earnedAt: Date
  /** who recorded it; its name goes on the row unless `system` (the system awarded it on an event) */
  actor: Actor
  system?: boolean
  /** a key of its own for sources that may award again (manual awards) */
  uniqueSuffix?: string
}

/** A batch of awards from one event to many people (those present at a meeting, an opinion window's givers). */
export interface PointsBatch {
  villageId: number
  kind: 'meeting_attendance' | 'opinion'
  sourceType: PointsSourceType
  sourceId: number
  sourceLabel: string
  earnedAt: Date
  actor: Actor
  people: { residentId: number; householdId: number; name: string }[]
}

const chunk = <T>(xs: T[], n: number): T[][] =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n))

/**
 * The only writer of the ledger: every award and redemption is one insert-only row, keyed by its
 * source, and written into the village's audit chain in the same transaction.
 */
@Injectable()
export class PointsLedger {
  constructor(
    private readonly repo: PointsRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * One award, in the caller's transaction. Idempotent: the same source for the same person or
   * household gives back the entry already there (`created: false`). Null when the village has no
   * published rules or the rule gives no points: nothing is earned then.
   */
  async awardIn(m: EntityManager, a: PointsAward): Promise<{ entry: PointsEntry; created: boolean } | null> {
    const rules = await this.repo.currentRules(a.villageId, m)
    if (!rules) {
      if (a.kind === 'manual') throw new AppException('POINTS_NO_RULES')
      return null
    }
    const sourceKey = pointsSourceKey({
      kind: a.kind,
      sourceType: a.sourceType,
      sourceId: a.uniqueSuffix ? `${a.sourceId}-${a.uniqueSuffix}` : a.sourceId,
      residentId: a.residentId,
    })
    const before = await this.repo.entryBySourceKey(a.villageId, sourceKey, m)
    if (before) return { entry: before, created: false }
    let points: number
    if (a.kind === 'manual') {
      const refusal = manualAwardRule(a.points ?? 0, rules.points)
      if (refusal) throw new AppException(refusal)
      points = a.points!
    } else points = pointsFor(rules.points, a.kind, a.hours ?? 1)
    if (points <= 0) return null
    const entry = await this.insert(
      m,
      {
        villageId: a.villageId,
        householdId: a.householdId,
        residentId: a.residentId,
        personName: a.personName,
        kind: a.kind,
        points,
        sourceType: a.sourceType,
        sourceId: a.sourceId,
        sourceLabel: a.sourceLabel.slice(0, 120),
        sourceKey,
        rulesVersion: rules.version,
        earnedAt: a.earnedAt,
        recordedByAccountId: a.system ? null : a.actor.accountId,
        recordedByName: a.system ? '系统' : (a.actor.name ?? '').slice(0, 30),
      },
      a.actor,
    )
    return { entry, created: true }
  }

  /**
   * One event's awards to many people at once: all at the event's moment, in roster order, those
   * already awarded left as they are; one audit entry carries the count and a digest of the rows.
   */
  async awardBatch(m: EntityManager, b: PointsBatch): Promise<number> {
    const rules = await this.repo.currentRules(b.villageId, m)
    if (!rules || b.people.length === 0) return 0
    const points = pointsFor(rules.points, b.kind)
    if (points <= 0) return 0
    const rows: NewPointsEntry[] = []
    for (const p of [...b.people].sort((x, y) => x.residentId - y.residentId)) {
      const sourceKey = pointsSourceKey({
        kind: b.kind,
        sourceType: b.sourceType,
        sourceId: b.sourceId,
        residentId: p.residentId,
      })
      if (await this.repo.entryBySourceKey(b.villageId, sourceKey, m)) continue
      rows.push({
        villageId: b.villageId,
        householdId: p.householdId,
        residentId: p.residentId,
        personName: p.name,
        kind: b.kind,
        points,
        sourceType: b.sourceType,
        sourceId: b.sourceId,
        sourceLabel: b.sourceLabel.slice(0, 120),
        sourceKey,
        rulesVersion: rules.version,
        earnedAt: wholeSecond(b.earnedAt),
        recordedByAccountId: null,
        recordedByName: '系统',
      })
    }
    if (rows.length === 0) return 0
    for (const part of chunk(rows, 200)) await this.repo.insertMany(m, part)
    await this.audit.append(m, {
      actor: b.actor,
      action: 'points.awarded',
      orgId: b.villageId,
      targetType: b.sourceType,
      targetId: b.sourceId,
      after: batchRecord(rows),
    })
    return rows.length
  }

  /** Inserts one entry and writes it into the audit chain, so a row changed later no longer matches. */
  async insert(m: EntityManager, written: NewPointsEntry, actor?: Actor): Promise<PointsEntry> {
    const row = { ...written, earnedAt: wholeSecond(written.earnedAt) }
    const entry = await this.repo.insertEntry(m, row)
    await this.audit.append(m, {
      actor: actor ?? { accountId: row.recordedByAccountId, name: row.recordedByName, role: null },
      action: row.kind === 'redemption' ? 'points.redeemed' : 'points.awarded',
      orgId: row.villageId,
      targetType: 'points_entry',
      targetId: entry.id,
      after: entryRecord(row),
    })
    return entry
  }
}

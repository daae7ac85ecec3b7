import type { EntityManager } from 'typeorm'
import { digest, type ContentCheck, type ContentProblem } from '../../core/audit/audit.service'
import { byTarget, recordedEntries } from '../../core/audit/recorded'
import { PointsEntry } from './entities/points-entry.entity'

/** The sources whose awards go to many people at once, written into the chain as one batch. */
export const BATCH_SOURCES = ['meeting', 'opinion_window'] as const

/** Ledger times are kept to the whole second, as MySQL's DATETIME keeps them, so a row reads back as written. */
export const wholeSecond = (at: Date): Date => new Date(Math.floor(at.getTime() / 1000) * 1000)

type EntryFields = Pick<
  PointsEntry,
  | 'householdId'
  | 'residentId'
  | 'kind'
  | 'points'
  | 'sourceType'
  | 'sourceId'
  | 'sourceKey'
  | 'rulesVersion'
  | 'earnedAt'
>

/** What the chain records of one entry, rebuilt from the row alone. */
export const entryRecord = (e: EntryFields) => ({
  householdId: e.householdId,
  residentId: e.residentId,
  kind: e.kind,
  points: e.points,
  sourceType: e.sourceType,
  sourceId: e.sourceId,
  sourceKey: e.sourceKey,
  rulesVersion: e.rulesVersion,
  earnedAt: new Date(e.earnedAt).toISOString(),
})

/** What the chain records of one event's awards to many people, rebuilt from its rows in the order written. */
export const batchRecord = (rows: EntryFields[]) => ({
  kind: rows[0]!.kind,
  points: rows[0]!.points,
  rulesVersion: rows[0]!.rulesVersion,
  count: rows.length,
  earnedAt: new Date(rows[0]!.earnedAt).toISOString(),
  rows: digest(rows.map((r) => [r.householdId, r.residentId, r.points, r.sourceKey])),
})

const isBatch = (e: Pick<PointsEntry, 'sourceType' | 'recordedByAccountId'>) =>
  (BATCH_SOURCES as readonly string[]).includes(e.sourceType) && e.recordedByAccountId === null

const problem = (seq: number, what: string, recordId: number | string): ContentProblem => ({
  seq,
  problem: what,
  table: 'points_entry',
  recordId,
})

/**
 * The audit verifier's check of the points ledger: every entry (or, for a meeting's or an opinion
 * window's awards, every batch) still matches what the chain recorded when it was written, and every
 * recorded entry is still there. A row added, changed or deleted behind the app's back shows here.
 */
export const pointsCheck: ContentCheck = async (m: EntityManager) => {
  const recorded = await recordedEntries(m, ['points.awarded', 'points.redeemed'])
  const single = byTarget(recorded.filter((e) => e.targetType === 'points_entry'))
  const batches = new Map(
    recorded.filter((e) => e.targetType !== 'points_entry').map((e) => [`${e.targetType}:${e.targetId}`, e]),
  )
  const grouped = new Map<string, PointsEntry[]>()
  const seen = new Set<string>()
  let after = 0
  for (;;) {
    const rows = await m
      .getRepository(PointsEntry)
      .createQueryBuilder('e')
      .where('e.id > :after', { after })
      .orderBy('e.id', 'ASC')
      .limit(1000)
      .getMany()
    if (rows.length === 0) break
    for (const e of rows) {
      if (isBatch(e)) {
        const key = `${e.sourceType}:${e.sourceId}`
        grouped.set(key, [...(grouped.get(key) ?? []), e])
        continue
      }
      seen.add(String(e.id))
      const entry = single.get(String(e.id))?.at(-1)
      if (!entry) return problem(0, `积分记录 ${e.id} 没有记账留痕，可能是私自添加的`, e.id)
      if (entry.afterDigest !== digest(entryRecord(e)))
        return problem(entry.seq, `积分记录 ${e.id} 与记账时的留痕不一致，可能被改过`, e.id)
    }
    after = rows[rows.length - 1]!.id
  }
  for (const [key, rows] of grouped) {
    const entry = batches.get(key)
    if (!entry) return problem(0, `${key} 的积分没有记账留痕，可能是私自添加的`, rows[0]!.id)
    if (entry.afterDigest !== digest(batchRecord(rows)))
      return problem(entry.seq, `${key} 发的积分与记账时的留痕不一致，可能被改过`, rows[0]!.id)
  }
  const gone = [...single.keys()].find((id) => !seen.has(id))
  if (gone !== undefined) return problem(single.get(gone)!.at(-1)!.seq, `积分记录 ${gone} 不见了`, gone)
  const goneBatch = [...batches.keys()].find((k) => !grouped.has(k))
  if (goneBatch !== undefined)
    return problem(batches.get(goneBatch)!.seq, `${goneBatch} 发的积分不见了`, goneBatch)
  return null
}

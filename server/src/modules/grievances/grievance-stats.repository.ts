import { Injectable } from '@nestjs/common'
import { DataSource, In, type EntityManager } from 'typeorm'
import { DEADLINE_STATES, OPEN_STATES } from '@xiangli/shared'
import { addToCounters, beijingMonthSql, dialectOf, type Dialect } from '../../core/database/dialect'
import { reportReads } from '../../core/database/report-reads'
import { GrievanceMonthStat } from './entities/grievance-month-stat.entity'
import { Grievance } from './entities/grievance.entity'
import { statMonth, type MonthStatCounts } from './grievances.rules'

/** Per village: the raw counts behind the township's statistics. */
export interface VillageCounts {
  villageId: number
  total: number
  open: number
  overdue: number
  escalated: number
  answerMinutes: number | null
  rating: number | null
  rated: number
}

const COUNTERS = [
  'total',
  'openCount',
  'escalatedCount',
  'answeredCount',
  'answerMinutesSum',
  'ratedCount',
  'ratingSum',
] as const

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v))
const quoted = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ')

/**
 * The statement that counts grievance_month_stat afresh from the items (of the villages `where`
 * picks, `g` being the grievance): the backfill, the scale seeder and the tests' recount use it.
 */
export const recountMonthStatsSql = (d: Dialect, where = ''): string => {
  const month = beijingMonthSql(d, 'g.createdAt')
  return `INSERT INTO grievance_month_stat (villageId, month, ${COUNTERS.join(', ')})
    SELECT g.villageId, ${month}, COUNT(*),
      SUM(CASE WHEN g.state IN (${quoted(OPEN_STATES)}) THEN 1 ELSE 0 END),
      SUM(CASE WHEN g.state = 'escalated' THEN 1 ELSE 0 END),
      COUNT(g.answerMinutes), COALESCE(SUM(g.answerMinutes), 0),
      COUNT(g.rating), COALESCE(SUM(g.rating), 0)
    FROM grievance g ${where}
    GROUP BY g.villageId, ${month}`
}

/** The township's statistics of 村民说事: kept per village and month, read per village. */
@Injectable()
export class GrievanceStatsRepository {
  constructor(private readonly ds: DataSource) {}

  /** Adds an item's change to the row of its village and month, in the caller's transaction. */
  async add(
    m: EntityManager,
    g: Pick<Grievance, 'villageId' | 'createdAt'>,
    change: MonthStatCounts,
  ): Promise<void> {
    if (COUNTERS.every((c) => change[c] === 0)) return
    await addToCounters(
      m,
      'grievance_month_stat',
      { villageId: g.villageId, month: statMonth(g.createdAt) },
      { ...change },
    )
  }

  /** Counts the villages' rows afresh from their items (after rows were written behind the app's back). */
  async recount(m: EntityManager, villageIds: number[]): Promise<void> {
    if (villageIds.length === 0) return
    await m.getRepository(GrievanceMonthStat).delete({ villageId: In(villageIds) })
    await m.query(
      recountMonthStatsSql(dialectOf(m), `WHERE g.villageId IN (${villageIds.map(() => '?').join(', ')})`),
      villageIds,
    )
  }

  /**
   * Open, overdue and escalated counts, answer time and ratings per village: the sums of its month
   * rows, and the items overdue now, counted over the open items only (ix_grievance_village_due).
   */
  async countsByVillage(villageIds: number[], now: Date): Promise<VillageCounts[]> {
    if (villageIds.length === 0) return []
    const [sums, overdue] = await reportReads(this.ds, async (m) => {
      const q = m.getRepository(GrievanceMonthStat).createQueryBuilder('s').select('s.villageId', 'villageId')
      for (const c of COUNTERS) q.addSelect(`SUM(s.${c})`, c)
      const sums: Record<string, unknown>[] = await q
        .where('s.villageId IN (:...ids)', { ids: villageIds })
        .groupBy('s.villageId')
        .getRawMany()
      const overdue: Record<string, unknown>[] = await m
        .getRepository(Grievance)
        .createQueryBuilder('g')
        .select('g.villageId', 'villageId')
        .addSelect('COUNT(*)', 'overdue')
        .where('g.villageId IN (:...ids) AND g.state IN (:...deadline) AND g.dueAt < :now', {
          ids: villageIds,
          deadline: [...DEADLINE_STATES],
          now,
        })
        .groupBy('g.villageId')
        .getRawMany()
      return [sums, overdue] as const
    })
    const late = new Map(overdue.map((r) => [Number(r.villageId), num(r.overdue)]))
    return sums.map((r) => {
      const answered = num(r.answeredCount)
      const rated = num(r.ratedCount)
      return {
        villageId: Number(r.villageId),
        total: num(r.total),
        open: num(r.openCount),
        overdue: late.get(Number(r.villageId)) ?? 0,
        escalated: num(r.escalatedCount),
        answerMinutes: answered === 0 ? null : num(r.answerMinutesSum) / answered,
        rating: rated === 0 ? null : num(r.ratingSum) / rated,
        rated,
      }
    })
  }
}

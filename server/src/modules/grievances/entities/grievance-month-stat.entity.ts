import { Column, Entity, PrimaryColumn } from 'typeorm'

/**
 * The township's statistics of one village's 村民说事 items raised in one Beijing month, kept in the
 * same transaction as every change of an item (raising it, each step of its workflow), so the
 * township reads one row per village and month instead of every item. Not a hot row: a village's
 * items change a few times a day. Whether an item is overdue depends on the time of the read, so it
 * is not kept here (GrievanceStatsRepository counts it over the open items).
 */
@Entity('grievance_month_stat')
export class GrievanceMonthStat {
  @PrimaryColumn({ type: 'int' })
  villageId: number

  /** the Beijing month the items were raised in, 2026-03 */
  @PrimaryColumn({ type: 'varchar', length: 7 })
  month: string

  @Column({ type: 'int', default: 0 })
  total: number

  /** not yet answered, declined or closed (OPEN_STATES) */
  @Column({ type: 'int', default: 0 })
  openCount: number

  @Column({ type: 'int', default: 0 })
  escalatedCount: number

  /** items with a first answer, and the sum of their minutes from raising to that answer */
  @Column({ type: 'int', default: 0 })
  answeredCount: number

  // an int: 4,000 answers a month each taking a year stay below its 2.1 billion
  @Column({ type: 'int', default: 0 })
  answerMinutesSum: number

  /** items rated by their raiser, and the sum of their ratings (1–5) */
  @Column({ type: 'int', default: 0 })
  ratedCount: number

  @Column({ type: 'int', default: 0 })
  ratingSum: number
}

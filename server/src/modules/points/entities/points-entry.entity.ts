import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { PointsEntryKind, PointsSourceType } from '@xiangli/shared'

/**
 * 积分台账: one row per award or redemption of a household, insert-only (nothing updates or deletes
 * it). Each row names what earned it (source type and id, with the label it had then), the rules
 * version it was counted under and who recorded it; its source key makes one source award once.
 * Every award is also written into the village's audit chain, so a row changed later no longer
 * matches its entry there.
 */
@Entity('points_entry')
@Index('uq_points_entry_source', ['villageId', 'sourceKey'], { unique: true })
@Index('ix_points_entry_household', ['villageId', 'householdId', 'id'])
export class PointsEntry {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  villageId: number

  @Column({ type: 'int' })
  householdId: number

  /** the person whose taking part earned it, or null for the household's own entries */
  @Column({ type: 'int', nullable: true })
  residentId: number | null

  @Column({ type: 'varchar', length: 30, nullable: true })
  personName: string | null

  @Column({ type: 'varchar', length: 20 })
  kind: PointsEntryKind

  /** positive for an award, negative for a redemption */
  @Column({ type: 'int' })
  points: number

  @Column({ type: 'varchar', length: 20 })
  sourceType: PointsSourceType

  @Column({ type: 'int' })
  sourceId: number

  /** what the source was called when it earned the points (a meeting's title, an item's name, a reason) */
  @Column({ type: 'varchar', length: 120 })
  sourceLabel: string

  /** one source, one award: see pointsSourceKey */
  @Column({ type: 'varchar', length: 80 })
  sourceKey: string

  /** the published rules version it was counted under (null for a redemption) */
  @Column({ type: 'int', nullable: true })
  rulesVersion: number | null

  /** when it was earned: a meeting's end, a window's close, the moment of the award */
  @Column({ type: 'datetime' })
  earnedAt: Date

  /** null when the system awarded it (a meeting's end, a window's close) */
  @Column({ type: 'int', nullable: true })
  recordedByAccountId: number | null

  @Column({ type: 'varchar', length: 30 })
  recordedByName: string

  @CreateDateColumn()
  createdAt: Date
}

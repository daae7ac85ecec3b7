import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm'
import type { PointsTable } from '@xiangli/shared'

/**
 * A published version of a village's points rules. Never changed: new rules are a new version, and
 * each ledger entry keeps the version it was counted under.
 */
@Entity('points_rules_version')
@Index('uq_points_rules_version', ['villageId', 'version'], { unique: true })
export class PointsRulesVersion {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  villageId: number

  @Column({ type: 'int' })
  version: number

  @Column({ type: 'simple-json' })
  points: PointsTable

  /** the day it was published, Beijing time ('YYYY-MM-DD') */
  @Column({ type: 'varchar', length: 10 })
  publishedOn: string

  @Column({ type: 'int' })
  publishedByAccountId: number

  @Column({ type: 'varchar', length: 30 })
  publishedByName: string

  @CreateDateColumn()
  publishedAt: Date
}

/** A village's choices about points: whether the household ranking is public (off by default). */
@Entity('points_settings')
export class PointsSettings {
  @PrimaryColumn({ type: 'int' })
  villageId: number

  @Column({ type: 'boolean', default: false })
  rankingPublic: boolean
}

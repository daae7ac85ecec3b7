import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

/**
 * 志愿时长 ledger, insert-only: one row per hour credit with its source. Totals are sums. An
 * activity credits each attendee once (the unique key); a later source (a correction, another
 * module) adds rows of its own kind.
 */
@Entity('volunteer_hours')
@Index('uq_volunteer_hours_source', ['source', 'activityId', 'residentId'], { unique: true })
@Index('ix_volunteer_hours_resident', ['villageId', 'residentId'])
export class VolunteerHours {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  villageId: number

  @Column({ type: 'int' })
  residentId: number

  /** where the hours came from: 'activity' (confirmed by the organiser) */
  @Column({ type: 'varchar', length: 20 })
  source: string

  @Column({ type: 'int' })
  activityId: number

  @Column({ type: 'int' })
  halfHours: number

  @Column({ type: 'int', nullable: true })
  recordedByAccountId: number | null

  @Column({ type: 'varchar', length: 30 })
  recordedByName: string

  @Column({ type: 'datetime' })
  recordedAt: Date
}

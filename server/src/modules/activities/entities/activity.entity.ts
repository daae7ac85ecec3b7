import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { ActivityStatus } from '@xiangli/shared'

/** 活动 / 志愿服务: an activity the 两委 publish for their village. */
@Entity('activity')
@Index('ix_activity_village', ['villageId', 'startsAt'])
export class Activity {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  villageId: number

  @Column({ type: 'varchar', length: 40 })
  title: string

  @Column({ type: 'text' })
  description: string

  @Column({ type: 'varchar', length: 60 })
  place: string

  @Column({ type: 'datetime' })
  startsAt: Date

  @Column({ type: 'datetime' })
  endsAt: Date

  @Column({ type: 'datetime' })
  signUpDeadline: Date

  @Column({ type: 'int' })
  capacity: number

  /** 志愿服务: attendees are credited hours */
  @Column({ type: 'boolean', default: false })
  volunteering: boolean

  /** planned hours per attendee, in half-hours; 0 when not volunteering */
  @Column({ type: 'int', default: 0 })
  plannedHalfHours: number

  /** draft | published | closed | cancelled; the other states follow from the clock */
  @Column({ type: 'varchar', length: 12 })
  status: ActivityStatus

  @Column({ type: 'varchar', length: 200, nullable: true })
  cancelReason: string | null

  @Column({ type: 'datetime', nullable: true })
  publishedAt: Date | null

  /** when it was cancelled or closed */
  @Column({ type: 'datetime', nullable: true })
  endedAt: Date | null

  @Column({ type: 'int', nullable: true })
  createdByAccountId: number | null

  @Column({ type: 'varchar', length: 30 })
  createdByName: string

  @CreateDateColumn()
  createdAt: Date
}

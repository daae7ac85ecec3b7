import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { BallotKind, MeetingBody, StepKey } from '@xiangli/shared'

export type MeetingStatus = 'scheduled' | 'in_session' | 'closed' | 'cancelled'

/** One meeting held for one step of a deliberation; it votes on one motion, the deliberation's matter. */
@Entity('deliberation_meeting')
@Index('ix_deliberation_meeting_deliberation', ['deliberationId'])
export class DeliberationMeeting {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  deliberationId: number

  @Column({ type: 'int' })
  villageId: number

  @Column({ type: 'varchar', length: 24 })
  step: StepKey

  @Column({ type: 'varchar', length: 40 })
  body: MeetingBody

  @Column({ type: 'datetime' })
  meetingAt: Date

  @Column({ type: 'datetime' })
  noticeAt: Date

  @Column({ type: 'varchar', length: 100 })
  location: string

  @Column({ type: 'text' })
  agenda: string

  @Column({ type: 'varchar', length: 8 })
  ballot: BallotKind

  @Column({ type: 'varchar', length: 16 })
  status: MeetingStatus

  @Column({ type: 'int' })
  scheduledByAccountId: number

  @CreateDateColumn()
  createdAt: Date
}

import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { BallotKind, MeetingBody, StepKey } from '@xiangli/shared'

/** `lapsed`: not opened within a day after its announced time; rescheduling notices it afresh. */
export type MeetingStatus = 'scheduled' | 'in_session' | 'closed' | 'cancelled' | 'lapsed' | 'voided'

/** One meeting held for one step of a deliberation; it votes on one motion, the deliberation's matter. */
@Entity('deliberation_meeting')
@Index('ix_deliberation_meeting_deliberation', ['deliberationId'])
// the lapse job looks for meetings still waiting to open long after their time
@Index('ix_deliberation_meeting_due', ['status', 'meetingAt'])
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

  /** when the system published the notice (the request's time, never a typed date) */
  @Column({ type: 'datetime' })
  noticeAt: Date

  /**
   * how long before `meetingAt` members may check in, frozen from the village setting at notice so
   * a later change of the setting never moves a time already announced
   */
  @Column({ type: 'int', default: 30 })
  checkInLeadMinutes: number

  /** a paper notice on the village board, with photos (stored files); counts once confirmed */
  @Column({ type: 'datetime', nullable: true })
  paperNoticeAt: Date | null

  @Column({ type: 'int', nullable: true })
  paperNoticeByAccountId: number | null

  @Column({ type: 'varchar', length: 30, nullable: true })
  paperNoticeByName: string | null

  /** the supervision-committee member who confirmed the paper notice against its photos */
  @Column({ type: 'datetime', nullable: true })
  paperNoticeConfirmedAt: Date | null

  @Column({ type: 'int', nullable: true })
  paperNoticeConfirmedByAccountId: number | null

  @Column({ type: 'varchar', length: 30, nullable: true })
  paperNoticeConfirmedByName: string | null

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

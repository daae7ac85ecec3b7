import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

/**
 * 会议记录, insert-only: entry 1 is the minutes, every later entry a correction (更正). The unique
 * (meeting, seq) key means two clerks writing at once cannot both be entry 1; nothing is ever edited
 * or deleted, so what was recorded stays on the record next to what corrected it.
 */
@Entity('deliberation_meeting_minutes')
@Index('uq_deliberation_meeting_minutes', ['meetingId', 'seq'], { unique: true })
export class DeliberationMeetingMinutes {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  meetingId: number

  @Column({ type: 'int' })
  seq: number

  @Column({ type: 'text' })
  text: string

  @Column({ type: 'int' })
  recordedByAccountId: number

  @Column({ type: 'varchar', length: 30 })
  recordedByName: string

  @CreateDateColumn()
  createdAt: Date
}

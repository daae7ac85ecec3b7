import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

/**
 * 列席的乡镇（街道）干部: an official of the village's township listed as attending a meeting, with
 * their post. Never a member, so never counted in the quorum or the vote.
 */
@Entity('deliberation_township_attendee')
@Index('uq_deliberation_township_attendee', ['meetingId', 'accountId'], { unique: true })
export class DeliberationTownshipAttendee {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  meetingId: number

  @Column({ type: 'int' })
  accountId: number

  @Column({ type: 'varchar', length: 30 })
  name: string

  @Column({ type: 'varchar', length: 30 })
  title: string

  @Column({ type: 'int' })
  recordedByAccountId: number

  @CreateDateColumn()
  createdAt: Date
}

import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

/**
 * Those due to attend (应到), frozen from the roster and the roles when the notice goes out: a later
 * roster change never changes who was due at this meeting.
 */
@Entity('deliberation_meeting_member')
@Index('uq_deliberation_meeting_member', ['meetingId', 'residentId'], { unique: true })
// a resident's home lists the meetings they are called to
@Index('ix_deliberation_meeting_member_resident', ['residentId'])
// the persons and households due, counted from the index alone
@Index('ix_deliberation_meeting_member_household', ['meetingId', 'householdId'])
export class DeliberationMeetingMember {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  meetingId: number

  @Column({ type: 'int' })
  residentId: number

  @Column({ type: 'varchar', length: 30 })
  name: string

  /** for the households criterion of a villagers' meeting (Art 22) */
  @Column({ type: 'int' })
  householdId: number
}

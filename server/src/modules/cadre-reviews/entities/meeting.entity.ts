import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { ReviewBody } from '@xiangli/shared'

/** `lapsed`: not opened within a day after its announced time; a new meeting is noticed */
export type ReviewMeetingStatus = 'scheduled' | 'in_session' | 'closed' | 'lapsed'

/** The villagers' or representatives' meeting that rates a review; a new one when one was not quorate. */
@Entity('cadre_review_meeting')
@Index('ix_cadre_review_meeting_review', ['reviewId'])
export class CadreReviewMeeting {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  reviewId: number

  @Column({ type: 'int' })
  villageId: number

  @Column({ type: 'varchar', length: 40 })
  body: ReviewBody

  @Column({ type: 'datetime' })
  meetingAt: Date

  /** when the system published the notice */
  @Column({ type: 'datetime' })
  noticeAt: Date

  @Column({ type: 'int', default: 30 })
  checkInLeadMinutes: number

  @Column({ type: 'varchar', length: 100 })
  location: string

  @Column({ type: 'varchar', length: 16 })
  status: ReviewMeetingStatus

  @Column({ type: 'int' })
  scheduledByAccountId: number

  @CreateDateColumn()
  createdAt: Date
}

/** Those due to attend (应到), frozen from the roster and the roles when the notice goes out. */
@Entity('cadre_review_member')
@Index('uq_cadre_review_member', ['meetingId', 'residentId'], { unique: true })
export class CadreReviewMember {
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

/** Who came (实到): a member's check-in, insert-only; the key stops a second. */
@Entity('cadre_review_attendance')
@Index('uq_cadre_review_attendance', ['meetingId', 'memberId'], { unique: true })
export class CadreReviewAttendance {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  meetingId: number

  @Column({ type: 'int' })
  memberId: number

  @CreateDateColumn()
  createdAt: Date
}

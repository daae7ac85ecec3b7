import { Column, Entity, PrimaryColumn } from 'typeorm'
import type { ReviewRating } from '@xiangli/shared'

/** A closed review meeting's count, written once (the meeting is the key); sealed into the audit chain. */
@Entity('cadre_review_outcome')
export class CadreReviewOutcome {
  @PrimaryColumn({ type: 'int' })
  meetingId: number

  @Column({ type: 'int' })
  reviewId: number

  /** quorate: its ratings stand; otherwise nobody is rated and a new meeting is held */
  @Column({ type: 'boolean' })
  valid: boolean

  @Column({ type: 'text' })
  reason: string

  @Column({ type: 'int' })
  due: number

  @Column({ type: 'int' })
  present: number

  /** ballots cast in the app */
  @Column({ type: 'int' })
  ballots: number

  /** paper ballots counted in public at the meeting, for members without the app */
  @Column({ type: 'int', default: 0 })
  paperBallots: number

  @Column({ type: 'int' })
  closedByAccountId: number

  @Column({ type: 'datetime' })
  closedAt: Date
}

/** One person's counts and rating in a valid meeting, written once. */
@Entity('cadre_review_person_result')
export class CadreReviewPersonResult {
  @PrimaryColumn({ type: 'int' })
  meetingId: number

  @PrimaryColumn({ type: 'int' })
  subjectId: number

  @Column({ type: 'int' })
  residentId: number

  @Column({ type: 'int' })
  competent: number

  @Column({ type: 'int' })
  basic: number

  @Column({ type: 'int' })
  incompetent: number

  @Column({ type: 'varchar', length: 12 })
  rating: ReviewRating

  @Column({ type: 'text' })
  reason: string

  /** 不称职 in this and the review before: the post ended with this result */
  @Column({ type: 'boolean' })
  postEnded: boolean
}

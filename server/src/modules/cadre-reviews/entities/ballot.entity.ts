import { Column, Entity, Index, PrimaryColumn } from 'typeorm'
import type { ReviewRating } from '@xiangli/shared'

/**
 * The secret ballot, as the deliberations' one (deliberation_turnout / deliberation_secret_ballot):
 * who voted and what was voted live in two tables with nothing in common but the meeting.
 *
 * Part one, who voted: the primary key is the one-ballot rule; no timestamp, no autoincrement, and on
 * SQLite no rowid, so not even the order people voted in is kept.
 */
@Entity('cadre_review_turnout', { withoutRowid: true })
export class CadreReviewTurnout {
  @PrimaryColumn({ type: 'int' })
  meetingId: number

  @PrimaryColumn({ type: 'int' })
  memberId: number
}

/**
 * Part two, what was voted: one row per person rated, each under its own random key, so the lines of
 * one ballot are not even tied to each other (nobody can read a voter's pattern across people), and
 * rows come back in key order, never in the order they were cast.
 */
@Entity('cadre_review_rating', { withoutRowid: true })
@Index('ix_cadre_review_rating_count', ['meetingId', 'subjectId', 'rating'])
export class CadreReviewRating {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string

  @Column({ type: 'int' })
  meetingId: number

  @Column({ type: 'int' })
  subjectId: number

  @Column({ type: 'varchar', length: 12 })
  rating: ReviewRating
}

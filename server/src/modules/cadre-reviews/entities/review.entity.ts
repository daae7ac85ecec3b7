import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { ReviewPost, ReviewRatingRule, ReviewStatus } from '@xiangli/shared'

/** 民主评议: one village's review of its cadres for one year (Art 33). The key makes it once a year. */
@Entity('cadre_review')
@Index('uq_cadre_review_year', ['villageId', 'year'], { unique: true })
export class CadreReview {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  villageId: number

  @Column({ type: 'int' })
  year: number

  @Column({ type: 'varchar', length: 16 })
  status: ReviewStatus

  /** the rating rule, frozen when the review is opened so a later setting never changes a count */
  @Column({ type: 'simple-json' })
  ratingRule: ReviewRatingRule

  @Column({ type: 'int' })
  openedByAccountId: number

  @CreateDateColumn()
  createdAt: Date

  @Column({ type: 'datetime', nullable: true })
  publishedAt: Date | null
}

/** A person reviewed, with their post and their 述职报告. */
@Entity('cadre_review_subject')
@Index('uq_cadre_review_subject', ['reviewId', 'residentId'], { unique: true })
@Index('ix_cadre_review_subject_resident', ['residentId'])
export class CadreReviewSubject {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  reviewId: number

  @Column({ type: 'int' })
  residentId: number

  @Column({ type: 'varchar', length: 30 })
  name: string

  @Column({ type: 'varchar', length: 24 })
  post: ReviewPost

  @Column({ type: 'text', nullable: true })
  report: string | null

  @Column({ type: 'datetime', nullable: true })
  reportedAt: Date | null
}

import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { CheckSuggest, ContentKind, ContentQueueState } from '@xiangli/shared'

/**
 * One item's content check (内容安全): what was written, what WeChat said of the text, where the
 * item stands. The item itself carries only its `moderation`, which the content check sets; this
 * row is the queue the retry job and the 两委's review read.
 */
@Entity('content_check')
@Index('uq_content_check_item', ['kind', 'itemId'], { unique: true })
@Index('ix_content_check_village_status', ['villageId', 'status'])
@Index('ix_content_check_status_due', ['status', 'nextAttemptAt'])
export class ContentCheck {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'varchar', length: 24 })
  kind: ContentKind

  @Column({ type: 'int' })
  itemId: number

  /** the item a reply belongs to, for the link to its page */
  @Column({ type: 'int', nullable: true })
  parentId: number | null

  @Column({ type: 'int' })
  villageId: number

  @Column({ type: 'int' })
  authorAccountId: number

  /** the text as checked: the 两委 review it here, the retry sends it again */
  @Column({ type: 'text' })
  text: string

  /** WeChat's suggestion for the text; null until it answered (or when there is no text) */
  @Column({ type: 'varchar', length: 8, nullable: true })
  textSuggest: CheckSuggest | null

  /** what WeChat found, when it found something (its label of the text or of a photo) */
  @Column({ type: 'varchar', length: 16, nullable: true })
  label: string | null

  /** pending → passed | held; held (or pending) → approved | rejected by the 两委 */
  @Column({ type: 'varchar', length: 10 })
  status: ContentQueueState | 'passed'

  /** the 两委's reason for rejecting it, which the writer reads */
  @Column({ type: 'varchar', length: 200, nullable: true })
  reason: string | null

  @Column({ type: 'int', default: 0 })
  attempts: number

  /** when the retry job may try a part WeChat could not answer */
  @Column({ type: 'datetime' })
  nextAttemptAt: Date

  @Column({ type: 'int', nullable: true })
  decidedBy: number | null

  @Column({ type: 'datetime', nullable: true })
  decidedAt: Date | null

  @CreateDateColumn()
  createdAt: Date
}

/** One photo of a checked item: sent to mediaCheckAsync (its trace id), then its pushed result. */
@Entity('content_check_media')
@Index('ix_content_check_media_check', ['checkId'])
export class ContentCheckMedia {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  checkId: number

  @Column({ type: 'int' })
  fileId: number

  /** WeChat's id of the check, to match its push; null until it was sent */
  @Index('uq_content_check_media_trace', { unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  traceId: string | null

  @Column({ type: 'varchar', length: 8, nullable: true })
  suggest: CheckSuggest | null

  /** when WeChat was last asked about it; its result is pushed, or asked for again after a wait */
  @Column({ type: 'datetime', nullable: true })
  askedAt: Date | null

  /** how many times WeChat was asked (a lost push is asked again, a few times) */
  @Column({ type: 'int', default: 0 })
  asks: number

  @Column({ type: 'varchar', length: 16, nullable: true })
  label: string | null
}

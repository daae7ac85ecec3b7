import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { FinanceLine, FinanceTotals, Moderation, NoticeCategory, NoticeState } from '@xiangli/shared'

/**
 * A public notice (村务公开 / 公示). The row carries the current content (the draft while it is one, the
 * latest published version after that) for lists and search; what was published is in `notice_version`,
 * one row per version, never updated. Deliberations publish their 决议公开 and 实施结果公开 here too.
 */
@Entity('public_notice')
@Index('ix_public_notice_village', ['villageId', 'publishedAt'])
@Index('ix_public_notice_village_state', ['villageId', 'state', 'category'])
// the feed's order (pinned first, newest published) read from the index, not sorted
@Index('ix_public_notice_feed', ['villageId', 'pinned', 'publishedAt', 'id'])
// the unread count: only the notices above the reader's watermark (notice_read_mark)
@Index('ix_public_notice_shown', ['villageId', 'shownSeq', 'id'])
export class PublicNotice {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  villageId: number

  @Column({ type: 'varchar', length: 16 })
  category: NoticeCategory

  @Column({ type: 'varchar', length: 80 })
  title: string

  @Column({ type: 'text' })
  body: string

  /** finance lines (amounts in fen); null for other categories */
  @Column({ type: 'simple-json', nullable: true })
  lines: FinanceLine[] | null

  @Column({ type: 'simple-json', nullable: true })
  totals: FinanceTotals | null

  /** stored file ids, in the order shown */
  @Column({ type: 'simple-json', nullable: true })
  attachmentIds: number[] | null

  /** draft, in_review, returned, approved, published, ended (rows from before this column were published) */
  @Column({ type: 'varchar', length: 16, default: 'published' })
  state: NoticeState

  /** the latest published version; 0 while a draft */
  @Column({ type: 'int', default: 0 })
  version: number

  /** null: the whole village; else a villager group (村民小组) */
  @Column({ type: 'int', nullable: true })
  audienceGroupId: number | null

  /** 公示期, Beijing calendar days, inclusive */
  @Column({ type: 'varchar', length: 10, nullable: true })
  periodStart: string | null

  @Column({ type: 'varchar', length: 10, nullable: true })
  periodEnd: string | null

  @Column({ type: 'boolean', default: false })
  pinned: boolean

  @Column({ type: 'boolean', default: false })
  requiresAck: boolean

  /** 重大事项: the calendar expects it published at once */
  @Column({ type: 'boolean', default: false })
  major: boolean

  /** 财务公开: '2026-10' or '2026-Q4' */
  @Column({ type: 'varchar', length: 8, nullable: true })
  coversPeriod: string | null

  @Index('ix_public_notice_deliberation')
  @Column({ type: 'int', nullable: true })
  deliberationId: number | null

  /** 实施结果公开: the 决议公开 it reports on */
  @Column({ type: 'int', nullable: true })
  resolutionNoticeId: number | null

  /** first publication; null while a draft */
  @Column({ type: 'datetime', nullable: true })
  publishedAt: Date | null

  /** null when the system published it as the deciding vote passed */
  @Column({ type: 'int', nullable: true })
  publishedByAccountId: number | null

  /** 村务监督委员会意见, given once */
  @Column({ type: 'text', nullable: true })
  supervisionOpinion: string | null

  @Column({ type: 'int', nullable: true })
  supervisionByAccountId: number | null

  @Column({ type: 'datetime', nullable: true })
  supervisionAt: Date | null

  /** why the supervision committee sent it back */
  @Column({ type: 'text', nullable: true })
  returnReason: string | null

  @Column({ type: 'int', nullable: true })
  createdByAccountId: number | null

  /**
   * The content check of the current version: residents see the notice, and are told of it, once it
   * is shown (rows from before the check, and notices the system publishes, are shown).
   */
  @Column({ type: 'varchar', length: 10, default: 'shown' })
  moderation: Moderation

  /**
   * The order in which residents received the current version, per village: the next number each time a
   * version is published, corrected or shown by the content check, so a correction of an old notice
   * rises above a reader's watermark and is unread again. 0 for notices from before the watermark.
   */
  @Column({ type: 'int', default: 0 })
  shownSeq: number

  @CreateDateColumn()
  createdAt: Date
}

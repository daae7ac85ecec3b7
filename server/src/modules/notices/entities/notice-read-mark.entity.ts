import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

/**
 * A reader's watermark in one village: every notice at or below (`upToSeq`, `upToId`) in the order
 * residents received their current version (`PublicNotice.shownSeq`, then id) counts as read, so the
 * unread count reads only the notices above it. Set by 全部已读; moved up by opening the feed once
 * every notice up to some point has been read one by one. Per-notice reads (`notice_read`) still mark
 * the notices above it.
 */
@Entity('notice_read_mark')
@Index('uq_notice_read_mark', ['accountId', 'villageId'], { unique: true })
export class NoticeReadMark {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  accountId: number

  @Column({ type: 'int' })
  villageId: number

  @Column({ type: 'int' })
  upToSeq: number

  @Column({ type: 'int' })
  upToId: number

  @Column({ type: 'datetime' })
  updatedAt: Date
}

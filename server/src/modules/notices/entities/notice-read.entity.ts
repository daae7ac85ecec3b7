import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

/** "I opened version N": insert-only, one row per reader and version; a correction is unread again. */
@Entity('notice_read')
@Index('uq_notice_read', ['noticeId', 'accountId', 'version'], { unique: true })
@Index('ix_notice_read_account', ['accountId', 'noticeId'])
export class NoticeRead {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  noticeId: number

  @Column({ type: 'int' })
  accountId: number

  @Column({ type: 'int' })
  version: number

  @Column({ type: 'datetime' })
  readAt: Date
}

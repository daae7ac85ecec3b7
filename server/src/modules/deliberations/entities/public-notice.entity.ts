import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

export type PublicNoticeCategory = 'resolution' | 'implementation'

/**
 * The minimal public notice (公开) a deliberation publishes: 决议公开, then 实施结果公开 linked to it.
 * A public-notice module (publicity periods, objections) will take this table over.
 */
@Entity('public_notice')
@Index('ix_public_notice_village', ['villageId', 'publishedAt'])
export class PublicNotice {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  villageId: number

  @Column({ type: 'varchar', length: 16 })
  category: PublicNoticeCategory

  @Column({ type: 'varchar', length: 80 })
  title: string

  @Column({ type: 'text' })
  body: string

  @Index('ix_public_notice_deliberation')
  @Column({ type: 'int', nullable: true })
  deliberationId: number | null

  /** 实施结果公开: the 决议公开 it reports on */
  @Column({ type: 'int', nullable: true })
  resolutionNoticeId: number | null

  @Column({ type: 'datetime' })
  publishedAt: Date

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
}

import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { FinanceLine, FinanceTotals } from '@xiangli/shared'

/**
 * One published version of a notice, written once and never updated. Its content hash (sha256 of the
 * canonical serialisation) is recorded in the audit chain; the verifier re-hashes every row against it.
 */
@Entity('notice_version')
@Index('uq_notice_version', ['noticeId', 'version'], { unique: true })
export class NoticeVersion {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  noticeId: number

  @Column({ type: 'int' })
  villageId: number

  @Column({ type: 'int' })
  version: number

  @Column({ type: 'varchar', length: 80 })
  title: string

  @Column({ type: 'text' })
  body: string

  @Column({ type: 'simple-json', nullable: true })
  lines: FinanceLine[] | null

  @Column({ type: 'simple-json', nullable: true })
  totals: FinanceTotals | null

  /** the files as published: id and the sha256 of their bytes */
  @Column({ type: 'simple-json', nullable: true })
  attachments: { fileId: number; sha256: string }[] | null

  /** the stated reason of a correction; null on version 1 */
  @Column({ type: 'text', nullable: true })
  reason: string | null

  @Column({ type: 'varchar', length: 64 })
  contentHash: string

  @Column({ type: 'int', nullable: true })
  createdByAccountId: number | null

  @Column({ type: 'varchar', length: 30, nullable: true })
  createdByName: string | null

  @Column({ type: 'datetime' })
  createdAt: Date
}

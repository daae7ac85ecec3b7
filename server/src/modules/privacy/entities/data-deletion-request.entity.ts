import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { DataDeletionState, ErasureOutcome } from '@xiangli/shared'

/**
 * A person asked for their personal data to be deleted; a system administrator processes it. At most
 * one pending per account (`pendingAccountId`, set while pending, unique).
 */
@Entity('data_deletion_request')
export class DataDeletionRequest {
  @PrimaryGeneratedColumn()
  id: number

  @Index('ix_data_deletion_account')
  @Column({ type: 'int' })
  accountId: number

  @Index('uq_data_deletion_pending', { unique: true })
  @Column({ type: 'int', nullable: true })
  pendingAccountId: number | null

  @Column({ type: 'varchar', length: 16 })
  state: DataDeletionState

  @CreateDateColumn()
  requestedAt: Date

  @Column({ type: 'datetime', nullable: true })
  processedAt: Date | null

  @Column({ type: 'int', nullable: true })
  processedByAccountId: number | null

  /** per section what was erased and what stays */
  @Column({ type: 'simple-json', nullable: true })
  outcome: ErasureOutcome[] | null
}

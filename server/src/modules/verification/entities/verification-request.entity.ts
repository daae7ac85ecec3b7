import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { VerificationState } from '@xiangli/shared'

/** 实名认证: an account asks to be linked to a roster row of a village. */
@Entity('verification_request')
@Index('ix_verification_village_state', ['villageId', 'state'])
export class VerificationRequest {
  @PrimaryGeneratedColumn()
  id: number

  @Index('ix_verification_account')
  @Column({ type: 'int' })
  accountId: number

  @Column({ type: 'int' })
  villageId: number

  /** the roster row whose name and ID number matched; null when nothing matched */
  @Column({ type: 'int', nullable: true })
  residentId: number | null

  /**
   * The residentId while the request is pending, null once decided: unique, so one roster person has
   * at most one pending claim, also when two accounts claim them at the same instant (NULLs do not
   * collide, on MySQL or SQLite, so decided requests never do).
   */
  @Index('uq_verification_pending_resident', { unique: true })
  @Column({ type: 'int', nullable: true })
  pendingResidentId: number | null

  @Column({ type: 'varchar', length: 30 })
  name: string

  @Column({ type: 'varchar', length: 128 })
  idNumberEnc: string

  @Column({ type: 'varchar', length: 24 })
  idNumberMasked: string

  @Column({ type: 'varchar', length: 16 })
  phone: string

  @Column({ type: 'varchar', length: 16 })
  state: VerificationState

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason: string | null

  @Column({ type: 'int', nullable: true })
  decidedByAccountId: number | null

  @Column({ type: 'datetime', nullable: true })
  decidedAt: Date | null

  @CreateDateColumn()
  createdAt: Date
}

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

  /** the phone the applicant gave, encrypted (null only on rows PhoneSealing has not reached yet) */
  @Column({ type: 'varchar', length: 128, nullable: true })
  phoneEnc: string | null

  /** 138****5678, as the claim is shown */
  @Column({ type: 'varchar', length: 16, nullable: true })
  phoneMasked: string | null

  /**
   * The plain phone of claims made before phones were encrypted. Never written: PhoneSealing
   * encrypts what it finds here at boot and empties it.
   */
  @Column({ name: 'phone', type: 'varchar', length: 16, nullable: true, select: false })
  legacyPhone?: string | null

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

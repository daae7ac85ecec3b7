import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm'
import type { CertificateRequestState, ProxyRecord } from '@xiangli/shared'

/**
 * 证明申请: one resident's request for one catalogue item, and once issued the certificate itself
 * (number, verification code, the body as printed). A revoked certificate keeps its number.
 */
@Entity('certificate_request')
@Index('ix_certificate_request_village_state', ['villageId', 'state'])
@Index('ix_certificate_request_village_issued', ['villageId', 'issuedAt'])
export class CertificateRequest {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  villageId: number

  /** null when applied for (代办) for a resident who has not logged in yet */
  @Index('ix_certificate_request_applicant')
  @Column({ type: 'int', nullable: true })
  applicantAccountId: number | null

  @Index('ix_certificate_request_applicant_resident')
  @Column({ type: 'int' })
  applicantResidentId: number

  /** 代办: who applied for the applicant, and the applicant's consent; null when they applied themselves */
  @Column({ type: 'simple-json', nullable: true })
  proxy: ProxyRecord | null

  /** the roster name when applying */
  @Column({ type: 'varchar', length: 30 })
  applicantName: string

  /** the roster phone when applying, encrypted; null when the roster had none */
  @Column({ type: 'varchar', length: 128, nullable: true })
  applicantPhoneEnc: string | null

  /**
   * The plain phone of requests made before phones were encrypted. Never written:
   * ApplicantPhoneSealing encrypts what it finds here at boot and empties it.
   */
  @Column({ name: 'applicantPhone', type: 'varchar', length: 16, nullable: true, select: false })
  legacyPhone?: string | null

  @Column({ type: 'varchar', length: 40 })
  itemCode: string

  /** the item's name when applying: what the certificate is titled */
  @Column({ type: 'varchar', length: 30 })
  itemName: string

  /** the item's time limit when applying, so a later catalogue edit does not move a running clock */
  @Column({ type: 'int' })
  timeLimitDays: number

  @Column({ type: 'varchar', length: 100 })
  purpose: string

  /** the checked field values, encrypted: they may hold ID numbers and addresses */
  @Column({ type: 'text' })
  fieldsEnc: string

  @Column({ type: 'simple-json' })
  materialIds: number[]

  @Column({ type: 'int' })
  copies: number

  @Column({ type: 'varchar', length: 24 })
  state: CertificateRequestState

  @Column({ type: 'datetime', nullable: true })
  dueAt: Date | null

  /** what the committee asked for, while the applicant gathers it */
  @Column({ type: 'varchar', length: 200, nullable: true })
  infoRequest: string | null

  @Column({ type: 'varchar', length: 200, nullable: true })
  refuseReason: string | null

  @Column({ type: 'int', nullable: true })
  decidedByAccountId: number | null

  @Column({ type: 'varchar', length: 64, nullable: true })
  decidedByName: string | null

  @Column({ type: 'datetime', nullable: true })
  decidedAt: Date | null

  /** 330106101201-2026-0007; unique, and gapless per village and year (certificate_counter) */
  @Index('uq_certificate_request_number', { unique: true })
  @Column({ type: 'varchar', length: 40, nullable: true })
  number: string | null

  @Column({ type: 'int', nullable: true })
  issuedYear: number | null

  @Column({ type: 'varchar', length: 8, nullable: true })
  verificationCode: string | null

  @Column({ type: 'datetime', nullable: true })
  issuedAt: Date | null

  /** the body as issued, encrypted: the PDF is drawn again from it, the same each time */
  @Column({ type: 'text', nullable: true })
  bodyEnc: string | null

  @Column({ type: 'datetime', nullable: true })
  revokedAt: Date | null

  @Column({ type: 'varchar', length: 200, nullable: true })
  revokeReason: string | null

  @CreateDateColumn()
  createdAt: Date

  @UpdateDateColumn()
  updatedAt: Date
}

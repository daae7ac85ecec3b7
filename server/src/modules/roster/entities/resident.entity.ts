import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { Residency, Sex } from '@xiangli/shared'

/** A person on the village roster (花名册). The ID number and phone are stored encrypted, never in plain text. */
@Entity('resident')
@Index('uq_resident_village_id_hash', ['villageId', 'idNumberHash'], { unique: true })
@Index('ix_resident_village_phone_hash', ['villageId', 'phoneHash'])
// the roster's pages walk a village household by household without sorting
@Index('ix_resident_village_household', ['villageId', 'householdId', 'id'])
export class Resident {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  villageId: number

  @Index('ix_resident_household')
  @Column({ type: 'int' })
  householdId: number

  @Column({ type: 'varchar', length: 30 })
  name: string

  @Column({ type: 'varchar', length: 8 })
  sex: Sex

  /** YYYY-MM-DD */
  @Column({ type: 'varchar', length: 10 })
  birthDate: string

  @Column({ type: 'varchar', length: 128 })
  idNumberEnc: string

  /** keyed hash for exact-match lookups */
  @Column({ type: 'varchar', length: 64 })
  idNumberHash: string

  /** the masked form (3301**********1234), so lists never need to decrypt */
  @Column({ type: 'varchar', length: 24 })
  idNumberMasked: string

  /** the phone number, encrypted like the ID number; null when the roster has none */
  @Column({ type: 'varchar', length: 128, nullable: true })
  phoneEnc: string | null

  /** keyed hash of the phone number, for matching it (FieldCrypto.phoneIndex) */
  @Column({ type: 'varchar', length: 64, nullable: true })
  phoneHash: string | null

  /** the masked form (138****5678) for everyone but the person and the 两委 */
  @Column({ type: 'varchar', length: 16, nullable: true })
  phoneMasked: string | null

  /**
   * The plain phone of rows written before phones were encrypted. Never written: PhoneSealing
   * encrypts what it finds here at boot and empties it.
   */
  @Column({ name: 'phone', type: 'varchar', length: 16, nullable: true, select: false })
  legacyPhone?: string | null

  @Column({ type: 'boolean', default: false })
  isHouseholdHead: boolean

  /** 户代表: speaks for the household in household quorums */
  @Column({ type: 'boolean', default: false })
  isHouseholdRep: boolean

  /** 户籍 / 户籍外出 / 非户籍常住 */
  @Column({ type: 'varchar', length: 16 })
  residency: Residency

  /** YYYY-MM-DD: since when they live here (非户籍常住) or away (户籍外出); null when not recorded */
  @Column({ type: 'varchar', length: 10, nullable: true })
  residentSince: string | null

  /** the photo of the proof of address (租房合同、居住证、房产证…), a stored file */
  @Column({ type: 'int', nullable: true })
  proofFileId: number | null

  /** 户籍外出: the day the committee recorded that the person said they will take part (Art 13 (二)) */
  @Column({ type: 'varchar', length: 10, nullable: true })
  takesPartOn: string | null

  /** 非户籍常住: the meeting that admitted them to the vote (Art 13 (三)): 村民会议 or 村民代表会议 */
  @Column({ type: 'varchar', length: 32, nullable: true })
  admissionBody: string | null

  /** the decision's reference as the meeting record names it */
  @Column({ type: 'varchar', length: 60, nullable: true })
  admissionRef: string | null

  /** YYYY-MM-DD of the decision; null: not admitted */
  @Column({ type: 'varchar', length: 10, nullable: true })
  admittedOn: string | null

  @Index('ix_resident_account')
  @Column({ type: 'int', nullable: true })
  accountId: number | null

  @CreateDateColumn()
  createdAt: Date
}

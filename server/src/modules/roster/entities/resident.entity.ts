import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { Residency, Sex } from '@xiangli/shared'

/** A person on the village roster (花名册). The ID number is stored encrypted, never in plain text. */
@Entity('resident')
@Index('uq_resident_village_id_hash', ['villageId', 'idNumberHash'], { unique: true })
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

  @Column({ type: 'varchar', length: 16, nullable: true })
  phone: string | null

  @Column({ type: 'boolean', default: false })
  isHouseholdHead: boolean

  /** 户代表: speaks for the household in household quorums */
  @Column({ type: 'boolean', default: false })
  isHouseholdRep: boolean

  @Column({ type: 'varchar', length: 16 })
  residency: Residency

  @Index('ix_resident_account')
  @Column({ type: 'int', nullable: true })
  accountId: number | null

  @CreateDateColumn()
  createdAt: Date
}

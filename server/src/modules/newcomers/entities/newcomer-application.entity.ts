import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { NewcomerState } from '@xiangli/shared'

/**
 * 申请登记为非户籍常住居民: someone living in the village, registered elsewhere and not on its roster,
 * asks to be put on it. The ID number and phone are kept encrypted, like the roster's.
 */
@Entity('newcomer_application')
@Index('ix_newcomer_application_village_state', ['villageId', 'state', 'id'])
@Index('ix_newcomer_application_account', ['accountId', 'id'])
export class NewcomerApplication {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  accountId: number

  @Column({ type: 'int' })
  villageId: number

  @Column({ type: 'varchar', length: 30 })
  name: string

  @Column({ type: 'varchar', length: 128 })
  idNumberEnc: string

  @Column({ type: 'varchar', length: 24 })
  idNumberMasked: string

  /**
   * `villageId:keyed hash of the ID number` while pending, null once decided: unique, so one person
   * has at most one pending application to a village, also when two arrive at the same instant.
   */
  @Index('uq_newcomer_application_pending', { unique: true })
  @Column({ type: 'varchar', length: 80, nullable: true })
  pendingKey: string | null

  @Column({ type: 'varchar', length: 128 })
  phoneEnc: string

  @Column({ type: 'varchar', length: 16 })
  phoneMasked: string

  /** where they live in the village */
  @Column({ type: 'varchar', length: 100 })
  address: string

  /** YYYY-MM-DD they moved in: their year of residence (Art 13) counts from it */
  @Column({ type: 'varchar', length: 10 })
  movedInOn: string

  /** the photos of the proof of address, stored files attached to the application */
  @Column({ type: 'simple-json' })
  proofFileIds: number[]

  @Column({ type: 'varchar', length: 16 })
  state: NewcomerState

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason: string | null

  /** the roster row made on approval */
  @Column({ type: 'int', nullable: true })
  residentId: number | null

  @Column({ type: 'int', nullable: true })
  decidedByAccountId: number | null

  @Column({ type: 'datetime', nullable: true })
  decidedAt: Date | null

  @CreateDateColumn()
  createdAt: Date
}

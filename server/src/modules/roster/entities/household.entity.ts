import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

/** 户: the unit for household quorums and acknowledgements. */
@Entity('household')
@Index('uq_household_village_code', ['villageId', 'code'], { unique: true })
export class Household {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  villageId: number

  /** 村民小组 */
  @Column({ type: 'int', nullable: true })
  groupId: number | null

  /** 户号 as written in the village's own register */
  @Column({ type: 'varchar', length: 32 })
  code: string

  @Column({ type: 'varchar', length: 200, nullable: true })
  address: string | null

  @Column({ type: 'int', nullable: true })
  headResidentId: number | null

  @CreateDateColumn()
  createdAt: Date
}

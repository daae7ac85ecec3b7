import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

/** 责令改正: the township orders a clause of a filed version corrected, with its reason. Insert-only. */
@Entity('village_rules_correction')
export class RulesCorrection {
  @PrimaryGeneratedColumn()
  id: number

  @Index('ix_village_rules_correction_filing')
  @Column({ type: 'int' })
  filingId: number

  @Column({ type: 'int' })
  villageId: number

  @Column({ type: 'varchar', length: 200 })
  clause: string

  @Column({ type: 'varchar', length: 500 })
  reason: string

  @Column({ type: 'datetime' })
  orderedAt: Date

  @Column({ type: 'int' })
  orderedByAccountId: number

  @Column({ type: 'varchar', length: 30 })
  orderedByName: string
}

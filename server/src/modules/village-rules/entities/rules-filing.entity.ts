import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

/** 备案: an adopted version reported to the township; one filing a version (the unique key refuses a second). */
@Entity('village_rules_filing')
@Index('ix_village_rules_filing_township', ['townshipId', 'filedAt'])
export class RulesFiling {
  @PrimaryGeneratedColumn()
  id: number

  @Index('ux_village_rules_filing_version', { unique: true })
  @Column({ type: 'int' })
  versionId: number

  @Column({ type: 'int' })
  villageId: number

  @Column({ type: 'int' })
  townshipId: number

  @Column({ type: 'datetime' })
  filedAt: Date

  @Column({ type: 'int' })
  filedByAccountId: number

  @Column({ type: 'varchar', length: 30 })
  filedByName: string
}

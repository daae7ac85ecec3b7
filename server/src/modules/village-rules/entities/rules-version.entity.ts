import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { RulesKind, RulesStatus } from '@xiangli/shared'

/** One version of a village's 村规民约 or 自治章程: a draft, then frozen once it is put to the vote. */
@Entity('village_rules_version')
@Index('ux_village_rules_version_number', ['villageId', 'kind', 'number'], { unique: true })
@Index('ix_village_rules_version_status', ['villageId', 'status'])
export class RulesVersion {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  villageId: number

  @Column({ type: 'varchar', length: 16 })
  kind: RulesKind

  /** 1 for the first version of the kind in the village, then 2, 3… */
  @Column({ type: 'int' })
  number: number

  @Column({ type: 'varchar', length: 60 })
  title: string

  @Column({ type: 'text' })
  text: string

  @Column({ type: 'varchar', length: 16 })
  status: RulesStatus

  /** the version in force when this one was drafted, which it amends */
  @Column({ type: 'int', nullable: true })
  basedOnId: number | null

  /** the deliberation that carries it to the villagers' meeting */
  @Index('ix_village_rules_version_deliberation')
  @Column({ type: 'int', nullable: true })
  deliberationId: number | null

  /** SHA-256 of the canonical text, written at adoption and into the audit chain */
  @Column({ type: 'varchar', length: 64, nullable: true })
  contentHash: string | null

  @Column({ type: 'datetime', nullable: true })
  adoptedAt: Date | null

  @Column({ type: 'int' })
  createdByAccountId: number

  @CreateDateColumn()
  createdAt: Date
}

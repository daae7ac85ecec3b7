import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm'
import type {
  Moderation,
  PetitionCriterion,
  PetitionRule,
  PetitionStatus,
  PetitionTarget,
} from '@xiangli/shared'

/**
 * 联名提议: residents co-sign a request that a meeting be convened. The rule and the totals it is
 * counted against (villagers 18+, representatives, households…) are frozen when the petition starts,
 * as a meeting's member list is frozen at notice: a later roster change never moves the goalposts.
 * `status` moves open → reached (by one conditional update, so the committee is told once) →
 * convened, or open → withdrawn.
 */
@Entity('petition')
@Index('ix_petition_village', ['villageId', 'status'])
@Index('ix_petition_village_moderation', ['villageId', 'moderation'])
export class Petition {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  villageId: number

  /** the content check (内容安全): only its initiator and the 两委 see it until it is shown */
  @Column({ type: 'varchar', length: 10, default: 'shown' })
  moderation: Moderation

  @Column({ type: 'varchar', length: 32 })
  target: PetitionTarget

  @Column({ type: 'varchar', length: 60 })
  title: string

  @Column({ type: 'text' })
  text: string

  @Column({ type: 'simple-json' })
  rule: PetitionRule

  /** for each criterion of the rule, how many there are in all */
  @Column({ type: 'simple-json' })
  totals: Partial<Record<PetitionCriterion, number>>

  @Column({ type: 'varchar', length: 16 })
  status: PetitionStatus

  @Column({ type: 'int' })
  initiatorAccountId: number

  @Column({ type: 'int' })
  initiatorResidentId: number

  @Column({ type: 'varchar', length: 30 })
  initiatorName: string

  @Column({ type: 'datetime', nullable: true })
  reachedAt: Date | null

  @Column({ type: 'int', nullable: true })
  deliberationId: number | null

  @Column({ type: 'datetime', nullable: true })
  withdrawnAt: Date | null

  @CreateDateColumn()
  createdAt: Date

  @UpdateDateColumn()
  updatedAt: Date
}

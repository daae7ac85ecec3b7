import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm'
import type {
  DeliberationSource,
  DeliberationState,
  DeliberationStatus,
  MatterType,
  Procedure,
  StepKey,
} from '@xiangli/shared'

/**
 * A deliberation (议事) under 四议两公开 or 一征三议两公开. The procedure is frozen onto the row when
 * it starts, so a later change of the village settings never changes one already under way; `state`
 * is the shared engine's state, and `status` and `step` repeat it for lists.
 */
@Entity('deliberation')
@Index('ix_deliberation_village', ['villageId', 'status'])
export class Deliberation {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  villageId: number

  @Column({ type: 'varchar', length: 60 })
  title: string

  @Column({ type: 'text' })
  content: string

  @Column({ type: 'varchar', length: 40 })
  matterType: MatterType

  @Column({ type: 'varchar', length: 24 })
  sourceKind: DeliberationSource

  @Column({ type: 'int', nullable: true })
  sourceGrievanceId: number | null

  /** the residents' petition (联名提议) it was made of */
  @Column({ type: 'int', nullable: true })
  sourcePetitionId: number | null

  /** the higher-level document or assignment sheet (上级交办) */
  @Column({ type: 'varchar', length: 100, nullable: true })
  sourceReference: string | null

  /** the villagers' meeting resolution that delegated this matter to the representatives' meeting */
  @Column({ type: 'varchar', length: 100, nullable: true })
  delegationResolution: string | null

  @Column({ type: 'int', nullable: true })
  previousId: number | null

  @Column({ type: 'simple-json' })
  procedure: Procedure

  @Column({ type: 'simple-json' })
  state: DeliberationState

  @Column({ type: 'varchar', length: 16 })
  status: DeliberationStatus

  @Column({ type: 'varchar', length: 24 })
  step: StepKey

  @Column({ type: 'int' })
  createdByAccountId: number

  @CreateDateColumn()
  createdAt: Date

  @UpdateDateColumn()
  updatedAt: Date
}

import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm'

/**
 * One check of the audit chains started by an administrator: it runs in the background and writes its
 * progress here, so whichever server instance is asked can tell how far it has got and what it found.
 */
@Entity('audit_verify_run')
export class AuditVerifyRun {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number

  /** 'full' re-checks every chain from its start; 'since_verified' from where the last check ended */
  @Column({ type: 'varchar', length: 16 })
  mode: string

  /** running | done | failed */
  @Column({ type: 'varchar', length: 16 })
  state: string

  @Column({ type: 'int', default: 0 })
  checked: number

  /** the entries the run has to walk, counted when it started */
  @Column({ type: 'int', default: 0 })
  total: number

  /** the AuditVerifyResult as JSON once done */
  @Column({ type: 'text', nullable: true })
  result: string | null

  @Column({ type: 'int', nullable: true })
  requestedBy: number | null

  @CreateDateColumn()
  startedAt: Date

  /** the last time the run wrote its progress: a run silent for long died with its instance */
  @Column({ type: 'datetime' })
  progressAt: Date

  @Column({ type: 'datetime', nullable: true })
  finishedAt: Date | null
}

import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

/**
 * pending: to be sent (again); sent: WeChat took it; refused: the person turned the messages down
 * (43101); skipped: the person had accepted no message of this template, so only the inbox has it;
 * failed: WeChat kept answering errors and the worker gave up.
 */
export type OutboxState = 'pending' | 'sent' | 'refused' | 'skipped' | 'failed'
export const OUTBOX_STATES: readonly OutboxState[] = ['pending', 'sent', 'refused', 'skipped', 'failed']

/**
 * A WeChat subscribe message waiting to go out. Written in the workflow's own transaction and sent
 * later by a worker, so a slow or failing WeChat never blocks or rolls back the workflow.
 */
@Entity('outbox_message')
@Index('ix_outbox_due', ['state', 'nextAttemptAt'])
export class OutboxMessage {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'varchar', length: 64 })
  openid: string

  /** whose message it is: a one-time subscription of theirs is used up to send it */
  @Column({ type: 'int', nullable: true })
  accountId: number | null

  @Column({ type: 'varchar', length: 64 })
  templateId: string

  @Column({ type: 'varchar', length: 200, nullable: true })
  page: string | null

  @Column({ type: 'simple-json' })
  data: Record<string, { value: string }>

  @Column({ type: 'varchar', length: 16 })
  state: OutboxState

  @Column({ type: 'int', default: 0 })
  attempts: number

  @Column({ type: 'datetime' })
  nextAttemptAt: Date

  /** a worker holds the row until this time; another instance skips it meanwhile */
  @Column({ type: 'datetime', nullable: true })
  claimedUntil: Date | null

  @Column({ type: 'varchar', length: 300, nullable: true })
  lastError: string | null

  @Column({ type: 'datetime', nullable: true })
  sentAt: Date | null

  @CreateDateColumn()
  createdAt: Date
}

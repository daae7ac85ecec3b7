import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

/**
 * One WeChat subscribe message a person accepted (wx.requestSubscribeMessage answered `accept`):
 * WeChat lets the app send them exactly one message of that template. A row per acceptance, never
 * changed except when the outbox spends it on one message.
 */
@Entity('subscribe_credit')
@Index('ix_subscribe_credit_open', ['accountId', 'templateId', 'usedAt'])
export class SubscribeCredit {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  accountId: number

  @Column({ type: 'varchar', length: 64 })
  templateId: string

  @CreateDateColumn()
  createdAt: Date

  @Column({ type: 'datetime', nullable: true })
  usedAt: Date | null

  /** the outbox message it was spent on; unique, so two sends never share one */
  @Index('uq_subscribe_credit_used_for', { unique: true })
  @Column({ type: 'int', nullable: true })
  usedFor: number | null
}

import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

/** An in-app inbox message. Every workflow writes here; WeChat messages are a best-effort extra. */
@Entity('notification')
@Index('ix_notification_account_read', ['accountId', 'readAt'])
export class Notification {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  accountId: number

  @Column({ type: 'int', nullable: true })
  orgId: number | null

  @Column({ type: 'varchar', length: 48 })
  kind: string

  @Column({ type: 'varchar', length: 100 })
  title: string

  @Column({ type: 'text' })
  body: string

  @Column({ type: 'varchar', length: 200, nullable: true })
  link: string | null

  @Column({ type: 'datetime', nullable: true })
  readAt: Date | null

  @CreateDateColumn()
  createdAt: Date
}

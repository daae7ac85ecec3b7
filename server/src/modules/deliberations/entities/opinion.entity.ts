import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { Moderation } from '@xiangli/shared'

/**
 * 一征: a resident's opinion on a deliberation, given in the window the committee opened. Insert-only
 * (but for its content check's verdict); photos are stored files attached to it ('deliberation_opinion').
 */
@Entity('deliberation_opinion')
@Index('ix_deliberation_opinion', ['deliberationId', 'id'])
export class DeliberationOpinion {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  deliberationId: number

  @Column({ type: 'int' })
  villageId: number

  @Column({ type: 'int' })
  residentId: number

  @Column({ type: 'int' })
  accountId: number

  @Column({ type: 'varchar', length: 30 })
  name: string

  @Column({ type: 'text' })
  text: string

  @CreateDateColumn()
  createdAt: Date

  /** the content check of its text and photos: its writer, the 两委 and the township see it until it is shown */
  @Column({ type: 'varchar', length: 10, default: 'shown' })
  moderation: Moderation
}

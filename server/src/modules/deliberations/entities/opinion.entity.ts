import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

/**
 * 一征: a resident's opinion on a deliberation, given in the window the committee opened. Insert-only;
 * photos are stored files attached to it ('deliberation_opinion').
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
}

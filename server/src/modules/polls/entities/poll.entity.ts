import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

/** A question of a poll as the committee wrote it. */
export interface PollQuestionRecord {
  text: string
  multiple: boolean
  options: string[]
}

/** 问卷 / 意见征集: a non-binding poll the 两委 put to the village. Its answers are counted elsewhere. */
@Entity('poll')
@Index('ix_poll_village', ['villageId', 'id'])
export class Poll {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  villageId: number

  @Column({ type: 'varchar', length: 40 })
  title: string

  @Column({ type: 'text' })
  explanation: string

  @Column({ type: 'simple-json' })
  questions: PollQuestionRecord[]

  /** the last day answers are taken, Beijing time ('YYYY-MM-DD') */
  @Column({ type: 'varchar', length: 10 })
  endsOn: string

  @Column({ type: 'boolean', default: false })
  resultsBeforeEnd: boolean

  /** when the committee ended it before its day, or null */
  @Column({ type: 'datetime', nullable: true })
  closedAt: Date | null

  @Column({ type: 'varchar', length: 30 })
  createdByName: string

  @CreateDateColumn()
  createdAt: Date
}

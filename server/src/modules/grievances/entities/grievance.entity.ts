import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type {
  GrievanceLocation,
  GrievanceState,
  GrievanceVisibility,
  Moderation,
  ProxyRecord,
} from '@xiangli/shared'

/** 村民说事: one problem or suggestion a resident raised. Its steps are in grievance_event. */
@Entity('grievance')
// lists walk (villageId, id) newest first; the 说事墙 its public, shown items the same way
@Index('ix_grievance_village_id', ['villageId', 'id'])
@Index('ix_grievance_wall', ['villageId', 'visibility', 'moderation', 'id'])
@Index('ix_grievance_village_state', ['villageId', 'state'])
// the township's overdue count, per village over its open items only (the rest of its statistics
// are kept in grievance_month_stat)
@Index('ix_grievance_village_due', ['villageId', 'state', 'dueAt'])
@Index('ix_grievance_state_due', ['state', 'dueAt'])
@Index('ix_grievance_village_moderation', ['villageId', 'moderation'])
// one's own and a villager group's items are found by their raisers first: read from the index alone
@Index('ix_grievance_raiser_resident_village', ['raiserResidentId', 'villageId'])
export class Grievance {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  villageId: number

  /** null when raised by someone else (代办) for a resident who has not logged in yet */
  @Index('ix_grievance_raiser')
  @Column({ type: 'int', nullable: true })
  raiserAccountId: number | null

  @Column({ type: 'int', nullable: true })
  raiserResidentId: number | null

  /** 代办: who raised it for the raiser, and the raiser's consent; null when they raised it themselves */
  @Column({ type: 'simple-json', nullable: true })
  proxy: ProxyRecord | null

  /** the roster name when raised; masked wherever another resident reads it */
  @Column({ type: 'varchar', length: 30 })
  raiserName: string

  /** 民情收集: the grid worker (the raiser) who collected it on their rounds; null for a resident's own */
  @Column({ type: 'varchar', length: 30, nullable: true })
  collectorName: string | null

  @Column({ type: 'varchar', length: 16 })
  category: string

  @Column({ type: 'varchar', length: 40 })
  title: string

  @Column({ type: 'text' })
  text: string

  @Column({ type: 'simple-json' })
  photoIds: number[]

  @Column({ type: 'simple-json', nullable: true })
  location: GrievanceLocation | null

  @Column({ type: 'varchar', length: 16 })
  visibility: GrievanceVisibility

  @Column({ type: 'varchar', length: 16 })
  state: GrievanceState

  /** the content check (内容安全): only its raiser and the 两委 see it until it is shown */
  @Column({ type: 'varchar', length: 10, default: 'shown' })
  moderation: Moderation

  /** the deadline of the stage it is in (accepting or answering); null when no clock runs */
  @Column({ type: 'datetime', nullable: true })
  dueAt: Date | null

  @Column({ type: 'int', nullable: true })
  assigneeResidentId: number | null

  @Column({ type: 'varchar', length: 30, nullable: true })
  assigneeName: string | null

  @Column({ type: 'varchar', length: 200, nullable: true })
  declineReason: string | null

  @Column({ type: 'datetime', nullable: true })
  acceptedAt: Date | null

  /** the latest answer, by the village or the township */
  @Column({ type: 'datetime', nullable: true })
  answeredAt: Date | null

  /** minutes from raising to the first answer, for the township's average */
  @Column({ type: 'int', nullable: true })
  answerMinutes: number | null

  @Column({ type: 'datetime', nullable: true })
  closedAt: Date | null

  @Column({ type: 'datetime', nullable: true })
  escalatedAt: Date | null

  @Column({ type: 'int', default: 0 })
  reopenCount: number

  /** the raiser's rating of the latest answer, 1–5; cleared when reopened */
  @Column({ type: 'int', nullable: true })
  rating: number | null

  @Column({ type: 'varchar', length: 200, nullable: true })
  ratingComment: string | null

  @CreateDateColumn()
  createdAt: Date
}

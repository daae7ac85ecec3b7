import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { GrievanceAction, Moderation } from '@xiangli/shared'

/** One step on a grievance's timeline. Rows are only ever inserted; a reply's content check sets its moderation. */
@Entity('grievance_event')
export class GrievanceEvent {
  @PrimaryGeneratedColumn()
  id: number

  @Index('ix_grievance_event_grievance')
  @Column({ type: 'int' })
  grievanceId: number

  @Column({ type: 'varchar', length: 24 })
  action: GrievanceAction

  @Column({ type: 'int', nullable: true })
  actorAccountId: number | null

  @Column({ type: 'varchar', length: 64 })
  actorName: string

  /** the role the person acted in: resident, committee_member, township_official, system … */
  @Column({ type: 'varchar', length: 32, nullable: true })
  actorRole: string | null

  @Column({ type: 'text', nullable: true })
  text: string | null

  @Column({ type: 'simple-json' })
  photoIds: number[]

  @Column({ type: 'int', nullable: true })
  rating: number | null

  @Column({ type: 'datetime' })
  at: Date

  /** a reply's content check: only its writer and the 两委 see it until it is shown */
  @Column({ type: 'varchar', length: 10, default: 'shown' })
  moderation: Moderation
}

import { Column, Entity, PrimaryColumn } from 'typeorm'
import type { MeetingOutcomeKind, QuorumCount } from '@xiangli/shared'

/**
 * The closed vote of a meeting, written once: the meeting id is the primary key, so a second close
 * cannot insert another, and the service never updates it.
 */
@Entity('deliberation_meeting_result')
export class DeliberationMeetingResult {
  @PrimaryColumn({ type: 'int' })
  meetingId: number

  @Column({ type: 'int' })
  deliberationId: number

  @Column({ type: 'varchar', length: 16 })
  outcome: MeetingOutcomeKind

  @Column({ type: 'text' })
  reason: string

  @Column({ type: 'int' })
  due: number

  @Column({ type: 'int' })
  present: number

  @Column({ type: 'int', nullable: true })
  householdsTotal: number | null

  @Column({ type: 'int', nullable: true })
  householdsRepresented: number | null

  @Column({ type: 'varchar', length: 16, nullable: true })
  quorumBy: QuorumCount | null

  @Column({ type: 'int' })
  yes: number

  @Column({ type: 'int' })
  no: number

  @Column({ type: 'int' })
  abstain: number

  /** the part of the totals cast in the app; the rest is the clerk's count of hands or paper */
  @Column({ type: 'simple-json' })
  online: { yes: number; no: number; abstain: number }

  @Column({ type: 'int' })
  closedByAccountId: number

  @Column({ type: 'datetime' })
  closedAt: Date
}

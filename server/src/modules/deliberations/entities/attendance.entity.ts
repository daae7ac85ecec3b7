import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

export type AttendanceMethod = 'app' | 'paper'

/**
 * Who came (实到): an in-app check-in by the member, or the clerk's entry from the paper sign-in
 * sheet. Insert-only; the unique key makes a second check-in of the same member impossible.
 */
@Entity('deliberation_attendance')
@Index('uq_deliberation_attendance', ['meetingId', 'memberId'], { unique: true })
@Index('ix_deliberation_attendance_household', ['meetingId', 'householdId'])
export class DeliberationAttendance {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  meetingId: number

  @Column({ type: 'int' })
  memberId: number

  /**
   * the member's household on the frozen list, copied at the insert: the households represented
   * are then counted from this table's own index, not by a join per present member on every
   * check-in (rows from before the copy were filled by the migration)
   */
  @Column({ type: 'int', nullable: true })
  householdId: number | null

  @Column({ type: 'varchar', length: 8 })
  method: AttendanceMethod

  @Column({ type: 'int' })
  recordedByAccountId: number

  /** the keyed hash of the Idempotency-Key of an app check-in: a retry with it finds this row */
  @Column({ type: 'varchar', length: 64, nullable: true })
  requestKey: string | null

  @CreateDateColumn()
  createdAt: Date
}

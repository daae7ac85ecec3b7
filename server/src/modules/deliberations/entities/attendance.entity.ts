import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

export type AttendanceMethod = 'app' | 'paper'

/**
 * Who came (实到): an in-app check-in by the member, or the clerk's entry from the paper sign-in
 * sheet. Insert-only; the unique key makes a second check-in of the same member impossible.
 */
@Entity('deliberation_attendance')
@Index('uq_deliberation_attendance', ['meetingId', 'memberId'], { unique: true })
export class DeliberationAttendance {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  meetingId: number

  @Column({ type: 'int' })
  memberId: number

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

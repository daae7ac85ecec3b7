import { Entity, Index, PrimaryColumn } from 'typeorm'

/**
 * 民情收集: a resident a grid worker named as concerned by an issue they raised from their rounds.
 * The resident sees the issue among their own.
 */
@Entity('grievance_subject')
@Index('ix_grievance_subject_resident', ['residentId'])
export class GrievanceSubject {
  @PrimaryColumn({ type: 'int' })
  grievanceId: number

  @PrimaryColumn({ type: 'int' })
  residentId: number
}

import { Column, Entity, PrimaryColumn } from 'typeorm'

/**
 * One row per scheduled job. An instance runs the job only after moving `leaseUntil` forward with a
 * conditional update, so when several server instances share a database the job runs on one at a time.
 */
@Entity('job_lease')
export class JobLease {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  name: string

  /** the instance holding the lease (random per process) */
  @Column({ type: 'varchar', length: 64 })
  holder: string

  @Column({ type: 'datetime' })
  leaseUntil: Date
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm'

/**
 * A resident's sign-up: the primary key is the one-sign-up rule. Withdrawing before the deadline
 * marks the row (the place is free again); signing up again clears the mark. Places taken are
 * counted by aggregate over the rows not withdrawn.
 */
@Entity('activity_sign_up')
@Index('ix_activity_sign_up_resident', ['residentId', 'activityId'])
export class ActivitySignUp {
  @PrimaryColumn({ type: 'int' })
  activityId: number

  @PrimaryColumn({ type: 'int' })
  residentId: number

  /** came on the day without signing up (现场报名), taken while places were left */
  @Column({ type: 'boolean', default: false })
  walkIn: boolean

  @Column({ type: 'datetime' })
  signedUpAt: Date

  @Column({ type: 'datetime', nullable: true })
  withdrawnAt: Date | null
}

/** A check-in, insert-only: the primary key refuses a second one. */
@Entity('activity_check_in')
export class ActivityCheckIn {
  @PrimaryColumn({ type: 'int' })
  activityId: number

  @PrimaryColumn({ type: 'int' })
  residentId: number

  /** 'qr': the resident scanned the organiser's code; 'hand': the organiser checked them in */
  @Column({ type: 'varchar', length: 8 })
  method: 'qr' | 'hand'

  @Column({ type: 'datetime' })
  checkedInAt: Date

  /** who checked them in by hand, or null */
  @Column({ type: 'int', nullable: true })
  byAccountId: number | null

  @Column({ type: 'varchar', length: 30, nullable: true })
  byName: string | null
}

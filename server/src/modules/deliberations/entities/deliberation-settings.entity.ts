import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm'

/** A village's choices about its deliberations that the shared procedure settings do not cover. */
@Entity('deliberation_settings')
export class DeliberationSettingsRow {
  @PrimaryColumn({ type: 'int' })
  villageId: number

  /** show the running count of an open (named) vote while the meeting is in session */
  @Column({ type: 'boolean', default: false })
  showCountsLive: boolean

  /** members may check in this many minutes before a meeting's announced time */
  @Column({ type: 'int', default: 30 })
  checkInLeadMinutes: number

  @UpdateDateColumn()
  updatedAt: Date
}

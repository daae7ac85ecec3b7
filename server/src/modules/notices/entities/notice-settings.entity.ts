import { Column, Entity, PrimaryColumn } from 'typeorm'
import type { FinanceCadence } from '@xiangli/shared'

/** The publication calendar settings of one village (Art 30); a village without a row uses the defaults. */
@Entity('notice_settings')
export class NoticeSettingsRow {
  @PrimaryColumn({ type: 'int' })
  villageId: number

  @Column({ type: 'varchar', length: 16 })
  financeCadence: FinanceCadence

  @Column({ type: 'int' })
  graceDays: number

  @Column({ type: 'int' })
  majorDays: number

  @Column({ type: 'varchar', length: 10 })
  calendarFrom: string
}

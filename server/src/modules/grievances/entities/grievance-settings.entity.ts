import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm'
import type { ReplyTemplate } from '@xiangli/shared'

/** A village's own categories and reply templates; a village without a row uses the defaults. */
@Entity('grievance_settings')
export class GrievanceSettingsRow {
  @PrimaryColumn({ type: 'int' })
  villageId: number

  @Column({ type: 'simple-json' })
  categories: string[]

  @Column({ type: 'simple-json' })
  replyTemplates: ReplyTemplate[]

  /** kept from the wall unless the raiser chooses otherwise; null: the defaults (邻里纠纷) */
  @Column({ type: 'simple-json', nullable: true })
  sensitiveCategories: string[] | null

  @UpdateDateColumn()
  updatedAt: Date
}

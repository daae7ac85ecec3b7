import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { ServiceStepKind } from '@xiangli/shared'

/**
 * One line of a request's timeline, insert-only: the filing, each hand-off staff record (材料已收取,
 * 已递交 with the office and who received it, 结果已取回, 已送达), a refusal or the withdrawal.
 */
@Entity('service_request_step')
@Index('ix_service_step_request', ['requestId', 'id'])
export class ServiceRequestStep {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  requestId: number

  @Column({ type: 'varchar', length: 16 })
  kind: ServiceStepKind

  @Column({ type: 'datetime' })
  at: Date

  @Column({ type: 'int' })
  byAccountId: number

  @Column({ type: 'varchar', length: 30 })
  byName: string

  @Column({ type: 'varchar', length: 40, nullable: true })
  office: string | null

  @Column({ type: 'varchar', length: 30, nullable: true })
  receiver: string | null

  @Column({ type: 'text', nullable: true })
  note: string | null

  /** a photo of the receipt (回执) */
  @Column({ type: 'int', nullable: true })
  photoId: number | null
}

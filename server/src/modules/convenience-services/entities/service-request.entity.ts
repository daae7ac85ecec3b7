import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { ProxyRecord, ServiceDayKind, ServiceHandling, ServiceRequestState } from '@xiangli/shared'

/**
 * A resident's request for a service (办事申请), with a copy of the catalogue item as it was when
 * filed: a later edit of the catalogue does not change what the resident was told.
 */
@Entity('service_request')
@Index('ix_service_request_village', ['villageId', 'state', 'id'])
@Index('ix_service_request_resident', ['villageId', 'residentId', 'id'])
@Index('ix_service_request_account', ['accountId'])
export class ServiceRequest {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  villageId: number

  /** the resident's roster row: the request is theirs even when filed for them (代办) */
  @Column({ type: 'int' })
  residentId: number

  @Column({ type: 'varchar', length: 30 })
  residentName: string

  /** the resident's account when filed, or null (filed for someone who never logged in): 我的数据 finds it by this */
  @Column({ type: 'int', nullable: true })
  accountId: number | null

  @Column({ type: 'varchar', length: 32 })
  itemCode: string

  @Column({ type: 'int' })
  itemVersion: number

  @Column({ type: 'varchar', length: 30 })
  itemName: string

  @Column({ type: 'varchar', length: 40 })
  office: string

  @Column({ type: 'varchar', length: 8 })
  handling: ServiceHandling

  @Column({ type: 'int' })
  timeLimitDays: number

  @Column({ type: 'varchar', length: 8 })
  dayKind: ServiceDayKind

  /** every material the item asked for, as it was */
  @Column({ type: 'simple-json' })
  materialsAsked: string[]

  /** the ones the resident ticked as brought */
  @Column({ type: 'simple-json' })
  materialsBrought: string[]

  @Column({ type: 'text' })
  note: string

  @Column({ type: 'simple-json' })
  photoIds: number[]

  /** 代办: who filed it for the resident and how the resident agreed */
  @Column({ type: 'simple-json', nullable: true })
  proxy: ProxyRecord | null

  @Column({ type: 'varchar', length: 12 })
  state: ServiceRequestState

  /** the last day of the time limit, Beijing time ('YYYY-MM-DD') */
  @Column({ type: 'varchar', length: 10 })
  dueOn: string

  @Column({ type: 'varchar', length: 200, nullable: true })
  refuseReason: string | null

  /** when it was done, refused or withdrawn */
  @Column({ type: 'datetime', nullable: true })
  closedAt: Date | null

  @CreateDateColumn()
  submittedAt: Date
}

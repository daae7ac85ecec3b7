import { Column, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm'
import type { ServiceDayKind, ServiceHandling } from '@xiangli/shared'

/**
 * One service of a county's catalogue (便民服务目录). Edited by the county's townships or the system
 * administrator: every edit raises `version` and is written to the audit trail with what it was
 * before; requests keep a copy of the item as it was when filed.
 */
@Entity('service_catalogue_item')
@Unique('uq_service_item_county_code', ['countyId', 'code'])
export class ServiceCatalogueItem {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  countyId: number

  @Column({ type: 'varchar', length: 32 })
  code: string

  @Column({ type: 'varchar', length: 30 })
  name: string

  @Column({ type: 'varchar', length: 40 })
  office: string

  @Column({ type: 'simple-json' })
  materials: string[]

  @Column({ type: 'int' })
  timeLimitDays: number

  @Column({ type: 'varchar', length: 8 })
  dayKind: ServiceDayKind

  @Column({ type: 'varchar', length: 8 })
  handling: ServiceHandling

  @Column({ type: 'text' })
  description: string

  @Column({ type: 'boolean', default: true })
  active: boolean

  @Column({ type: 'int', default: 1 })
  version: number

  @Column({ type: 'varchar', length: 30 })
  updatedByName: string

  @UpdateDateColumn()
  updatedAt: Date
}

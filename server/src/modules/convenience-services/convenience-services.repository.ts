import { Injectable } from '@nestjs/common'
import { DataSource, In, type EntityManager } from 'typeorm'
import type { ServiceRequestState } from '@xiangli/shared'
import { villageRow } from '../../core/database/village-row'
import { ServiceCatalogueItem } from './entities/service-catalogue-item.entity'
import { ServiceRequestStep } from './entities/service-request-step.entity'
import { ServiceRequest } from './entities/service-request.entity'

export type NewServiceRequest = Omit<ServiceRequest, 'id' | 'submittedAt'>
export type NewServiceStep = Omit<ServiceRequestStep, 'id'>
export type NewCatalogueItem = Omit<ServiceCatalogueItem, 'id' | 'updatedAt'>

/** What the township counts: one short row per request. */
export interface CountedRequest {
  villageId: number
  itemCode: string
  itemName: string
  state: ServiceRequestState
  dueOn: string
  submittedAt: Date
  closedAt: Date | null
}

/** Every query of 便民服务: county catalogues, requests, their timelines. */
@Injectable()
export class ConvenienceServicesRepository {
  constructor(private readonly ds: DataSource) {}

  // ---------- the catalogue ----------

  catalogue(countyId: number, m: EntityManager = this.ds.manager): Promise<ServiceCatalogueItem[]> {
    return m.getRepository(ServiceCatalogueItem).find({ where: { countyId }, order: { id: 'ASC' } })
  }

  item(
    countyId: number,
    code: string,
    m: EntityManager = this.ds.manager,
  ): Promise<ServiceCatalogueItem | null> {
    return m.getRepository(ServiceCatalogueItem).findOneBy({ countyId, code })
  }

  insertItem(m: EntityManager, item: NewCatalogueItem): Promise<ServiceCatalogueItem> {
    return m.getRepository(ServiceCatalogueItem).save(item)
  }

  async updateItem(m: EntityManager, id: number, changes: Partial<ServiceCatalogueItem>): Promise<void> {
    await m.getRepository(ServiceCatalogueItem).update({ id }, changes)
  }

  // ---------- requests ----------

  insertRequest(m: EntityManager, r: NewServiceRequest): Promise<ServiceRequest> {
    return m.getRepository(ServiceRequest).save(r)
  }

  find(villageId: number, id: number, m: EntityManager = this.ds.manager): Promise<ServiceRequest | null> {
    return villageRow(m, ServiceRequest, villageId, id)
  }

  /** The village's request, locked until the transaction ends. */
  locked(m: EntityManager, villageId: number, id: number): Promise<ServiceRequest | null> {
    return villageRow(m, ServiceRequest, villageId, id, true)
  }

  async update(m: EntityManager, id: number, changes: Partial<ServiceRequest>): Promise<void> {
    await m.getRepository(ServiceRequest).update({ id }, changes)
  }

  ofResident(villageId: number, residentId: number): Promise<ServiceRequest[]> {
    return this.ds
      .getRepository(ServiceRequest)
      .find({ where: { villageId, residentId }, order: { id: 'DESC' }, take: 200 })
  }

  /** The desk's queue, newest first; open ones only unless a state is asked for. */
  queue(villageId: number, state: ServiceRequestState | undefined): Promise<ServiceRequest[]> {
    return this.ds.getRepository(ServiceRequest).find({
      where: state ? { villageId, state } : { villageId },
      order: { id: 'DESC' },
      take: 500,
    })
  }

  // ---------- timelines ----------

  async addStep(m: EntityManager, s: NewServiceStep): Promise<void> {
    await m.getRepository(ServiceRequestStep).insert(s)
  }

  steps(requestId: number): Promise<ServiceRequestStep[]> {
    return this.ds.getRepository(ServiceRequestStep).find({ where: { requestId }, order: { id: 'ASC' } })
  }

  // ---------- the township ----------

  /** The requests of these villages filed in [from, to). */
  async counted(villageIds: number[], from: Date, to: Date): Promise<CountedRequest[]> {
    if (villageIds.length === 0) return []
    const rows = await this.ds
      .getRepository(ServiceRequest)
      .createQueryBuilder('r')
      .select([
        'r.villageId',
        'r.itemCode',
        'r.itemName',
        'r.state',
        'r.dueOn',
        'r.submittedAt',
        'r.closedAt',
      ])
      .where({ villageId: In(villageIds) })
      .andWhere('r.submittedAt >= :from AND r.submittedAt < :to', { from, to })
      .getMany()
    return rows
  }
}

import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import {
  DEFAULT_SERVICE_CATALOGUE,
  type ServiceItem,
  type ServiceItemCreate,
  type ServiceItemFields,
} from '@xiangli/shared'
import { OrgDirectory } from '../../../core/access/org-directory'
import { AuditService, type Actor } from '../../../core/audit/audit.service'
import { isUniqueViolation } from '../../../core/database/dialect'
import { AppException } from '../../../core/errors/app.exception'
import { TxService } from '../../../core/tx/tx.service'
import type { ServiceCatalogueItem } from '../entities/service-catalogue-item.entity'
import { presentItem } from '../convenience-services.presenter'
import { ConvenienceServicesRepository } from '../convenience-services.repository'

const itemFacts = (i: ServiceItemFields & { code: string; version?: number }) => ({
  code: i.code,
  name: i.name,
  office: i.office,
  materials: i.materials,
  timeLimitDays: i.timeLimitDays,
  dayKind: i.dayKind,
  handling: i.handling,
  description: i.description,
  active: i.active,
  ...(i.version !== undefined ? { version: i.version } : {}),
})

/**
 * The catalogue of services (便民服务目录) is the county's: its townships and the system administrator
 * add and edit items, each change audited with what it was before and the item's version raised.
 */
@Injectable()
export class ServiceCatalogue {
  constructor(
    private readonly repo: ConvenienceServicesRepository,
    private readonly orgs: OrgDirectory,
    private readonly tx: TxService,
    private readonly audit: AuditService,
  ) {}

  /** The county a village belongs to (village → township → county). */
  async countyOfVillage(villageId: number): Promise<number> {
    const village = await this.orgs.find(villageId)
    if (!village || village.parentId === null) throw new AppException('ORG_NOT_FOUND')
    return this.countyOfTownship(village.parentId)
  }

  async countyOfTownship(townshipId: number): Promise<number> {
    const township = await this.orgs.find(townshipId)
    const county = township?.parentId != null ? await this.orgs.find(township.parentId) : null
    if (!county || county.kind !== 'county') throw new AppException('SERVICE_NOT_IN_COUNTY')
    return county.id
  }

  async mustBeCounty(countyId: number): Promise<void> {
    const county = await this.orgs.find(countyId)
    if (!county || county.kind !== 'county') throw new AppException('ORG_NOT_FOUND')
  }

  /** What a village's residents may ask for: the county's items still offered. */
  async offered(villageId: number): Promise<ServiceItem[]> {
    const items = await this.repo.catalogue(await this.countyOfVillage(villageId))
    return items.filter((i) => i.active).map(presentItem)
  }

  /** Every item of the county, stopped ones included, for those who keep it. */
  async all(countyId: number): Promise<ServiceItem[]> {
    return (await this.repo.catalogue(countyId)).map(presentItem)
  }

  /** The item a request is filed under: known in the county and still offered. */
  async requestable(villageId: number, code: string): Promise<ServiceCatalogueItem> {
    const item = await this.repo.item(await this.countyOfVillage(villageId), code)
    if (!item) throw new AppException('SERVICE_ITEM_NOT_FOUND')
    if (!item.active) throw new AppException('SERVICE_ITEM_STOPPED')
    return item
  }

  async add(actor: Actor, countyId: number, body: ServiceItemCreate): Promise<ServiceItem> {
    try {
      const saved = await this.tx.run(async (m) => {
        if (await this.repo.item(countyId, body.code, m)) throw new AppException('SERVICE_ITEM_EXISTS')
        const item = await this.repo.insertItem(m, {
          countyId,
          ...itemFacts(body),
          version: 1,
          updatedByName: actor.name ?? '',
        })
        await this.audit.append(m, {
          actor,
          action: 'service.catalogue_item_added',
          orgId: countyId,
          targetType: 'service_catalogue_item',
          targetId: `${countyId}:${item.code}`,
          after: itemFacts(item),
        })
        return item
      })
      return presentItem(saved)
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppException('SERVICE_ITEM_EXISTS')
      throw e
    }
  }

  async edit(actor: Actor, countyId: number, code: string, body: ServiceItemFields): Promise<ServiceItem> {
    await this.tx.run(async (m) => {
      const before = await this.repo.item(countyId, code, m)
      if (!before) throw new AppException('SERVICE_ITEM_NOT_FOUND')
      const changes = { ...itemFacts({ ...body, code }), version: before.version + 1 }
      await this.repo.updateItem(m, before.id, { ...changes, updatedByName: actor.name ?? '' })
      await this.audit.append(m, {
        actor,
        action: 'service.catalogue_item_edited',
        orgId: countyId,
        targetType: 'service_catalogue_item',
        targetId: `${countyId}:${code}`,
        before: itemFacts(before),
        after: changes,
      })
    })
    return presentItem((await this.repo.item(countyId, code))!)
  }

  /** The default catalogue for a county that has none yet (the demo county), in the caller's transaction. */
  async seedDefaults(m: EntityManager, countyId: number): Promise<void> {
    if ((await this.repo.catalogue(countyId, m)).length > 0) return
    for (const i of DEFAULT_SERVICE_CATALOGUE)
      await this.repo.insertItem(m, { countyId, ...itemFacts(i), version: 1, updatedByName: '系统预置' })
  }
}

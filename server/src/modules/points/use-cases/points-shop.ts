import { Injectable } from '@nestjs/common'
import type { ShopItemRequest, ShopItemUpdateRequest, ShopItemView } from '@xiangli/shared'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { AuditService } from '../../../core/audit/audit.service'
import { AppException } from '../../../core/errors/app.exception'
import { TxService } from '../../../core/tx/tx.service'
import { presentItem } from '../points.presenter'
import { PointsRepository } from '../points.repository'

/** 积分超市: the 两委 put items on the shelf, restock them or take them off (audited). */
@Injectable()
export class PointsShop {
  constructor(
    private readonly repo: PointsRepository,
    private readonly audit: AuditService,
    private readonly tx: TxService,
  ) {}

  async add(a: ActingContext, body: ShopItemRequest): Promise<ShopItemView> {
    const item = await this.tx.run(async (m) => {
      const item = await this.repo.addItem(m, { villageId: a.villageId, ...body })
      await this.audit.append(m, {
        actor: a.actor,
        action: 'points.item_added',
        orgId: a.villageId,
        targetType: 'points_shop_item',
        targetId: item.id,
        after: { name: item.name, cost: item.cost, stock: item.stock },
      })
      return item
    })
    return presentItem(item)
  }

  async update(a: ActingContext, id: number, body: ShopItemUpdateRequest): Promise<ShopItemView> {
    const item = await this.tx.run(async (m) => {
      const item = await this.repo.item(m, a.villageId, id, true)
      if (!item) throw new AppException('NOT_FOUND')
      await this.repo.updateItem(m, item.id, body)
      await this.audit.append(m, {
        actor: a.actor,
        action: 'points.item_changed',
        orgId: a.villageId,
        targetType: 'points_shop_item',
        targetId: item.id,
        before: { stock: item.stock, active: Boolean(item.active) },
        after: body,
      })
      return { ...item, ...body }
    })
    return presentItem(item)
  }
}

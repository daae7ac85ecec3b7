import type { PointsEntryView, PointsRulesView, ShopItemView } from '@xiangli/shared'
import type { PointsEntry } from './entities/points-entry.entity'
import type { PointsRulesVersion } from './entities/points-rules.entity'
import type { PointsShopItem } from './entities/points-shop-item.entity'

export const presentRules = (r: PointsRulesVersion): PointsRulesView => ({
  version: r.version,
  publishedOn: r.publishedOn,
  publishedByName: r.publishedByName,
  points: r.points,
})

export const presentEntry = (e: PointsEntry): PointsEntryView => ({
  id: e.id,
  kind: e.kind,
  points: e.points,
  sourceType: e.sourceType,
  sourceId: e.sourceId,
  sourceLabel: e.sourceLabel,
  personName: e.personName,
  rulesVersion: e.rulesVersion,
  earnedAt: new Date(e.earnedAt).toISOString(),
  recordedByName: e.recordedByName,
})

export const presentItem = (i: PointsShopItem): ShopItemView => ({
  id: i.id,
  name: i.name,
  cost: i.cost,
  stock: i.stock,
  active: Boolean(i.active),
})

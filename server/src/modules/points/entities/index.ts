import { PointsEntry } from './points-entry.entity'
import { PointsRulesVersion, PointsSettings } from './points-rules.entity'
import { PointsShopItem } from './points-shop-item.entity'

/** The tables of 积分制: the ledger, the published rules, the settings and the shop. */
export const POINTS_ENTITIES = [PointsEntry, PointsRulesVersion, PointsSettings, PointsShopItem]

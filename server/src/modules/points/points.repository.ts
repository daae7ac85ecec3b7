import { Injectable } from '@nestjs/common'
import { DataSource, type EntityManager } from 'typeorm'
import type { PointsTable } from '@xiangli/shared'
import { forUpdate } from '../../core/database/dialect'
import { PointsEntry } from './entities/points-entry.entity'
import { PointsRulesVersion, PointsSettings } from './entities/points-rules.entity'
import { PointsShopItem } from './entities/points-shop-item.entity'

export type NewPointsEntry = Omit<PointsEntry, 'id' | 'createdAt'>

/** Every query of 积分制: the ledger (insert-only), the rules versions, the settings and the shop. */
@Injectable()
export class PointsRepository {
  constructor(private readonly ds: DataSource) {}

  // ---------- rules ----------

  currentRules(villageId: number, m: EntityManager = this.ds.manager): Promise<PointsRulesVersion | null> {
    return m.getRepository(PointsRulesVersion).findOne({ where: { villageId }, order: { version: 'DESC' } })
  }

  rulesHistory(villageId: number): Promise<PointsRulesVersion[]> {
    return this.ds
      .getRepository(PointsRulesVersion)
      .find({ where: { villageId }, order: { version: 'DESC' }, take: 100 })
  }

  /** The next version, numbered after the last; the unique key refuses two publications racing. */
  publishRules(
    m: EntityManager,
    row: { villageId: number; version: number; points: PointsTable; publishedOn: string } & {
      publishedByAccountId: number
      publishedByName: string
    },
  ): Promise<PointsRulesVersion> {
    return m.getRepository(PointsRulesVersion).save(row)
  }

  // ---------- settings ----------

  async rankingPublic(villageId: number): Promise<boolean> {
    const s = await this.ds.getRepository(PointsSettings).findOneBy({ villageId })
    return s?.rankingPublic ?? false
  }

  async setRankingPublic(m: EntityManager, villageId: number, rankingPublic: boolean): Promise<void> {
    await m.getRepository(PointsSettings).save({ villageId, rankingPublic })
  }

  // ---------- ledger ----------

  /** One entry; a second from the same source fails on the unique key. */
  insertEntry(m: EntityManager, row: NewPointsEntry): Promise<PointsEntry> {
    return m.getRepository(PointsEntry).save(row)
  }

  async insertMany(m: EntityManager, rows: NewPointsEntry[]): Promise<void> {
    await m.getRepository(PointsEntry).insert(rows)
  }

  entryBySourceKey(villageId: number, sourceKey: string, m: EntityManager = this.ds.manager) {
    return m.getRepository(PointsEntry).findOneBy({ villageId, sourceKey })
  }

  /** The award an issue earned for being useful, if it did. */
  usefulIssueEntry(villageId: number, grievanceId: number, m: EntityManager = this.ds.manager) {
    return m
      .getRepository(PointsEntry)
      .findOneBy({ villageId, kind: 'useful_issue', sourceType: 'grievance', sourceId: grievanceId })
  }

  entriesOf(villageId: number, householdId: number): Promise<PointsEntry[]> {
    return this.ds
      .getRepository(PointsEntry)
      .find({ where: { villageId, householdId }, order: { earnedAt: 'DESC', id: 'DESC' }, take: 500 })
  }

  /**
   * A household's balance by SUM. Under `lock` the household's ledger rows are read FOR UPDATE on
   * MySQL, so a second redemption for the same household waits for the first to commit.
   */
  async balance(m: EntityManager, villageId: number, householdId: number, lock = false): Promise<number> {
    const qb = m
      .getRepository(PointsEntry)
      .createQueryBuilder('e')
      .select('e.id', 'id')
      .addSelect('e.points', 'points')
      .where('e.villageId = :villageId AND e.householdId = :householdId', { villageId, householdId })
    const rows = await (lock ? forUpdate(m, qb) : qb).getRawMany<{ points: number | string }>()
    return rows.reduce((sum, r) => sum + Number(r.points), 0)
  }

  /** Balances of these households by one GROUP BY. */
  async balances(villageId: number, householdIds: number[]): Promise<Map<number, number>> {
    if (householdIds.length === 0) return new Map()
    const rows = await this.ds
      .getRepository(PointsEntry)
      .createQueryBuilder('e')
      .select('e.householdId', 'householdId')
      .addSelect('SUM(e.points)', 'n')
      .where('e.villageId = :villageId AND e.householdId IN (:...ids)', { villageId, ids: householdIds })
      .groupBy('e.householdId')
      .getRawMany<{ householdId: number | string; n: number | string }>()
    return new Map(rows.map((r) => [Number(r.householdId), Number(r.n)]))
  }

  /** Points earned (awards only, redemptions aside) per household, most first, for the ranking. */
  async earnedByHousehold(
    villageId: number,
    limit: number,
  ): Promise<{ householdId: number; points: number }[]> {
    const rows = await this.ds
      .getRepository(PointsEntry)
      .createQueryBuilder('e')
      .select('e.householdId', 'householdId')
      .addSelect('SUM(e.points)', 'n')
      .where("e.villageId = :villageId AND e.kind <> 'redemption'", { villageId })
      .groupBy('e.householdId')
      .orderBy('n', 'DESC')
      .limit(limit)
      .getRawMany<{ householdId: number | string; n: number | string }>()
    return rows.map((r) => ({ householdId: Number(r.householdId), points: Number(r.n) }))
  }

  // ---------- shop ----------

  items(villageId: number): Promise<PointsShopItem[]> {
    return this.ds
      .getRepository(PointsShopItem)
      .find({ where: { villageId }, order: { active: 'DESC', cost: 'ASC', id: 'ASC' }, take: 200 })
  }

  item(m: EntityManager, villageId: number, id: number, lock = false): Promise<PointsShopItem | null> {
    const qb = m
      .getRepository(PointsShopItem)
      .createQueryBuilder('i')
      .where('i.villageId = :villageId AND i.id = :id', { villageId, id })
    return (lock ? forUpdate(m, qb) : qb).getOne()
  }

  addItem(
    m: EntityManager,
    row: Omit<PointsShopItem, 'id' | 'createdAt' | 'active'>,
  ): Promise<PointsShopItem> {
    return m.getRepository(PointsShopItem).save({ ...row, active: true })
  }

  async updateItem(m: EntityManager, id: number, change: { stock: number; active: boolean }): Promise<void> {
    await m.getRepository(PointsShopItem).update({ id }, change)
  }

  /** Takes `quantity` off the shelf if that many are there; false when the stock ran short meanwhile. */
  async takeStock(m: EntityManager, id: number, quantity: number): Promise<boolean> {
    const r = await m
      .getRepository(PointsShopItem)
      .createQueryBuilder()
      .update()
      .set({ stock: () => `stock - ${Number(quantity)}` })
      .where('id = :id AND stock >= :quantity', { id, quantity })
      .execute()
    return (r.affected ?? 0) > 0
  }
}

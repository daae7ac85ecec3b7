import { Injectable } from '@nestjs/common'
import {
  rankHouseholds,
  type PointsHouseholdPick,
  type PointsHouseholdView,
  type PointsRankingView,
  type ShopItemView,
} from '@xiangli/shared'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { AppException } from '../../../core/errors/app.exception'
import { RosterDirectory } from '../../roster/roster-directory'
import { presentEntry, presentItem } from '../points.presenter'
import { PointsRepository } from '../points.repository'

const RANKING_SIZE = 50

/** What residents and the 两委 read: a household's balance and ledger, the shop, the ranking. */
@Injectable()
export class PointsReads {
  constructor(
    private readonly repo: PointsRepository,
    private readonly roster: RosterDirectory,
  ) {}

  /** The caller's household on the roster, or a refusal when they are not on it. */
  async myHouseholdId(a: ActingContext): Promise<number | null> {
    const residentId = a.viewer.residentIdIn(a.villageId)
    if (residentId === null) return null
    return (await this.roster.standing(a.villageId, residentId))?.householdId ?? null
  }

  async mine(a: ActingContext): Promise<PointsHouseholdView> {
    const householdId = await this.myHouseholdId(a)
    if (householdId === null) throw new AppException('POINTS_NOT_A_RESIDENT')
    return this.household(a.villageId, householdId)
  }

  async household(villageId: number, householdId: number): Promise<PointsHouseholdView> {
    const [h] = await this.roster.householdHeads(villageId, [householdId])
    if (!h) throw new AppException('POINTS_HOUSEHOLD_NOT_FOUND')
    const entries = await this.repo.entriesOf(villageId, householdId)
    const balance = (await this.repo.balances(villageId, [householdId])).get(householdId) ?? 0
    return {
      householdId: h.id,
      code: h.code,
      headName: h.headName,
      balance,
      entries: entries.map(presentEntry),
    }
  }

  /** The desk's picker: households by a person's name (any member) or by 户号, with balances. */
  async findHouseholds(a: ActingContext, q: string): Promise<PointsHouseholdPick[]> {
    const people = await this.roster.pick(a.villageId, { name: q }, 20)
    const byCode = await this.roster.householdIdsByCode(a.villageId, q)
    const matched = new Map<number, string>(byCode.map((id) => [id, '']))
    const homes = await this.roster.householdsOfResidents(
      a.villageId,
      people.map((p) => p.id),
    )
    for (const p of people) {
      const h = homes.get(p.id)
      if (h !== undefined && !matched.has(h)) matched.set(h, p.name)
    }
    const ids = [...matched.keys()].slice(0, 20)
    const heads = await this.roster.householdHeads(a.villageId, ids)
    const balances = await this.repo.balances(a.villageId, ids)
    return heads.map((h) => ({
      householdId: h.id,
      code: h.code,
      headName: h.headName,
      matchedName: matched.get(h.id) || (h.headName ?? ''),
      balance: balances.get(h.id) ?? 0,
    }))
  }

  async shop(villageId: number): Promise<ShopItemView[]> {
    return (await this.repo.items(villageId)).map(presentItem)
  }

  /** Households by points earned, heads' names masked; nothing at all while the village keeps it off. */
  async ranking(villageId: number): Promise<PointsRankingView> {
    if (!(await this.repo.rankingPublic(villageId))) return { enabled: false, rows: [] }
    const earned = await this.repo.earnedByHousehold(villageId, RANKING_SIZE)
    const heads = new Map(
      (
        await this.roster.householdHeads(
          villageId,
          earned.map((e) => e.householdId),
        )
      ).map((h) => [h.id, h.headName]),
    )
    return {
      enabled: true,
      rows: rankHouseholds(
        earned
          .filter((e) => heads.has(e.householdId))
          .map((e) => ({
            householdId: e.householdId,
            headName: heads.get(e.householdId) ?? null,
            points: e.points,
          })),
      ),
    }
  }
}

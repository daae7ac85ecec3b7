import { randomUUID } from 'node:crypto'
import { Injectable } from '@nestjs/common'
import {
  redemptionRule,
  redemptionSchema,
  usefulIssueRule,
  type ManualAwardRequest,
  type PointsEntryView,
  type RedemptionRequest,
  type UsefulIssueView,
} from '@xiangli/shared'
import type { EntityManager } from 'typeorm'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { Clock } from '../../../core/clock/clock'
import { isUniqueViolation } from '../../../core/database/dialect'
import { AppException } from '../../../core/errors/app.exception'
import { TxService } from '../../../core/tx/tx.service'
import { GrievancesService } from '../../grievances/grievances.service'
import { RosterDirectory } from '../../roster/roster-directory'
import { presentEntry } from '../points.presenter'
import { PointsRepository } from '../points.repository'
import { PointsLedger } from './points-ledger'

/** The 两委 at work: a manual award with its reason, an issue marked useful, a redemption at the desk. */
@Injectable()
export class PointsDesk {
  constructor(
    private readonly repo: PointsRepository,
    private readonly ledger: PointsLedger,
    private readonly roster: RosterDirectory,
    private readonly grievances: GrievancesService,
    private readonly clock: Clock,
    private readonly tx: TxService,
  ) {}

  private async mustBeHousehold(villageId: number, householdId: number): Promise<void> {
    const [h] = await this.roster.householdHeads(villageId, [householdId])
    if (!h) throw new AppException('POINTS_HOUSEHOLD_NOT_FOUND')
  }

  async award(a: ActingContext, body: ManualAwardRequest): Promise<PointsEntryView> {
    await this.mustBeHousehold(a.villageId, body.householdId)
    const done = await this.tx.run((m) =>
      this.ledger.awardIn(m, {
        villageId: a.villageId,
        householdId: body.householdId,
        residentId: null,
        personName: null,
        kind: 'manual',
        sourceType: 'manual',
        sourceId: body.householdId,
        sourceLabel: body.reason,
        points: body.points,
        earnedAt: this.clock.now(),
        actor: a.actor,
        uniqueSuffix: randomUUID(),
      }),
    )
    return presentEntry(done!.entry)
  }

  async usefulIssue(a: ActingContext, grievanceId: number): Promise<UsefulIssueView> {
    const g = await this.grievances.brief(a.villageId, grievanceId)
    if (!g) throw new AppException('NOT_FOUND')
    const entry = await this.repo.usefulIssueEntry(a.villageId, grievanceId)
    return { grievanceId, markedUseful: entry !== null, points: entry?.points ?? null }
  }

  /** An answered issue the 两委 found useful earns its raiser's household the rule's points, once. */
  async markUseful(a: ActingContext, grievanceId: number): Promise<UsefulIssueView> {
    await unique(() =>
      this.tx.run(async (m) => {
        const g = await this.grievances.brief(a.villageId, grievanceId, m)
        if (!g) throw new AppException('NOT_FOUND')
        const refusal = usefulIssueRule(g.state)
        if (refusal) throw new AppException(refusal)
        if (g.raiserResidentId === null) throw new AppException('POINTS_ISSUE_NO_RESIDENT')
        const raiser = await this.roster.standing(a.villageId, g.raiserResidentId, m)
        if (!raiser) throw new AppException('POINTS_ISSUE_NO_RESIDENT')
        if (await this.repo.usefulIssueEntry(a.villageId, grievanceId, m))
          throw new AppException('POINTS_ALREADY_AWARDED')
        const done = await this.ledger.awardIn(m, {
          villageId: a.villageId,
          householdId: raiser.householdId,
          residentId: null,
          personName: raiser.name,
          kind: 'useful_issue',
          sourceType: 'grievance',
          sourceId: grievanceId,
          sourceLabel: `村民说事：${g.title}`,
          earnedAt: this.clock.now(),
          actor: a.actor,
        })
        if (!done) throw new AppException('POINTS_NO_RULES')
      }),
    )
    return this.usefulIssue(a, grievanceId)
  }

  /** Staff record a redemption at the desk: refused when the balance or the stock is short. */
  async redeem(a: ActingContext, input: RedemptionRequest): Promise<PointsEntryView> {
    const body = redemptionSchema.parse(input)
    await this.mustBeHousehold(a.villageId, body.householdId)
    const entry = await this.tx.run(async (m: EntityManager) => {
      const item = await this.repo.item(m, a.villageId, body.itemId, true)
      if (!item) throw new AppException('NOT_FOUND')
      const balance = await this.repo.balance(m, a.villageId, body.householdId, true)
      const refusal = redemptionRule(balance, { ...item, active: Boolean(item.active) }, body.quantity)
      if (refusal) throw new AppException(refusal)
      if (!(await this.repo.takeStock(m, item.id, body.quantity)))
        throw new AppException('POINTS_OUT_OF_STOCK')
      return this.ledger.insert(
        m,
        {
          villageId: a.villageId,
          householdId: body.householdId,
          residentId: null,
          personName: null,
          kind: 'redemption',
          points: -item.cost * body.quantity,
          sourceType: 'shop_item',
          sourceId: item.id,
          sourceLabel: body.quantity > 1 ? `${item.name} × ${body.quantity}` : item.name,
          sourceKey: `redemption:shop_item:${item.id}-${randomUUID()}`,
          rulesVersion: null,
          earnedAt: this.clock.now(),
          recordedByAccountId: a.principal.accountId,
          recordedByName: (a.actor.name ?? '').slice(0, 30),
        },
        a.actor,
      )
    })
    return presentEntry(entry)
  }
}

/** A second award of the same source racing the first fails on the ledger's unique key. */
async function unique<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppException('POINTS_ALREADY_AWARDED')
    throw e
  }
}

import { Controller } from '@nestjs/common'
import { pointsRoutes as R, type HandlerArgs } from '@xiangli/shared'
import { Acting, type ActingContext } from '../../../core/auth/current.decorator'
import { Handle, In } from '../../../core/http/route'
import { PointsDesk } from '../use-cases/points-desk'
import { PointsReads } from '../use-cases/points-reads'
import { PointsRules } from '../use-cases/points-rules'
import { PointsShop } from '../use-cases/points-shop'

type Args<K extends keyof typeof R> = HandlerArgs<(typeof R)[K]>

/** 积分制: published rules, each household's ledger, the shop and the desk, the ranking if public. */
@Controller()
export class PointsController {
  constructor(
    private readonly rules: PointsRules,
    private readonly reads: PointsReads,
    private readonly desk: PointsDesk,
    private readonly shopDesk: PointsShop,
  ) {}

  @Handle(R.overview)
  async overview(@Acting() a: ActingContext) {
    return { ...(await this.rules.overview(a)), myHouseholdId: await this.reads.myHouseholdId(a) }
  }
  @Handle(R.rulesHistory)
  rulesHistory(@Acting() a: ActingContext) {
    return this.rules.history(a)
  }
  @Handle(R.publishRules)
  publishRules(@Acting() a: ActingContext, @In() i: Args<'publishRules'>) {
    return this.rules.publish(a, i.body)
  }
  @Handle(R.updateSettings)
  async updateSettings(@Acting() a: ActingContext, @In() i: Args<'updateSettings'>) {
    return { ...(await this.rules.settings(a, i.body)), myHouseholdId: await this.reads.myHouseholdId(a) }
  }
  @Handle(R.mine)
  mine(@Acting() a: ActingContext) {
    return this.reads.mine(a)
  }
  @Handle(R.findHouseholds)
  findHouseholds(@Acting() a: ActingContext, @In() i: Args<'findHouseholds'>) {
    return this.reads.findHouseholds(a, i.query.q)
  }
  @Handle(R.household)
  household(@Acting() a: ActingContext, @In() i: Args<'household'>) {
    return this.reads.household(a.villageId, i.params.householdId)
  }
  @Handle(R.award)
  award(@Acting() a: ActingContext, @In() i: Args<'award'>) {
    return this.desk.award(a, i.body)
  }
  @Handle(R.ranking)
  ranking(@Acting() a: ActingContext) {
    return this.reads.ranking(a.villageId)
  }
  @Handle(R.shop)
  shop(@Acting() a: ActingContext) {
    return this.reads.shop(a.villageId)
  }
  @Handle(R.addItem)
  addItem(@Acting() a: ActingContext, @In() i: Args<'addItem'>) {
    return this.shopDesk.add(a, i.body)
  }
  @Handle(R.updateItem)
  updateItem(@Acting() a: ActingContext, @In() i: Args<'updateItem'>) {
    return this.shopDesk.update(a, i.params.itemId, i.body)
  }
  @Handle(R.redeem)
  redeem(@Acting() a: ActingContext, @In() i: Args<'redeem'>) {
    return this.desk.redeem(a, i.body)
  }
  @Handle(R.usefulIssue)
  usefulIssue(@Acting() a: ActingContext, @In() i: Args<'usefulIssue'>) {
    return this.desk.usefulIssue(a, i.params.grievanceId)
  }
  @Handle(R.markUseful)
  markUseful(@Acting() a: ActingContext, @In() i: Args<'markUseful'>) {
    return this.desk.markUseful(a, i.params.grievanceId)
  }
}

import { Controller } from '@nestjs/common'
import { villageRulesRoutes as R, type HandlerArgs } from '@xiangli/shared'
import {
  Acting,
  ActingTownship,
  type ActingContext,
  type TownshipContext,
} from '../../../core/auth/current.decorator'
import { Handle, In } from '../../../core/http/route'
import { RulesDrafting } from '../use-cases/rules-drafting'
import { RulesReads } from '../use-cases/rules-reads'
import { RulesTownship } from '../use-cases/rules-township'

type Args<K extends keyof typeof R> = HandlerArgs<(typeof R)[K]>

/** 村规民约 and 自治章程: the village's versions, their public text, the township's filings. */
@Controller()
export class VillageRulesController {
  constructor(
    private readonly reads: RulesReads,
    private readonly drafting: RulesDrafting,
    private readonly township: RulesTownship,
  ) {}

  @Handle(R.overview)
  overview(@Acting() a: ActingContext) {
    return this.reads.overview(a)
  }
  @Handle(R.detail)
  detail(@Acting() a: ActingContext, @In() i: Args<'detail'>) {
    return this.reads.detail(a, i.params.id)
  }
  @Handle(R.create)
  create(@Acting() a: ActingContext, @In() i: Args<'create'>) {
    return this.drafting.create(a, i.body)
  }
  @Handle(R.edit)
  edit(@Acting() a: ActingContext, @In() i: Args<'edit'>) {
    return this.drafting.edit(a, i.params.id, i.body)
  }
  @Handle(R.startAdoption)
  startAdoption(@Acting() a: ActingContext, @In() i: Args<'startAdoption'>) {
    return this.drafting.startAdoption(a, i.params.id)
  }
  @Handle(R.file)
  file(@Acting() a: ActingContext, @In() i: Args<'file'>) {
    return this.drafting.file(a, i.params.id)
  }
  @Handle(R.publicCurrent)
  publicCurrent(@In() i: Args<'publicCurrent'>) {
    return this.reads.publicCurrent(i.params.villageId)
  }
  @Handle(R.townshipFilings)
  filings(@ActingTownship() t: TownshipContext) {
    return this.township.filings(t)
  }
  @Handle(R.townshipCorrect)
  correct(@ActingTownship() t: TownshipContext, @In() i: Args<'townshipCorrect'>) {
    return this.township.correct(t, i.params.fid, i.body)
  }
}

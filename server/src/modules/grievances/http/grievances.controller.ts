import { Controller } from '@nestjs/common'
import { grievanceRoutes as R, type HandlerArgs } from '@xiangli/shared'
import { Acting, type ActingContext } from '../../../core/auth/current.decorator'
import { Handle, In } from '../../../core/http/route'
import { CommitteeHandling } from '../use-cases/committee-handling'
import { GrievanceCollection } from '../use-cases/grievance-collection'
import { GrievanceReads } from '../use-cases/grievance-reads'
import { GrievanceSettingsUseCase } from '../use-cases/grievance-settings'
import { ResidentGrievances } from '../use-cases/resident-grievances'

type Args<K extends keyof typeof R> = HandlerArgs<(typeof R)[K]>

/** 村民说事 in one village: residents raise and follow their issues; the 两委 handle them. */
@Controller()
export class GrievancesController {
  constructor(
    private readonly residents: ResidentGrievances,
    private readonly committee: CommitteeHandling,
    private readonly reads: GrievanceReads,
    private readonly settings: GrievanceSettingsUseCase,
    private readonly collection: GrievanceCollection,
  ) {}

  // ---------- residents ----------
  @Handle(R.raise)
  raise(@Acting() a: ActingContext, @In() i: Args<'raise'>) {
    return this.residents.raise(a, i.body)
  }
  @Handle(R.mine)
  mine(@Acting() a: ActingContext, @In() i: Args<'mine'>) {
    return this.reads.mine(a.viewer, a.villageId, i.query)
  }
  @Handle(R.wall)
  wall(@Acting() a: ActingContext, @In() i: Args<'wall'>) {
    return this.reads.wall(a.viewer, a.villageId, i.query)
  }
  @Handle(R.sensitiveCategories)
  sensitiveCategories(@Acting() a: ActingContext) {
    return this.settings.sensitiveCategories(a.villageId)
  }

  @Handle(R.categories)
  categories(@Acting() a: ActingContext) {
    return this.settings.categories(a.villageId)
  }
  @Handle(R.detail)
  detail(@Acting() a: ActingContext, @In() i: Args<'detail'>) {
    return this.reads.detail(a.viewer, a.villageId, i.params.id)
  }
  @Handle(R.reply)
  reply(@Acting() a: ActingContext, @In() i: Args<'reply'>) {
    return this.residents.reply(a, i.params.id, i.body)
  }
  @Handle(R.rate)
  rate(@Acting() a: ActingContext, @In() i: Args<'rate'>) {
    return this.residents.rate(a, i.params.id, i.body)
  }
  @Handle(R.reopen)
  reopen(@Acting() a: ActingContext, @In() i: Args<'reopen'>) {
    return this.residents.reopen(a, i.params.id, i.body.reason)
  }
  @Handle(R.support)
  support(@Acting() a: ActingContext, @In() i: Args<'support'>) {
    return this.residents.support(a, i.params.id)
  }
  @Handle(R.withdrawSupport)
  withdrawSupport(@Acting() a: ActingContext, @In() i: Args<'withdrawSupport'>) {
    return this.residents.withdrawSupport(a, i.params.id)
  }

  // ---------- grid workers and group leaders ----------
  @Handle(R.collect)
  collect(@Acting() a: ActingContext, @In() i: Args<'collect'>) {
    return this.collection.collect(a, i.body)
  }
  @Handle(R.assigned)
  assigned(@Acting() a: ActingContext, @In() i: Args<'assigned'>) {
    return this.reads.assigned(a.viewer, a.villageId, i.query)
  }
  @Handle(R.grid)
  grid(@Acting() a: ActingContext, @In() i: Args<'grid'>) {
    return this.reads.grid(a.viewer, a.villageId, i.params.gridId, i.query)
  }

  @Handle(R.group)
  group(@Acting() a: ActingContext, @In() i: Args<'group'>) {
    return this.reads.group(a.viewer, a.villageId, i.query)
  }

  // ---------- committee ----------
  @Handle(R.queue)
  queue(@Acting() a: ActingContext, @In() i: Args<'queue'>) {
    return this.reads.queue(a.viewer, a.villageId, i.query)
  }
  @Handle(R.bulkAccept)
  bulkAccept(@Acting() a: ActingContext, @In() i: Args<'bulkAccept'>) {
    return this.committee.bulkAccept(a, i.body.ids)
  }
  @Handle(R.settings)
  readSettings(@Acting() a: ActingContext) {
    return this.settings.read(a.villageId)
  }
  @Handle(R.updateSettings)
  updateSettings(@Acting() a: ActingContext, @In() i: Args<'updateSettings'>) {
    return this.settings.update(a, i.body)
  }
  @Handle(R.accept)
  accept(@Acting() a: ActingContext, @In() i: Args<'accept'>) {
    return this.committee.accept(a, i.params.id)
  }
  @Handle(R.decline)
  decline(@Acting() a: ActingContext, @In() i: Args<'decline'>) {
    return this.committee.decline(a, i.params.id, i.body.reason)
  }
  @Handle(R.assign)
  assign(@Acting() a: ActingContext, @In() i: Args<'assign'>) {
    return this.committee.assign(a, i.params.id, i.body.residentId)
  }
  @Handle(R.answer)
  answer(@Acting() a: ActingContext, @In() i: Args<'answer'>) {
    return this.committee.answer(a, i.params.id, i.body)
  }
  @Handle(R.escalate)
  escalate(@Acting() a: ActingContext, @In() i: Args<'escalate'>) {
    return this.committee.escalate(a, i.params.id, i.body.reason)
  }
}

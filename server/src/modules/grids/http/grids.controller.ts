import { Controller } from '@nestjs/common'
import { gridRoutes as R, type HandlerArgs } from '@xiangli/shared'
import { Acting, type ActingContext } from '../../../core/auth/current.decorator'
import { Handle, In } from '../../../core/http/route'
import { GridReads } from '../use-cases/grid-reads'
import { GridRegister } from '../use-cases/grid-register'

type Args<K extends keyof typeof R> = HandlerArgs<(typeof R)[K]>

/** 网格: the 两委 divide the village and name grid workers; a grid worker reads their own grid. */
@Controller()
export class GridsController {
  constructor(
    private readonly reads: GridReads,
    private readonly register: GridRegister,
  ) {}

  @Handle(R.list)
  list(@Acting() a: ActingContext) {
    return this.reads.list(a.villageId)
  }
  @Handle(R.households)
  households(@Acting() a: ActingContext) {
    return this.reads.households(a.villageId)
  }
  @Handle(R.mine)
  mine(@Acting() a: ActingContext) {
    return this.reads.mine(a.viewer, a.villageId)
  }
  @Handle(R.myGroup)
  myGroup(@Acting() a: ActingContext) {
    return this.reads.myGroup(a.viewer, a.villageId)
  }
  @Handle(R.detail)
  detail(@Acting() a: ActingContext, @In() i: Args<'detail'>) {
    return this.reads.detail(a.viewer, a.villageId, i.params.id)
  }
  @Handle(R.create)
  create(@Acting() a: ActingContext, @In() i: Args<'create'>) {
    return this.register.create(a.villageId, i.body.name, a.actor)
  }
  @Handle(R.rename)
  rename(@Acting() a: ActingContext, @In() i: Args<'rename'>) {
    return this.register.rename(a.villageId, i.params.id, i.body.name, a.actor)
  }
  @Handle(R.addWorker)
  addWorker(@Acting() a: ActingContext, @In() i: Args<'addWorker'>) {
    return this.register.addWorker(a.villageId, i.params.id, i.body.residentId, a.actor)
  }
  @Handle(R.removeWorker)
  removeWorker(@Acting() a: ActingContext, @In() i: Args<'removeWorker'>) {
    return this.register.removeWorker(a.villageId, i.params.id, i.params.residentId, a.actor)
  }
  @Handle(R.putHouseholds)
  putHouseholds(@Acting() a: ActingContext, @In() i: Args<'putHouseholds'>) {
    return this.register.putHouseholds(a.villageId, i.params.id, i.body, a.actor)
  }
  @Handle(R.releaseHouseholds)
  releaseHouseholds(@Acting() a: ActingContext, @In() i: Args<'releaseHouseholds'>) {
    return this.register.release(a.villageId, i.body.householdIds, a.actor)
  }
}

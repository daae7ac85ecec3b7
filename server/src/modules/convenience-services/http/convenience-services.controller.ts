import { Controller } from '@nestjs/common'
import { convenienceServiceRoutes as R, type HandlerArgs } from '@xiangli/shared'
import { Acting, type ActingContext } from '../../../core/auth/current.decorator'
import { Handle, In } from '../../../core/http/route'
import { RequestReads } from '../use-cases/request-reads'
import { RequestWrites } from '../use-cases/request-writes'
import { ServiceCatalogue } from '../use-cases/service-catalogue'

type Args<K extends keyof typeof R> = HandlerArgs<(typeof R)[K]>

/** 便民服务 in a village: the catalogue, residents' requests, the desk's hand-offs. */
@Controller()
export class ConvenienceServicesController {
  constructor(
    private readonly catalogue: ServiceCatalogue,
    private readonly reads: RequestReads,
    private readonly writes: RequestWrites,
  ) {}

  @Handle(R.catalogue)
  list(@Acting() a: ActingContext) {
    return this.catalogue.offered(a.villageId)
  }
  @Handle(R.apply)
  apply(@Acting() a: ActingContext, @In() i: Args<'apply'>) {
    return this.writes.apply(a, i.body)
  }
  @Handle(R.mine)
  mine(@Acting() a: ActingContext) {
    return this.reads.mine(a.viewer, a.villageId)
  }
  @Handle(R.detail)
  detail(@Acting() a: ActingContext, @In() i: Args<'detail'>) {
    return this.reads.detail(a.viewer, a.villageId, i.params.id)
  }
  @Handle(R.withdraw)
  withdraw(@Acting() a: ActingContext, @In() i: Args<'withdraw'>) {
    return this.writes.withdraw(a, i.params.id)
  }
  @Handle(R.queue)
  queue(@Acting() a: ActingContext, @In() i: Args<'queue'>) {
    return this.reads.queue(a.villageId, i.query)
  }
  @Handle(R.handoff)
  handoff(@Acting() a: ActingContext, @In() i: Args<'handoff'>) {
    return this.writes.handoff(a, i.params.id, i.body)
  }
  @Handle(R.refuse)
  refuse(@Acting() a: ActingContext, @In() i: Args<'refuse'>) {
    return this.writes.refuse(a, i.params.id, i.body.reason)
  }
}

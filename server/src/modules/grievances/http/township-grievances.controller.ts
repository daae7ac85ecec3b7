import { Controller } from '@nestjs/common'
import { grievanceRoutes as R, type HandlerArgs } from '@xiangli/shared'
import { ActingTownship, type TownshipContext } from '../../../core/auth/current.decorator'
import { Handle, In } from '../../../core/http/route'
import { TownshipOversight } from '../use-cases/township-oversight'

type Args<K extends keyof typeof R> = HandlerArgs<(typeof R)[K]>

/** The township's oversight of its villages' issues. */
@Controller()
export class TownshipGrievancesController {
  constructor(private readonly township: TownshipOversight) {}

  @Handle(R.townshipList)
  list(@ActingTownship() t: TownshipContext, @In() i: Args<'townshipList'>) {
    return this.township.list(t, i.query)
  }
  @Handle(R.townshipStats)
  stats(@ActingTownship() t: TownshipContext) {
    return this.township.stats(t)
  }
  @Handle(R.townshipDetail)
  detail(@ActingTownship() t: TownshipContext, @In() i: Args<'townshipDetail'>) {
    return this.township.detail(t, i.params.id)
  }
  @Handle(R.townshipAnswer)
  answer(@ActingTownship() t: TownshipContext, @In() i: Args<'townshipAnswer'>) {
    return this.township.answer(t, i.params.id, i.body)
  }
  @Handle(R.townshipReturn)
  sendBack(@ActingTownship() t: TownshipContext, @In() i: Args<'townshipReturn'>) {
    return this.township.sendBack(t, i.params.id, i.body.instructions)
  }
}

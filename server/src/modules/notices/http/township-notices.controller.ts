import { Controller } from '@nestjs/common'
import { noticeRoutes as R, type HandlerArgs } from '@xiangli/shared'
import { ActingTownship, type TownshipContext } from '../../../core/auth/current.decorator'
import { ClientSignal } from '../../../core/http/client-gone'
import { Handle, In } from '../../../core/http/route'
import { TownshipCalendar } from '../use-cases/township-calendar'
import { TownshipOversight } from '../use-cases/township-oversight'

type Args<K extends keyof typeof R> = HandlerArgs<(typeof R)[K]>

/** The township's oversight of publication in its villages (Art 31): objections, the calendar, integrity. */
@Controller()
export class TownshipNoticesController {
  constructor(
    private readonly township: TownshipOversight,
    private readonly calendars: TownshipCalendar,
  ) {}

  @Handle(R.townshipObjections)
  objections(@ActingTownship() t: TownshipContext, @In() i: Args<'townshipObjections'>) {
    return this.township.objectionList(t, i.query)
  }
  @Handle(R.townshipAnswer)
  answer(@ActingTownship() t: TownshipContext, @In() i: Args<'townshipAnswer'>) {
    return this.township.answer(t, i.params.oid, i.body)
  }
  @Handle(R.townshipCalendar)
  calendar(@ActingTownship() t: TownshipContext, @In() i: Args<'townshipCalendar'>) {
    return this.calendars.page(t, i.query)
  }
  @Handle(R.townshipIntegrity)
  integrity(@ActingTownship() t: TownshipContext, @ClientSignal() signal: AbortSignal) {
    return this.township.integrity(t, signal)
  }
}

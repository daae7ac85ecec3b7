import { Controller } from '@nestjs/common'
import { certificateRoutes as R, type HandlerArgs } from '@xiangli/shared'
import { ActingTownship, type TownshipContext } from '../../../core/auth/current.decorator'
import { Handle, In } from '../../../core/http/route'
import { TownshipCertificateStats } from '../use-cases/township-stats'

type Args<K extends keyof typeof R> = HandlerArgs<(typeof R)[K]>

/** The township's measure: how many certificates its villages issue, per item and year. */
@Controller()
export class TownshipCertificatesController {
  constructor(private readonly township: TownshipCertificateStats) {}

  @Handle(R.townshipStats)
  stats(@ActingTownship() t: TownshipContext, @In() i: Args<'townshipStats'>) {
    return this.township.stats(t, i.query.year)
  }
}

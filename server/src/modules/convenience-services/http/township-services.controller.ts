import { Controller } from '@nestjs/common'
import { convenienceServiceRoutes as R, type HandlerArgs } from '@xiangli/shared'
import { ActingTownship, type TownshipContext } from '../../../core/auth/current.decorator'
import { Handle, In } from '../../../core/http/route'
import { ServiceCatalogue } from '../use-cases/service-catalogue'
import { TownshipServiceStats } from '../use-cases/township-stats'

type Args<K extends keyof typeof R> = HandlerArgs<(typeof R)[K]>

/** The township: counts per service and village, and the county's catalogue it keeps. */
@Controller()
export class TownshipServicesController {
  constructor(
    private readonly stats: TownshipServiceStats,
    private readonly catalogue: ServiceCatalogue,
  ) {}

  @Handle(R.townshipStats)
  counts(@ActingTownship() t: TownshipContext, @In() i: Args<'townshipStats'>) {
    return this.stats.stats(t, i.query.year)
  }
  @Handle(R.townshipCatalogue)
  async list(@ActingTownship() t: TownshipContext) {
    return this.catalogue.all(await this.catalogue.countyOfTownship(t.townshipId))
  }
  @Handle(R.townshipAddItem)
  async add(@ActingTownship() t: TownshipContext, @In() i: Args<'townshipAddItem'>) {
    return this.catalogue.add(t.actor, await this.catalogue.countyOfTownship(t.townshipId), i.body)
  }
  @Handle(R.townshipEditItem)
  async edit(@ActingTownship() t: TownshipContext, @In() i: Args<'townshipEditItem'>) {
    const county = await this.catalogue.countyOfTownship(t.townshipId)
    return this.catalogue.edit(t.actor, county, i.params.code, i.body)
  }
}

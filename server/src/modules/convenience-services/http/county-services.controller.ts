import { Controller } from '@nestjs/common'
import { convenienceServiceRoutes as R, type HandlerArgs } from '@xiangli/shared'
import { actorOf, CurrentPrincipal } from '../../../core/auth/current.decorator'
import type { Principal } from '../../../core/auth/principal'
import { Handle, In } from '../../../core/http/route'
import { ServiceCatalogue } from '../use-cases/service-catalogue'

type Args<K extends keyof typeof R> = HandlerArgs<(typeof R)[K]>

/** The system administrator keeps any county's catalogue of services. */
@Controller()
export class CountyServicesController {
  constructor(private readonly catalogue: ServiceCatalogue) {}

  @Handle(R.countyCatalogue)
  async list(@In() i: Args<'countyCatalogue'>) {
    await this.catalogue.mustBeCounty(i.params.countyId)
    return this.catalogue.all(i.params.countyId)
  }
  @Handle(R.countyAddItem)
  async add(@CurrentPrincipal() p: Principal, @In() i: Args<'countyAddItem'>) {
    await this.catalogue.mustBeCounty(i.params.countyId)
    return this.catalogue.add(actorOf(p, 'system_admin'), i.params.countyId, i.body)
  }
  @Handle(R.countyEditItem)
  async edit(@CurrentPrincipal() p: Principal, @In() i: Args<'countyEditItem'>) {
    await this.catalogue.mustBeCounty(i.params.countyId)
    return this.catalogue.edit(actorOf(p, 'system_admin'), i.params.countyId, i.params.code, i.body)
  }
}

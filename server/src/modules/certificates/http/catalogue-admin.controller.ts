import { Controller } from '@nestjs/common'
import { certificateRoutes as R, type HandlerArgs } from '@xiangli/shared'
import { actorOf, CurrentPrincipal } from '../../../core/auth/current.decorator'
import type { Principal } from '../../../core/auth/principal'
import { Handle, In } from '../../../core/http/route'
import { CertificateCatalogue } from '../use-cases/catalogue'

type Args<K extends keyof typeof R> = HandlerArgs<(typeof R)[K]>

/** System administrators keep the lists: a region's, and each village's own changes. */
@Controller()
export class CatalogueAdminController {
  constructor(private readonly catalogue: CertificateCatalogue) {}

  @Handle(R.overrides)
  overrides(@In() i: Args<'overrides'>) {
    return this.catalogue.overrides(i.params.villageId)
  }
  @Handle(R.putCatalogue)
  putCatalogue(@CurrentPrincipal() p: Principal, @In() i: Args<'putCatalogue'>) {
    return this.catalogue.putVillage(actorOf(p, 'system_admin'), i.params.villageId, i.body)
  }
  @Handle(R.putRegionCatalogue)
  putRegionCatalogue(@CurrentPrincipal() p: Principal, @In() i: Args<'putRegionCatalogue'>) {
    return this.catalogue.putRegion(actorOf(p, 'system_admin'), i.params.region, i.body)
  }
}

import { Controller } from '@nestjs/common'
import { orgRoutes as R, type HandlerArgs } from '@xiangli/shared'
import { Acting, type ActingContext } from '../../../core/auth/current.decorator'
import { Handle, In } from '../../../core/http/route'
import { OrgReads } from '../use-cases/org-reads'
import { VillageSettingsUseCase } from '../use-cases/village-settings'

type Args<K extends keyof typeof R> = HandlerArgs<(typeof R)[K]>

@Controller()
export class OrgsController {
  constructor(
    private readonly reads: OrgReads,
    private readonly settings: VillageSettingsUseCase,
  ) {}

  @Handle(R.villages)
  villages() {
    return this.reads.listVillages()
  }
  @Handle(R.village)
  village(@Acting() a: ActingContext) {
    return this.reads.villageView(a.villageId)
  }
  @Handle(R.updateSettings)
  updateSettings(@Acting() a: ActingContext, @In() i: Args<'updateSettings'>) {
    return this.settings.update(a.villageId, i.body, a.actor)
  }
}

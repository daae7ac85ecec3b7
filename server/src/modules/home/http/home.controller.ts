import { Controller } from '@nestjs/common'
import { homeRoutes as R } from '@xiangli/shared'
import {
  Acting,
  ActingTownship,
  type ActingContext,
  type TownshipContext,
} from '../../../core/auth/current.decorator'
import { Handle } from '../../../core/http/route'
import { TownshipDashboardUseCase } from '../use-cases/township-dashboard'
import { VillageHome } from '../use-cases/village-home'

@Controller()
export class HomeController {
  constructor(
    private readonly home: VillageHome,
    private readonly township: TownshipDashboardUseCase,
  ) {}

  @Handle(R.summary)
  summary(@Acting() a: ActingContext) {
    return this.home.summary(a)
  }

  @Handle(R.townshipDashboard)
  dashboard(@ActingTownship() t: TownshipContext) {
    return this.township.dashboard(t)
  }
}

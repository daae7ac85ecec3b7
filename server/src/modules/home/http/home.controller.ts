import { Controller } from '@nestjs/common'
import { homeRoutes as R } from '@xiangli/shared'
import { Acting, type ActingContext } from '../../../core/auth/current.decorator'
import { Handle } from '../../../core/http/route'
import { VillageHome } from '../use-cases/village-home'

@Controller()
export class HomeController {
  constructor(private readonly home: VillageHome) {}

  @Handle(R.summary)
  summary(@Acting() a: ActingContext) {
    return this.home.summary(a)
  }
}

import { Controller, Get } from '@nestjs/common'
import { Access, ANY_VILLAGE_ROLE } from '../../core/auth/access.decorator'
import { Acting, type ActingContext } from '../../core/auth/current.decorator'
import { HomeService } from './home.service'

@Controller('api/villages/:villageId/home')
export class HomeController {
  constructor(private readonly home: HomeService) {}

  @Get()
  @Access.village(ANY_VILLAGE_ROLE, { township: true })
  summary(@Acting() a: ActingContext) {
    return this.home.summary(a.villageId, a.principal)
  }
}

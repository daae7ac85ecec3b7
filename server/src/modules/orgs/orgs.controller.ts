import { Body, Controller, Get, Param, Put } from '@nestjs/common'
import { villageSettingsSchema, type VillageSettings } from '@xiangli/shared'
import { Access, ANY_VILLAGE_ROLE } from '../../core/auth/access.decorator'
import { Acting, type ActingContext } from '../../core/auth/current.decorator'
import { IdPipe } from '../../core/http/id.pipe'
import { zod } from '../../core/http/zod.pipe'
import { OrgsService } from './orgs.service'

@Controller('api')
export class OrgsController {
  constructor(private readonly orgs: OrgsService) {}

  @Get('orgs/villages')
  @Access.account()
  villages() {
    return this.orgs.listVillages()
  }

  @Get('villages/:villageId')
  @Access.village(ANY_VILLAGE_ROLE, { township: true })
  village(@Param('villageId', IdPipe) villageId: number) {
    return this.orgs.villageView(villageId)
  }

  @Put('villages/:villageId/settings')
  @Access.village(['party_secretary', 'committee_member'], { township: true })
  settings(@Acting() a: ActingContext, @Body(zod(villageSettingsSchema)) body: VillageSettings) {
    return this.orgs.updateSettings(a.villageId, body, a.actor)
  }
}

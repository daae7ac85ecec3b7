import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common'
import { assignRoleSchema, type AssignRoleRequest } from '@xiangli/shared'
import { Access, ANY_VILLAGE_ROLE } from '../../core/auth/access.decorator'
import { Acting, type ActingContext } from '../../core/auth/current.decorator'
import { IdPipe } from '../../core/http/id.pipe'
import { zod } from '../../core/http/zod.pipe'
import { RolesService } from './roles.service'

/** Who holds which post is public within the village; changing it is for the two committees and the township. */
const ROLE_MANAGERS = ['party_secretary', 'committee_member'] as const

@Controller('api/villages/:villageId/roles')
export class RolesController {
  constructor(private readonly roles: RolesService) {}

  @Get()
  @Access.village(ANY_VILLAGE_ROLE, { township: true })
  list(@Acting() a: ActingContext) {
    return this.roles.list(a.villageId)
  }

  @Post()
  @Access.village(ROLE_MANAGERS, { township: true })
  assign(@Acting() a: ActingContext, @Body(zod(assignRoleSchema)) body: AssignRoleRequest) {
    return this.roles.assign(a.villageId, body, a.actor)
  }

  @Delete(':id')
  @Access.village(ROLE_MANAGERS, { township: true })
  remove(@Acting() a: ActingContext, @Param('id', IdPipe) id: number) {
    return this.roles.remove(a.villageId, id, a.actor)
  }
}

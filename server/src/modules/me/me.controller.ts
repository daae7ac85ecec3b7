import { Body, Controller, Get, Patch } from '@nestjs/common'
import { updatePreferencesSchema, type UpdatePreferencesRequest } from '@xiangli/shared'
import { Access } from '../../core/auth/access.decorator'
import { CurrentPrincipal } from '../../core/auth/current.decorator'
import type { Principal } from '../../core/auth/principal'
import { zod } from '../../core/http/zod.pipe'
import { MeService } from './me.service'

@Controller('api/me')
export class MeController {
  constructor(private readonly me: MeService) {}

  @Get()
  @Access.account()
  get(@CurrentPrincipal() p: Principal) {
    return this.me.me(p)
  }

  @Patch('preferences')
  @Access.account()
  preferences(
    @CurrentPrincipal() p: Principal,
    @Body(zod(updatePreferencesSchema)) body: UpdatePreferencesRequest,
  ) {
    return this.me.updatePreferences(p, body)
  }
}

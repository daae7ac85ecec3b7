import { Controller } from '@nestjs/common'
import { meRoutes as R, type HandlerArgs } from '@xiangli/shared'
import { CurrentPrincipal } from '../../../core/auth/current.decorator'
import type { Principal } from '../../../core/auth/principal'
import { Handle, In } from '../../../core/http/route'
import { MyAccount } from '../use-cases/my-account'

type Args<K extends keyof typeof R> = HandlerArgs<(typeof R)[K]>

@Controller()
export class MeController {
  constructor(private readonly account: MyAccount) {}

  @Handle(R.me)
  me(@CurrentPrincipal() p: Principal) {
    return this.account.me(p)
  }
  @Handle(R.updatePreferences)
  updatePreferences(@CurrentPrincipal() p: Principal, @In() i: Args<'updatePreferences'>) {
    return this.account.updatePreferences(p, i.body)
  }
}

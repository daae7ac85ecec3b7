import { Controller } from '@nestjs/common'
import { roleRoutes as R, type HandlerArgs } from '@xiangli/shared'
import { Acting, type ActingContext } from '../../../core/auth/current.decorator'
import { Handle, In } from '../../../core/http/route'
import { RoleRegister } from '../use-cases/role-register'

type Args<K extends keyof typeof R> = HandlerArgs<(typeof R)[K]>

@Controller()
export class RolesController {
  constructor(private readonly register: RoleRegister) {}

  @Handle(R.list)
  list(@Acting() a: ActingContext) {
    return this.register.list(a.villageId)
  }
  @Handle(R.assign)
  assign(@Acting() a: ActingContext, @In() i: Args<'assign'>) {
    return this.register.assign(a.villageId, i.body, a.actor)
  }
  @Handle(R.remove)
  remove(@Acting() a: ActingContext, @In() i: Args<'remove'>) {
    return this.register.remove(a.villageId, i.params.id, a.actor)
  }
}

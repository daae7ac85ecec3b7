import { Controller } from '@nestjs/common'
import { subscriptionsRoutes as R, type HandlerArgs } from '@xiangli/shared'
import { CurrentPrincipal } from '../../../core/auth/current.decorator'
import type { Principal } from '../../../core/auth/principal'
import { Handle, In } from '../../../core/http/route'
import { Subscriptions } from '../use-cases/subscriptions'

@Controller()
export class SubscriptionsController {
  constructor(private readonly subscriptions: Subscriptions) {}

  @Handle(R.templates)
  templates() {
    return this.subscriptions.templates()
  }
  @Handle(R.report)
  report(@CurrentPrincipal() p: Principal, @In() i: HandlerArgs<typeof R.report>) {
    return this.subscriptions.report(p.accountId, i.body)
  }
}

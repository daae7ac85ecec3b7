import { Controller } from '@nestjs/common'
import { auditRoutes as R, type HandlerArgs } from '@xiangli/shared'
import { Acting, type ActingContext } from '../../../core/auth/current.decorator'
import { Handle, In } from '../../../core/http/route'
import { AuditTrail } from '../use-cases/audit-trail'

type Args<K extends keyof typeof R> = HandlerArgs<(typeof R)[K]>

@Controller()
export class AuditLogController {
  constructor(private readonly trail: AuditTrail) {}

  @Handle(R.list)
  list(@Acting() a: ActingContext, @In() i: Args<'list'>) {
    return this.trail.ofVillage(a.villageId, i.query)
  }
  @Handle(R.verify)
  verify() {
    return this.trail.verify()
  }
}

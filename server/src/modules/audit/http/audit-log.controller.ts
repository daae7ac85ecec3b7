import { Controller } from '@nestjs/common'
import { auditRoutes as R, type HandlerArgs } from '@xiangli/shared'
import { Acting, CurrentPrincipal, type ActingContext } from '../../../core/auth/current.decorator'
import type { Principal } from '../../../core/auth/principal'
import { Handle, In } from '../../../core/http/route'
import { AuditTrail } from '../use-cases/audit-trail'
import { VerifyRuns } from '../use-cases/verify-runs'

type Args<K extends keyof typeof R> = HandlerArgs<(typeof R)[K]>

@Controller()
export class AuditLogController {
  constructor(
    private readonly trail: AuditTrail,
    private readonly runs: VerifyRuns,
  ) {}

  @Handle(R.list)
  list(@Acting() a: ActingContext, @In() i: Args<'list'>) {
    return this.trail.ofVillage(a.villageId, i.query)
  }
  @Handle(R.heads)
  heads() {
    return this.trail.heads()
  }
  @Handle(R.startVerify)
  startVerify(@CurrentPrincipal() p: Principal, @In() i: Args<'startVerify'>) {
    return this.runs.start(i.body.mode, p.accountId)
  }
  @Handle(R.verifyRun)
  verifyRun(@In() i: Args<'verifyRun'>) {
    return this.runs.read(i.params.runId)
  }
}

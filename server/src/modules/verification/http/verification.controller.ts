import { Controller } from '@nestjs/common'
import { verificationRoutes as R, type HandlerArgs } from '@xiangli/shared'
import { Acting, CurrentPrincipal, type ActingContext } from '../../../core/auth/current.decorator'
import type { Principal } from '../../../core/auth/principal'
import { Handle, In } from '../../../core/http/route'
import { ClaimDecisions } from '../use-cases/claim-decisions'
import { ClaimReads } from '../use-cases/claim-reads'
import { Claims } from '../use-cases/claims'

type Args<K extends keyof typeof R> = HandlerArgs<(typeof R)[K]>

/** 实名认证: one's own claim, and the 两委's list and decisions. */
@Controller()
export class VerificationController {
  constructor(
    private readonly claims: Claims,
    private readonly reads: ClaimReads,
    private readonly decisions: ClaimDecisions,
  ) {}

  @Handle(R.claim)
  claim(@CurrentPrincipal() p: Principal, @In() i: Args<'claim'>) {
    return this.claims.claim(p, i.body)
  }
  @Handle(R.list)
  list(@Acting() a: ActingContext, @In() i: Args<'list'>) {
    return this.reads.list(a.villageId, i.query)
  }
  @Handle(R.confirm)
  confirm(@Acting() a: ActingContext, @In() i: Args<'confirm'>) {
    return this.decisions.confirm(a, i.params.id)
  }
  @Handle(R.reject)
  reject(@Acting() a: ActingContext, @In() i: Args<'reject'>) {
    return this.decisions.reject(a, i.params.id, i.body.reason)
  }
}

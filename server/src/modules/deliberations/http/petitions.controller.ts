import { Controller } from '@nestjs/common'
import { petitionRoutes as R, type HandlerArgs } from '@xiangli/shared'
import { Acting, type ActingContext } from '../../../core/auth/current.decorator'
import { Handle, In } from '../../../core/http/route'
import { PetitionPaperSheets } from '../use-cases/petition-paper-sheets'
import { PetitionReads } from '../use-cases/petition-reads'
import { PetitionSigning } from '../use-cases/petition-signing'
import { PetitionWithdrawal } from '../use-cases/petition-withdrawal'

type Args<K extends keyof typeof R> = HandlerArgs<(typeof R)[K]>

/**
 * 联名提议: residents start and co-sign petitions for a meeting. The 两委 turn a reached one into a
 * deliberation with the deliberations' create route (`source: { kind: 'petition', petitionId }`).
 */
@Controller()
export class PetitionsController {
  constructor(
    private readonly reads: PetitionReads,
    private readonly signing: PetitionSigning,
    private readonly withdrawal: PetitionWithdrawal,
    private readonly paper: PetitionPaperSheets,
  ) {}

  @Handle(R.create)
  create(@Acting() a: ActingContext, @In() i: Args<'create'>) {
    return this.signing.create(a, i.body)
  }
  @Handle(R.list)
  list(@Acting() a: ActingContext, @In() i: Args<'list'>) {
    return this.reads.list(a, i.query)
  }
  @Handle(R.detail)
  detail(@Acting() a: ActingContext, @In() i: Args<'detail'>) {
    return this.reads.detail(a, i.params.id)
  }
  @Handle(R.sign)
  sign(@Acting() a: ActingContext, @In() i: Args<'sign'>) {
    return this.signing.sign(a, i.params.id)
  }
  @Handle(R.recordPaperSheet)
  recordPaperSheet(@Acting() a: ActingContext, @In() i: Args<'recordPaperSheet'>) {
    return this.paper.record(a, i.params.id, i.body)
  }
  @Handle(R.withdraw)
  withdraw(@Acting() a: ActingContext, @In() i: Args<'withdraw'>) {
    return this.withdrawal.withdraw(a, i.params.id)
  }
}

import { Controller } from '@nestjs/common'
import { pollRoutes as R, type HandlerArgs } from '@xiangli/shared'
import { Acting, type ActingContext } from '../../../core/auth/current.decorator'
import { Handle, In } from '../../../core/http/route'
import { IdempotencyKey, IdempotentInTransaction } from '../../../core/idempotency/idempotency-key'
import { PollReads } from '../use-cases/poll-reads'
import { PollWrites } from '../use-cases/poll-writes'

type Args<K extends keyof typeof R> = HandlerArgs<(typeof R)[K]>

/** 问卷 / 意见征集: the 两委 ask, residents answer once, everyone sees counts only. */
@Controller()
export class PollsController {
  constructor(
    private readonly reads: PollReads,
    private readonly writes: PollWrites,
  ) {}

  @Handle(R.list)
  list(@Acting() a: ActingContext) {
    return this.reads.list(a.viewer, a.villageId)
  }
  @Handle(R.detail)
  detail(@Acting() a: ActingContext, @In() i: Args<'detail'>) {
    return this.reads.one(a.viewer, a.villageId, i.params.id)
  }
  @Handle(R.create)
  create(@Acting() a: ActingContext, @In() i: Args<'create'>) {
    return this.writes.create(a, i.body)
  }
  @Handle(R.answer)
  @IdempotentInTransaction()
  answer(@Acting() a: ActingContext, @In() i: Args<'answer'>, @IdempotencyKey() key: string | null) {
    return this.writes.answer(a, i.params.id, i.body, key)
  }
  @Handle(R.close)
  close(@Acting() a: ActingContext, @In() i: Args<'close'>) {
    return this.writes.close(a, i.params.id)
  }
}

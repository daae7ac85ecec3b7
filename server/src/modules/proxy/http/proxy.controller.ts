import { Controller } from '@nestjs/common'
import { proxyRoutes as R, type HandlerArgs } from '@xiangli/shared'
import { Acting, type ActingContext } from '../../../core/auth/current.decorator'
import { Handle, In } from '../../../core/http/route'
import { ProxyCandidates } from '../use-cases/proxy-candidates'

type Args<K extends keyof typeof R> = HandlerArgs<(typeof R)[K]>

/** 代办: choosing the resident to act for. */
@Controller()
export class ProxyController {
  constructor(private readonly candidates: ProxyCandidates) {}

  @Handle(R.candidates)
  list(@Acting() a: ActingContext, @In() i: Args<'candidates'>) {
    return this.candidates.list(a, i.query)
  }
}

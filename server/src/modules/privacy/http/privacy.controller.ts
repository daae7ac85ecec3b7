import { Controller, Res } from '@nestjs/common'
import type { FastifyReply } from 'fastify'
import { PRIVACY_GUIDE, privacyRoutes as R, type HandlerArgs } from '@xiangli/shared'
import { CurrentPrincipal } from '../../../core/auth/current.decorator'
import type { Principal } from '../../../core/auth/principal'
import { sendFile } from '../../../core/http/file-reply'
import { Handle, In } from '../../../core/http/route'
import { Consents } from '../use-cases/consents'
import { DataDeletion } from '../use-cases/data-deletion'
import { MyData } from '../use-cases/my-data'

type Args<K extends keyof typeof R> = HandlerArgs<(typeof R)[K]>

@Controller()
export class PrivacyController {
  constructor(
    private readonly consents: Consents,
    private readonly myData: MyData,
    private readonly deletion: DataDeletion,
  ) {}

  @Handle(R.guide)
  guide() {
    return PRIVACY_GUIDE
  }
  @Handle(R.status)
  status(@CurrentPrincipal() p: Principal) {
    return this.consents.status(p.accountId)
  }
  @Handle(R.consent)
  consent(@CurrentPrincipal() p: Principal, @In() i: Args<'consent'>) {
    return this.consents.consent(p, i.body)
  }
  @Handle(R.myData)
  overview(@CurrentPrincipal() p: Principal) {
    return this.myData.overview(p.accountId)
  }
  @Handle(R.exportMyData)
  async exportMyData(@CurrentPrincipal() p: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    return sendFile(reply, await this.myData.exportFile(p.accountId))
  }
  @Handle(R.requestDeletion)
  requestDeletion(@CurrentPrincipal() p: Principal) {
    return this.deletion.request(p)
  }
  @Handle(R.pendingDeletions)
  pendingDeletions() {
    return this.deletion.pending()
  }
  @Handle(R.processDeletion)
  processDeletion(@CurrentPrincipal() p: Principal, @In() i: Args<'processDeletion'>) {
    return this.deletion.process(p, i.params.id)
  }
}

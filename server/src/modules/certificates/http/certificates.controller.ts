import { Controller, Res } from '@nestjs/common'
import type { FastifyReply } from 'fastify'
import { certificateRoutes as R, type HandlerArgs } from '@xiangli/shared'
import { Acting, type ActingContext } from '../../../core/auth/current.decorator'
import { sendFile } from '../../../core/http/file-reply'
import { Handle, In } from '../../../core/http/route'
import { CertificateApproval } from '../use-cases/approval'
import { CertificateCatalogue } from '../use-cases/catalogue'
import { CertificateIssuing } from '../use-cases/issuing'
import { CertificateReads } from '../use-cases/request-reads'
import { ResidentRequests } from '../use-cases/resident-requests'
import { CertificateRevocation } from '../use-cases/revocation'
import { SealRegister } from '../use-cases/seal-register'

type Args<K extends keyof typeof R> = HandlerArgs<(typeof R)[K]>

/** 出具证明 in one village: the catalogue, residents' requests, the committee's decisions, the register. */
@Controller()
export class CertificatesController {
  constructor(
    private readonly catalogue: CertificateCatalogue,
    private readonly residents: ResidentRequests,
    private readonly reads: CertificateReads,
    private readonly approval: CertificateApproval,
    private readonly issuing: CertificateIssuing,
    private readonly revocation: CertificateRevocation,
    private readonly register: SealRegister,
  ) {}

  // ---------- the catalogue ----------
  @Handle(R.catalogue)
  readCatalogue(@Acting() a: ActingContext) {
    return this.catalogue.view(a.villageId)
  }
  @Handle(R.search)
  search(@Acting() a: ActingContext, @In() i: Args<'search'>) {
    return this.catalogue.search(a.villageId, i.query.q)
  }

  // ---------- residents ----------
  @Handle(R.apply)
  apply(@Acting() a: ActingContext, @In() i: Args<'apply'>) {
    return this.residents.apply(a, i.body)
  }
  @Handle(R.mine)
  mine(@Acting() a: ActingContext, @In() i: Args<'mine'>) {
    return this.reads.mine(a.viewer, a.villageId, i.query)
  }
  @Handle(R.detail)
  detail(@Acting() a: ActingContext, @In() i: Args<'detail'>) {
    return this.reads.detail(a.viewer, a.villageId, i.params.id)
  }
  @Handle(R.pdf)
  async pdf(
    @Acting() a: ActingContext,
    @In() i: Args<'pdf'>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendFile(reply, await this.issuing.pdf(a.viewer, a.villageId, i.params.id))
  }
  @Handle(R.pageImage)
  async pageImage(
    @Acting() a: ActingContext,
    @In() i: Args<'pageImage'>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendFile(reply, await this.issuing.pageImage(a.viewer, a.villageId, i.params.id))
  }
  @Handle(R.resubmit)
  resubmit(@Acting() a: ActingContext, @In() i: Args<'resubmit'>) {
    return this.residents.resubmit(a, i.params.id, i.body)
  }
  @Handle(R.withdraw)
  withdraw(@Acting() a: ActingContext, @In() i: Args<'withdraw'>) {
    return this.residents.withdraw(a, i.params.id)
  }

  // ---------- committee ----------
  @Handle(R.queue)
  queue(@Acting() a: ActingContext, @In() i: Args<'queue'>) {
    return this.reads.queue(a.villageId, i.query)
  }
  @Handle(R.approve)
  approve(@Acting() a: ActingContext, @In() i: Args<'approve'>) {
    return this.approval.approve(a, i.params.id)
  }
  @Handle(R.refuse)
  refuse(@Acting() a: ActingContext, @In() i: Args<'refuse'>) {
    return this.approval.refuse(a, i.params.id, i.body.reason)
  }
  @Handle(R.requestInfo)
  requestInfo(@Acting() a: ActingContext, @In() i: Args<'requestInfo'>) {
    return this.approval.requestInfo(a, i.params.id, i.body.message)
  }
  @Handle(R.revoke)
  revoke(@Acting() a: ActingContext, @In() i: Args<'revoke'>) {
    return this.revocation.revoke(a, i.params.id, i.body.reason)
  }

  // ---------- the seal-use register (用印登记) ----------
  @Handle(R.sealRegister)
  sealRegister(@Acting() a: ActingContext, @In() i: Args<'sealRegister'>) {
    return this.register.lines(a.villageId, i.query)
  }
  @Handle(R.sealRegisterXlsx)
  async sealRegisterXlsx(
    @Acting() a: ActingContext,
    @In() i: Args<'sealRegisterXlsx'>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendFile(reply, await this.register.xlsx(a.villageId, i.query))
  }
}

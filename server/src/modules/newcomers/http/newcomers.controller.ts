import { Controller } from '@nestjs/common'
import { newcomerRoutes as R, type HandlerArgs } from '@xiangli/shared'
import { Acting, CurrentPrincipal, type ActingContext } from '../../../core/auth/current.decorator'
import type { Principal } from '../../../core/auth/principal'
import { Handle, In } from '../../../core/http/route'
import { Upload, type UploadedFile } from '../../../core/http/upload.decorator'
import { ApplicationDecisions } from '../use-cases/application-decisions'
import { ApplicationReads } from '../use-cases/application-reads'
import { Applications } from '../use-cases/applications'
import { ResidenceKeeping } from '../use-cases/residence'

type Args<K extends keyof typeof R> = HandlerArgs<(typeof R)[K]>

/** 流动人口 / 非户籍居民: applying to the roster, the 两委's decisions, and the residence they keep on it. */
@Controller()
export class NewcomersController {
  constructor(
    private readonly applications: Applications,
    private readonly reads: ApplicationReads,
    private readonly decisions: ApplicationDecisions,
    private readonly residence: ResidenceKeeping,
  ) {}

  @Handle(R.uploadProof)
  uploadProof(
    @CurrentPrincipal() p: Principal,
    @In() i: Args<'uploadProof'>,
    @Upload(R.uploadProof.upload) file: UploadedFile,
  ) {
    return this.applications.uploadProof(p, i.params.villageId, file)
  }
  @Handle(R.apply)
  apply(@CurrentPrincipal() p: Principal, @In() i: Args<'apply'>) {
    return this.applications.apply(p, i.body)
  }
  @Handle(R.mine)
  mine(@CurrentPrincipal() p: Principal) {
    return this.applications.mine(p)
  }
  @Handle(R.list)
  list(@Acting() a: ActingContext, @In() i: Args<'list'>) {
    return this.reads.queue(a.villageId, i.query.state)
  }
  @Handle(R.approve)
  approve(@Acting() a: ActingContext, @In() i: Args<'approve'>) {
    return this.decisions.approve(a, i.params.id)
  }
  @Handle(R.refuse)
  refuse(@Acting() a: ActingContext, @In() i: Args<'refuse'>) {
    return this.decisions.refuse(a, i.params.id, i.body.reason)
  }
  @Handle(R.setResidence)
  setResidence(@Acting() a: ActingContext, @In() i: Args<'setResidence'>) {
    return this.residence.setResidence(a, i.params.id, i.body)
  }
  @Handle(R.setTakesPart)
  setTakesPart(@Acting() a: ActingContext, @In() i: Args<'setTakesPart'>) {
    return this.residence.setTakesPart(a, i.params.id, i.body.takesPart)
  }
  @Handle(R.admit)
  admit(@Acting() a: ActingContext, @In() i: Args<'admit'>) {
    return this.residence.admit(a, i.params.id, i.body)
  }
  @Handle(R.withdrawAdmission)
  withdrawAdmission(@Acting() a: ActingContext, @In() i: Args<'withdrawAdmission'>) {
    return this.residence.withdrawAdmission(a, i.params.id)
  }
  @Handle(R.settings)
  settings(@Acting() a: ActingContext) {
    return this.residence.settings(a.villageId)
  }
  @Handle(R.saveSettings)
  saveSettings(@Acting() a: ActingContext, @In() i: Args<'saveSettings'>) {
    return this.residence.saveSettings(a, i.body)
  }
}

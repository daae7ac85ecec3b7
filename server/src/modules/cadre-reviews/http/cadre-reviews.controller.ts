import { Controller } from '@nestjs/common'
import { cadreReviewRoutes as R, type HandlerArgs } from '@xiangli/shared'
import {
  Acting,
  ActingTownship,
  type ActingContext,
  type TownshipContext,
} from '../../../core/auth/current.decorator'
import { Handle, In } from '../../../core/http/route'
import { ReviewClose } from '../use-cases/review-close'
import { ReviewMeeting } from '../use-cases/review-meeting'
import { ReviewReads } from '../use-cases/review-reads'
import { ReviewRegister } from '../use-cases/review-register'

type Args<K extends keyof typeof R> = HandlerArgs<(typeof R)[K]>

/** 民主评议 (routes: shared/src/contract/cadre-reviews.ts). */
@Controller()
export class CadreReviewsController {
  constructor(
    private readonly reads: ReviewReads,
    private readonly register: ReviewRegister,
    private readonly meeting: ReviewMeeting,
    private readonly closing: ReviewClose,
  ) {}

  @Handle(R.list)
  list(@Acting() a: ActingContext) {
    return this.reads.list(a)
  }
  @Handle(R.detail)
  detail(@Acting() a: ActingContext, @In() i: Args<'detail'>) {
    return this.reads.detail(a, i.params.id)
  }
  @Handle(R.open)
  open(@Acting() a: ActingContext, @In() i: Args<'open'>) {
    return this.register.open(a, i.body)
  }
  @Handle(R.addSubject)
  addSubject(@Acting() a: ActingContext, @In() i: Args<'addSubject'>) {
    return this.register.addSubject(a, i.params.id, i.body)
  }
  @Handle(R.removeSubject)
  removeSubject(@Acting() a: ActingContext, @In() i: Args<'removeSubject'>) {
    return this.register.removeSubject(a, i.params.id, i.params.subjectId)
  }
  @Handle(R.report)
  report(@Acting() a: ActingContext, @In() i: Args<'report'>) {
    return this.register.report(a, i.params.id, i.params.subjectId, i.body)
  }
  @Handle(R.schedule)
  schedule(@Acting() a: ActingContext, @In() i: Args<'schedule'>) {
    return this.meeting.schedule(a, i.params.id, i.body)
  }
  @Handle(R.openMeeting)
  openMeeting(@Acting() a: ActingContext, @In() i: Args<'openMeeting'>) {
    return this.meeting.openMeeting(a, i.params.id)
  }
  @Handle(R.checkIn)
  checkIn(@Acting() a: ActingContext, @In() i: Args<'checkIn'>) {
    return this.meeting.checkIn(a, i.params.id)
  }
  @Handle(R.paperSignIn)
  paperSignIn(@Acting() a: ActingContext, @In() i: Args<'paperSignIn'>) {
    return this.meeting.paperSignIn(a, i.params.id, i.body)
  }
  @Handle(R.vote)
  vote(@Acting() a: ActingContext, @In() i: Args<'vote'>) {
    return this.meeting.vote(a, i.params.id, i.body)
  }
  @Handle(R.close)
  close(@Acting() a: ActingContext, @In() i: Args<'close'>) {
    return this.closing.close(a, i.params.id, i.body)
  }
  @Handle(R.township)
  township(@ActingTownship() t: TownshipContext) {
    return this.reads.township(t)
  }
}

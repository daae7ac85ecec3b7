import { Controller } from '@nestjs/common'
import { noticeRoutes as R, type HandlerArgs } from '@xiangli/shared'
import { Acting, type ActingContext } from '../../../core/auth/current.decorator'
import { Handle, In } from '../../../core/http/route'
import { Acknowledgements } from '../use-cases/acknowledgements'
import { NoticeCalendar } from '../use-cases/notice-calendar'
import { NoticeDrafts } from '../use-cases/notice-drafts'
import { NoticePublication } from '../use-cases/notice-publication'
import { NoticeReads } from '../use-cases/notice-reads'
import { ObjectionReads } from '../use-cases/objection-reads'
import { Objections } from '../use-cases/objections'
import { SupervisionReview } from '../use-cases/supervision-review'

type Args<K extends keyof typeof R> = HandlerArgs<(typeof R)[K]>

/** 村务公开 in one village: the 两委 publish, the supervision committee reviews, residents read and object. */
@Controller()
export class NoticesController {
  constructor(
    private readonly reads: NoticeReads,
    private readonly drafts: NoticeDrafts,
    private readonly publication: NoticePublication,
    private readonly review: SupervisionReview,
    private readonly objections: Objections,
    private readonly objectionReads: ObjectionReads,
    private readonly acks: Acknowledgements,
    private readonly calendar: NoticeCalendar,
  ) {}

  // ---------- reading ----------
  @Handle(R.feed)
  feed(@Acting() a: ActingContext, @In() i: Args<'feed'>) {
    return this.reads.feed(a, i.query)
  }
  @Handle(R.unread)
  unread(@Acting() a: ActingContext) {
    return this.reads.unreadCounts(a)
  }
  @Handle(R.readAll)
  readAll(@Acting() a: ActingContext) {
    return this.reads.readAll(a)
  }
  @Handle(R.manage)
  manage(@Acting() a: ActingContext, @In() i: Args<'manage'>) {
    return this.reads.manage(a, i.query)
  }
  @Handle(R.detail)
  detail(@Acting() a: ActingContext, @In() i: Args<'detail'>) {
    return this.reads.detail(a, i.params.id)
  }

  // ---------- the 两委 ----------
  @Handle(R.create)
  create(@Acting() a: ActingContext, @In() i: Args<'create'>) {
    return this.drafts.create(a, i.body)
  }
  @Handle(R.edit)
  edit(@Acting() a: ActingContext, @In() i: Args<'edit'>) {
    return this.drafts.edit(a, i.params.id, i.body)
  }
  @Handle(R.submit)
  submit(@Acting() a: ActingContext, @In() i: Args<'submit'>) {
    return this.review.submit(a, i.params.id)
  }
  @Handle(R.publish)
  publish(@Acting() a: ActingContext, @In() i: Args<'publish'>) {
    return this.publication.publish(a, i.params.id, i.body)
  }
  @Handle(R.pin)
  pin(@Acting() a: ActingContext, @In() i: Args<'pin'>) {
    return this.publication.pin(a, i.params.id, i.body.pinned)
  }
  @Handle(R.correct)
  correct(@Acting() a: ActingContext, @In() i: Args<'correct'>) {
    return this.publication.correct(a, i.params.id, i.body)
  }
  @Handle(R.acks)
  acksOf(@Acting() a: ActingContext, @In() i: Args<'acks'>) {
    return this.acks.report(a, i.params.id)
  }

  // ---------- the supervision committee ----------
  @Handle(R.review)
  reviewDraft(@Acting() a: ActingContext, @In() i: Args<'review'>) {
    return this.review.review(a, i.params.id, i.body)
  }
  @Handle(R.opinion)
  opinion(@Acting() a: ActingContext, @In() i: Args<'opinion'>) {
    return this.review.opinion(a, i.params.id, i.body.opinion)
  }

  // ---------- residents ----------
  @Handle(R.object)
  object(@Acting() a: ActingContext, @In() i: Args<'object'>) {
    return this.objections.object(a, i.params.id, i.body)
  }
  @Handle(R.objections)
  objectionsOf(@Acting() a: ActingContext, @In() i: Args<'objections'>) {
    return this.objectionReads.ofNotice(a, i.params.id)
  }
  @Handle(R.ack)
  ack(@Acting() a: ActingContext, @In() i: Args<'ack'>) {
    return this.acks.acknowledge(a, i.params.id)
  }

  // ---------- objections ----------
  @Handle(R.objectionQueue)
  objectionQueue(@Acting() a: ActingContext, @In() i: Args<'objectionQueue'>) {
    return this.objectionReads.queue(a, i.query)
  }
  @Handle(R.myObjections)
  myObjections(@Acting() a: ActingContext, @In() i: Args<'myObjections'>) {
    return this.objectionReads.mine(a, i.query)
  }
  @Handle(R.answer)
  answer(@Acting() a: ActingContext, @In() i: Args<'answer'>) {
    return this.objections.answer(a, i.params.oid, i.body)
  }
  @Handle(R.accept)
  accept(@Acting() a: ActingContext, @In() i: Args<'accept'>) {
    return this.objections.accept(a, i.params.oid)
  }
  @Handle(R.escalate)
  escalate(@Acting() a: ActingContext, @In() i: Args<'escalate'>) {
    return this.objections.escalate(a, i.params.oid, i.body.reason)
  }

  // ---------- the calendar ----------
  @Handle(R.calendar)
  villageCalendar(@Acting() a: ActingContext) {
    return this.calendar.calendar(a.villageId)
  }
  @Handle(R.settings)
  settings(@Acting() a: ActingContext) {
    return this.calendar.settings(a.villageId)
  }
  @Handle(R.updateSettings)
  updateSettings(@Acting() a: ActingContext, @In() i: Args<'updateSettings'>) {
    return this.calendar.updateSettings(a, i.body)
  }
}

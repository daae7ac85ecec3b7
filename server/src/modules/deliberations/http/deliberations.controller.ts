import { Controller } from '@nestjs/common'
import { deliberationRoutes as R, type HandlerArgs } from '@xiangli/shared'
import { Acting, type ActingContext } from '../../../core/auth/current.decorator'
import { Handle, In } from '../../../core/http/route'
import { IdempotencyKey, IdempotentInTransaction } from '../../../core/idempotency/idempotency-key'
import { Ballots } from '../use-cases/ballots'
import { CheckIns } from '../use-cases/check-ins'
import { DeliberationDrafting } from '../use-cases/deliberation-drafting'
import { DeliberationReads } from '../use-cases/deliberation-reads'
import { MeetingClose } from '../use-cases/meeting-close'
import { MeetingReads } from '../use-cases/meeting-reads'
import { MeetingRecords } from '../use-cases/meeting-records'
import { MeetingScheduling } from '../use-cases/meeting-scheduling'
import { MeetingVoid } from '../use-cases/meeting-void'
import { Publication } from '../use-cases/publication'
import { Solicitation } from '../use-cases/solicitation'

type Args<K extends keyof typeof R> = HandlerArgs<(typeof R)[K]>

/**
 * 四议两公开 / 一征三议两公开 in one village (routes: shared/src/contract/deliberations.ts). The meeting
 * notice (preview, reschedule, paper notice) and 联名提议 have controllers of their own.
 */
@Controller()
export class DeliberationsController {
  constructor(
    private readonly reads: DeliberationReads,
    private readonly drafting: DeliberationDrafting,
    private readonly solicitation: Solicitation,
    private readonly scheduling: MeetingScheduling,
    private readonly meetingReads: MeetingReads,
    private readonly checkIns: CheckIns,
    private readonly ballots: Ballots,
    private readonly closing: MeetingClose,
    private readonly voiding: MeetingVoid,
    private readonly records: MeetingRecords,
    private readonly publication: Publication,
  ) {}

  // ---------- deliberations ----------
  @Handle(R.create)
  create(@Acting() a: ActingContext, @In() i: Args<'create'>) {
    return this.drafting.create(a, i.body)
  }
  @Handle(R.list)
  list(@Acting() a: ActingContext, @In() i: Args<'list'>) {
    return this.reads.list(a, i.query)
  }
  @Handle(R.settings)
  settings(@Acting() a: ActingContext) {
    return this.drafting.settings(a)
  }
  @Handle(R.updateSettings)
  updateSettings(@Acting() a: ActingContext, @In() i: Args<'updateSettings'>) {
    return this.drafting.updateSettings(a, i.body)
  }
  @Handle(R.townshipOfficials)
  townshipOfficials(@Acting() a: ActingContext) {
    return this.records.townshipOfficials(a)
  }
  @Handle(R.detail)
  detail(@Acting() a: ActingContext, @In() i: Args<'detail'>) {
    return this.reads.detail(a, i.params.id)
  }
  @Handle(R.reject)
  reject(@Acting() a: ActingContext, @In() i: Args<'reject'>) {
    return this.drafting.reject(a, i.params.id, i.body)
  }

  // ---------- 一征 ----------
  @Handle(R.openSolicitation)
  openSolicitation(@Acting() a: ActingContext, @In() i: Args<'openSolicitation'>) {
    return this.solicitation.open(a, i.params.id, i.body)
  }
  @Handle(R.submitOpinion)
  submitOpinion(@Acting() a: ActingContext, @In() i: Args<'submitOpinion'>) {
    return this.solicitation.submit(a, i.params.id, i.body)
  }
  @Handle(R.opinions)
  opinions(@Acting() a: ActingContext, @In() i: Args<'opinions'>) {
    return this.solicitation.list(a, i.params.id, i.query)
  }
  @Handle(R.postSummary)
  postSummary(@Acting() a: ActingContext, @In() i: Args<'postSummary'>) {
    return this.solicitation.postSummary(a, i.params.id, i.body)
  }

  // ---------- meetings ----------
  @Handle(R.schedule)
  schedule(@Acting() a: ActingContext, @In() i: Args<'schedule'>) {
    return this.scheduling.schedule(a, i.params.id, i.body)
  }
  @Handle(R.meeting)
  meeting(@Acting() a: ActingContext, @In() i: Args<'meeting'>) {
    return this.meetingReads.meetingView(a, i.params.id, i.params.meetingId)
  }
  @Handle(R.open)
  open(@Acting() a: ActingContext, @In() i: Args<'open'>) {
    return this.scheduling.open(a, i.params.id, i.params.meetingId)
  }
  @Handle(R.cancel)
  cancel(@Acting() a: ActingContext, @In() i: Args<'cancel'>) {
    return this.scheduling.cancel(a, i.params.id, i.params.meetingId, i.body)
  }
  @Handle(R.voidVote)
  voidVote(@Acting() a: ActingContext, @In() i: Args<'voidVote'>) {
    return this.voiding.voidVote(a, i.params.id, i.params.meetingId, i.body)
  }
  @Handle(R.checkIn)
  @IdempotentInTransaction()
  checkIn(@Acting() a: ActingContext, @In() i: Args<'checkIn'>, @IdempotencyKey() key: string | null) {
    return this.checkIns.checkIn(a, i.params.id, i.params.meetingId, key)
  }
  @Handle(R.paperSignIn)
  paperSignIn(@Acting() a: ActingContext, @In() i: Args<'paperSignIn'>) {
    return this.checkIns.paperSignIn(a, i.params.id, i.params.meetingId, i.body)
  }
  @Handle(R.quorum)
  quorum(@Acting() a: ActingContext, @In() i: Args<'quorum'>) {
    return this.meetingReads.quorum(a, i.params.id, i.params.meetingId)
  }
  @Handle(R.vote)
  @IdempotentInTransaction()
  vote(@Acting() a: ActingContext, @In() i: Args<'vote'>, @IdempotencyKey() key: string | null) {
    return this.ballots.cast(a, i.params.id, i.params.meetingId, i.body, key)
  }
  @Handle(R.close)
  close(@Acting() a: ActingContext, @In() i: Args<'close'>) {
    return this.closing.close(a, i.params.id, i.params.meetingId, i.body)
  }
  @Handle(R.addMinutes)
  addMinutes(@Acting() a: ActingContext, @In() i: Args<'addMinutes'>) {
    return this.records.addMinutes(a, i.params.id, i.params.meetingId, i.body)
  }
  @Handle(R.attach)
  attach(@Acting() a: ActingContext, @In() i: Args<'attach'>) {
    return this.records.attach(a, i.params.id, i.params.meetingId, i.body)
  }
  @Handle(R.addTownshipAttendee)
  addTownshipAttendee(@Acting() a: ActingContext, @In() i: Args<'addTownshipAttendee'>) {
    return this.records.addTownshipAttendee(a, i.params.id, i.params.meetingId, i.body)
  }

  // ---------- 两公开 ----------
  @Handle(R.publish)
  publish(@Acting() a: ActingContext, @In() i: Args<'publish'>) {
    return this.publication.publish(a, i.params.id, i.body)
  }
  @Handle(R.supervisionOpinion)
  supervisionOpinion(@Acting() a: ActingContext, @In() i: Args<'supervisionOpinion'>) {
    return this.publication.giveOpinion(a, i.params.id, i.params.noticeId, i.body)
  }
}

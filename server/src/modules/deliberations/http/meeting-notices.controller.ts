import { Controller } from '@nestjs/common'
import { meetingNoticeRoutes as R, type HandlerArgs } from '@xiangli/shared'
import { Acting, type ActingContext } from '../../../core/auth/current.decorator'
import { Handle, In } from '../../../core/http/route'
import { DeliberationsService } from '../deliberations.service'
import { MeetingNoticePreview } from '../use-cases/meeting-notice-preview'
import { MeetingNoticeReschedule } from '../use-cases/meeting-notice-reschedule'
import { MeetingNoticePaper } from '../use-cases/meeting-notice-paper'

type Args<K extends keyof typeof R> = HandlerArgs<(typeof R)[K]>

/** The notice of a meeting: the schedule form's preview, a new time, the paper notice confirmed. */
@Controller()
export class MeetingNoticesController {
  constructor(
    private readonly previews: MeetingNoticePreview,
    private readonly reschedules: MeetingNoticeReschedule,
    private readonly paper: MeetingNoticePaper,
    private readonly deliberations: DeliberationsService,
  ) {}

  @Handle(R.preview)
  preview(@Acting() a: ActingContext, @In() i: Args<'preview'>) {
    return this.previews.preview(a, i.params.id, i.query.body)
  }
  @Handle(R.reschedule)
  async reschedule(@Acting() a: ActingContext, @In() i: Args<'reschedule'>) {
    await this.reschedules.reschedule(a, i.params.id, i.params.meetingId, i.body)
    return this.deliberations.detail(a, i.params.id)
  }
  @Handle(R.confirmPaperNotice)
  async confirmPaperNotice(@Acting() a: ActingContext, @In() i: Args<'confirmPaperNotice'>) {
    await this.paper.confirm(a, i.params.id, i.params.meetingId)
    return this.deliberations.meetingView(a, i.params.id, i.params.meetingId)
  }
}

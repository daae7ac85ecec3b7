import { Injectable } from '@nestjs/common'
import { DELIBERATION_BODY_LABELS, deliberationMeetingPage, type MeetingReschedule } from '@xiangli/shared'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { Clock } from '../../../core/clock/clock'
import { AppException } from '../../../core/errors/app.exception'
import { TxService } from '../../../core/tx/tx.service'
import { NotifyService } from '../../inbox/notify.service'
import { DeliberationStore, meetingDay } from '../deliberation-store'
import { MeetingNoticesRepository } from '../meeting-notices.repository'
import { MeetingNoticePreview } from './meeting-notice-preview'

/**
 * A new time for a meeting not held: the one waiting to open, or one that lapsed. It is a fresh
 * notice published now, so the notice days count again from now and a paper notice of the old time
 * no longer counts; everyone on the frozen list is told.
 */
@Injectable()
export class MeetingNoticeReschedule {
  constructor(
    private readonly repo: MeetingNoticesRepository,
    private readonly store: DeliberationStore,
    private readonly preview: MeetingNoticePreview,
    private readonly tx: TxService,
    private readonly notify: NotifyService,
    private readonly clock: Clock,
  ) {}

  async reschedule(a: ActingContext, id: number, meetingId: number, body: MeetingReschedule): Promise<void> {
    await this.tx.run(async (m) => {
      const d = await this.store.find(m, a.villageId, id, true)
      const meeting = await this.store.meeting(m, d, meetingId, true)
      if (meeting.status === 'in_session') throw new AppException('DELIBERATION_MEETING_IN_SESSION')
      if (meeting.status === 'closed') throw new AppException('DELIBERATION_RESULT_FINAL')
      if (meeting.status === 'cancelled' || meeting.status === 'voided')
        throw new AppException('DELIBERATION_MEETING_NOT_SCHEDULED')
      if ((await this.repo.checkIns(m, meeting.id)) > 0)
        throw new AppException('DELIBERATION_MEETING_HAS_CHECK_INS')
      const now = this.clock.now()
      const before = { meetingAt: meeting.meetingAt.toISOString(), noticeAt: meeting.noticeAt.toISOString() }
      const after = {
        meetingId: meeting.id,
        meetingAt: body.meetingAt.toISOString(),
        noticeAt: now.toISOString(),
      }
      const common = {
        step: body.step,
        meetingAt: body.meetingAt,
        noticeAt: now,
        agendaPublished: body.agendaPublished,
        planSent: body.planSent,
      }
      // a lapsed meeting left the step waiting for a meeting: it is noticed as one again
      await this.store.apply(
        m,
        d,
        meeting.status === 'lapsed'
          ? { ...common, type: 'schedule_meeting', body: meeting.body, ballot: meeting.ballot }
          : { ...common, type: 'reschedule_meeting', ...(body.reason ? { reason: body.reason } : {}) },
        {
          actor: a.actor,
          roles: a.viewer.rolesIn(a.villageId),
          now,
          action: 'deliberation.meeting_rescheduled',
          after: { ...after, before },
        },
      )
      const location = body.location ?? meeting.location
      await this.repo.updateMeeting(m, meeting.id, {
        status: 'scheduled',
        meetingAt: body.meetingAt,
        noticeAt: now,
        location,
        checkInLeadMinutes: await this.preview.checkInLeadMinutes(m, d.villageId),
        paperNoticeAt: null,
        paperNoticeByAccountId: null,
        paperNoticeByName: null,
        paperNoticeConfirmedAt: null,
        paperNoticeConfirmedByAccountId: null,
        paperNoticeConfirmedByName: null,
      })
      const label = DELIBERATION_BODY_LABELS[meeting.body]
      await this.notify.notify(m, {
        accountIds: await this.store.memberAccounts(m, meeting.id),
        orgId: d.villageId,
        kind: 'deliberation.meeting_rescheduled',
        title: `${label}改期通知`,
        body: `「${d.title}」的${label}改在${meetingDay(body.meetingAt)}在${location}召开（原定${meetingDay(meeting.meetingAt)}），请准时参加。`,
        link: deliberationMeetingPage(d.id, meeting.id),
      })
    })
  }
}

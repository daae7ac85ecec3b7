import { Injectable } from '@nestjs/common'
import {
  countedNoticeAt,
  DELIBERATION_BODY_LABELS,
  deliberationMeetingPage,
  type CancelMeetingRequest,
  type DeliberationEvent,
  type DeliberationView,
  type MeetingBody,
  type MeetingSchedule,
  type MeetingView,
} from '@xiangli/shared'
import type { EntityManager } from 'typeorm'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { Clock } from '../../../core/clock/clock'
import { AppException } from '../../../core/errors/app.exception'
import { TxService } from '../../../core/tx/tx.service'
import { NotifyService } from '../../inbox/notify.service'
import { DeliberationHooks } from '../deliberation-hooks'
import { DeliberationStore } from '../deliberation-store'
import { mustPassGate, rolesIn } from '../deliberations.policy'
import { awaitsPaperNotice, meetingDay, mustBeCancellable, mustBeScheduled } from '../deliberations.rules'
import type { Deliberation } from '../entities/deliberation.entity'
import { MeetingNotices } from '../meeting-notices'
import { MeetingsRepository } from '../meetings.repository'
import { bodyMembers } from '../members.repository'
import { DeliberationReads } from './deliberation-reads'
import { MeetingLapses } from './meeting-lapse'
import { MeetingReads } from './meeting-reads'

/** A meeting's life before its vote: the notice that schedules it, its opening, its calling off. */
@Injectable()
export class MeetingScheduling {
  constructor(
    private readonly tx: TxService,
    private readonly clock: Clock,
    private readonly notify: NotifyService,
    private readonly store: DeliberationStore,
    private readonly meetings: MeetingsRepository,
    private readonly meetingNotices: MeetingNotices,
    private readonly lapses: MeetingLapses,
    private readonly reads: DeliberationReads,
    private readonly meetingReads: MeetingReads,
    private readonly hooks: DeliberationHooks,
  ) {}

  private as(a: ActingContext, action: string) {
    return { actor: a.actor, roles: rolesIn(a.viewer, a.villageId), now: this.clock.now(), action }
  }

  async schedule(a: ActingContext, id: number, body: MeetingSchedule): Promise<DeliberationView> {
    // the notice is given when the system publishes it: now, never a date typed into the request
    const now = this.clock.now()
    await this.tx.run(async (m) => {
      const d = await this.store.find(m, a.villageId, id, true)
      await this.hooks.beforeMeeting(m, d, body.step, body.body as MeetingBody)
      await this.store.apply(
        m,
        d,
        {
          type: 'schedule_meeting',
          step: body.step,
          body: body.body,
          meetingAt: body.meetingAt,
          noticeAt: now,
          ...(body.paperNotice ? { paperNoticeAt: body.paperNotice.postedAt } : {}),
          agendaPublished: body.agendaPublished,
          planSent: body.planSent,
          ballot: body.ballot,
        },
        this.as(a, 'deliberation.meeting_scheduled'),
      )
      const meetingBody = body.body as MeetingBody
      const meeting = await this.meetings.create(m, {
        deliberationId: d.id,
        villageId: d.villageId,
        step: body.step,
        body: meetingBody,
        meetingAt: body.meetingAt,
        noticeAt: now,
        checkInLeadMinutes: await this.meetingNotices.checkInLeadMinutes(m, d.villageId),
        location: body.location,
        agenda: body.agenda,
        ballot: body.ballot,
        status: 'scheduled' as const,
        scheduledByAccountId: a.principal.accountId,
      })
      if (body.paperNotice) await this.meetingNotices.recordPaperNotice(m, a, d, meeting, body.paperNotice)
      const members = await bodyMembers(m, d.villageId, meetingBody, body.meetingAt)
      await this.meetings.addMembers(
        m,
        members.map((r) => ({
          meetingId: meeting.id,
          residentId: r.id,
          name: r.name,
          householdId: r.householdId,
        })),
      )
      // the notice reaches every member who uses the app; the paper notice reaches the rest
      await this.notify.notify(m, {
        accountIds: members.map((r) => r.accountId).filter((x): x is number => x !== null),
        orgId: d.villageId,
        kind: 'deliberation.meeting_scheduled',
        title: `${DELIBERATION_BODY_LABELS[meetingBody]}通知`,
        body: `「${d.title}」定于${meetingDay(body.meetingAt)}在${body.location}开会，请准时参加。`,
        link: deliberationMeetingPage(d.id, meeting.id),
      })
    })
    return this.reads.detail(a, id)
  }

  async open(a: ActingContext, id: number, meetingId: number): Promise<MeetingView> {
    const lapsed = await this.tx.run(async (m) => {
      const d = await this.store.find(m, a.villageId, id, true)
      const meeting = await this.store.meeting(m, d, meetingId, true)
      mustBeScheduled(meeting)
      mustPassGate(a.viewer, d, 'open')
      // too late: the meeting lapses now, and that is kept (the refusal follows the commit)
      if (await this.lapses.lapseIn(m, d, meeting, this.clock.now())) return true
      try {
        // the notice days are counted again from the notice that counts now
        await this.store.apply(
          m,
          d,
          { type: 'open', step: meeting.step, noticeAt: countedNoticeAt(meeting) },
          this.as(a, 'deliberation.meeting_opened'),
        )
      } catch (e) {
        if (
          e instanceof AppException &&
          e.code === 'DELIBERATION_NOTICE_TOO_SHORT' &&
          awaitsPaperNotice(d, meeting)
        )
          throw new AppException('DELIBERATION_PAPER_NOTICE_UNCONFIRMED', e.details)
        throw e
      }
      await this.meetings.setStatus(m, meeting.id, 'in_session')
      return false
    })
    if (lapsed) throw new AppException('DELIBERATION_MEETING_LAPSED')
    return this.meetingReads.meetingView(a, id, meetingId)
  }

  /** Calls off a meeting that has not opened; the step waits for a new one. */
  async cancel(
    a: ActingContext,
    id: number,
    meetingId: number,
    body: CancelMeetingRequest,
  ): Promise<DeliberationView> {
    await this.tx.run(async (m) => {
      const d = await this.store.find(m, a.villageId, id, true)
      const meeting = await this.store.meeting(m, d, meetingId, true)
      mustBeCancellable(meeting)
      const event: DeliberationEvent = body.reason
        ? { type: 'cancel_meeting', step: meeting.step, reason: body.reason }
        : { type: 'cancel_meeting', step: meeting.step }
      await this.store.apply(m, d, event, this.as(a, 'deliberation.meeting_cancelled'))
      await this.meetings.setStatus(m, meeting.id, 'cancelled')
      await this.tellCancelled(m, d, meeting, body.reason)
    })
    return this.reads.detail(a, id)
  }

  /** Everyone who was told the time is told it is off. */
  private async tellCancelled(
    m: EntityManager,
    d: Deliberation,
    meeting: { id: number; body: MeetingBody; meetingAt: Date },
    reason: string | undefined,
  ): Promise<void> {
    const label = DELIBERATION_BODY_LABELS[meeting.body]
    await this.notify.notify(m, {
      accountIds: await this.meetings.memberAccounts(m, meeting.id),
      orgId: d.villageId,
      kind: 'deliberation.meeting_cancelled',
      title: `${label}取消`,
      body: `「${d.title}」原定${meetingDay(meeting.meetingAt)}召开的${label}取消了${reason ? `：${reason}` : ''}。`,
      link: deliberationMeetingPage(d.id, meeting.id),
    })
  }
}

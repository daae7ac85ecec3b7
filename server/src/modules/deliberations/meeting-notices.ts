import { Injectable, type OnModuleInit } from '@nestjs/common'
import { DataSource, type EntityManager } from 'typeorm'
import {
  chinaDay,
  DEFAULT_CHECK_IN_LEAD_MINUTES,
  DELIBERATION_BODY_LABELS,
  deliberationMeetingPage,
  earliestMeetingAt,
  findStep,
  isMeetingBody,
  meetingMoment,
  meetingTimes,
  stepBody,
  stepStartedAt,
  type DeliberationBody,
  type MeetingReschedule,
  type MeetingTiming,
  type PaperNoticeView,
  type Role,
  type SchedulePreview,
} from '@xiangli/shared'
import { AuditService } from '../../core/audit/audit.service'
import type { ActingContext } from '../../core/auth/current.decorator'
import type { Principal } from '../../core/auth/principal'
import { Clock } from '../../core/clock/clock'
import { StoredFile } from '../../core/files/entities/stored-file.entity'
import { FilesService } from '../../core/files/files.service'
import { AppException } from '../../core/errors/app.exception'
import { TxService } from '../../core/tx/tx.service'
import { NotifyService } from '../inbox/notify.service'
import { Org } from '../orgs/entities/org.entity'
import { DeliberationStore, meetingDay } from './deliberation-store'
import type { Deliberation } from './entities/deliberation.entity'
import { DeliberationSettingsRow } from './entities/deliberation-settings.entity'
import { DeliberationMeeting } from './entities/meeting.entity'
import { bodyMembers, compositionOf } from './meeting-members'
import { NextActors } from './next-actors'

/** Stored-file attachment type of a paper notice's photos. */
export const FILES_OF_PAPER_NOTICE = 'meeting_paper_notice'

const shortName = (s: string) => Array.from(s).slice(0, 30).join('')

/**
 * The notice of a meeting: what the schedule form shows before sending it (the earliest lawful day,
 * the make-up of a representatives' meeting), the paper notice a committee records with photos and a
 * supervisor confirms, and rescheduling, which is a fresh notice to everyone on the frozen list.
 */
@Injectable()
export class MeetingNotices implements OnModuleInit {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly store: DeliberationStore,
    private readonly files: FilesService,
    private readonly notify: NotifyService,
    private readonly nextActors: NextActors,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    // the photos of a paper notice: whoever may read the meeting (anyone of the village, the township)
    this.files.registerAccess(FILES_OF_PAPER_NOTICE, async (p, file) => {
      const meeting = await this.ds.getRepository(DeliberationMeeting).findOneBy({ id: file.attachedId ?? 0 })
      return meeting !== null && (await this.readsVillage(p, meeting.villageId))
    })
  }

  async checkInLeadMinutes(m: EntityManager, villageId: number): Promise<number> {
    const row = await m.getRepository(DeliberationSettingsRow).findOneBy({ villageId })
    return row?.checkInLeadMinutes ?? DEFAULT_CHECK_IN_LEAD_MINUTES
  }

  /** GET …/:id/schedule-preview?body=: the rules a notice sent now would meet, before it is sent. */
  async preview(a: ActingContext, id: number, body: DeliberationBody): Promise<SchedulePreview> {
    const m = this.ds.manager
    const d = await this.store.find(m, a.villageId, id)
    const step = findStep(d.procedure, d.state.step)!
    const option = stepBody(step, body)
    if (step.kind !== 'meeting' || !option || !isMeetingBody(body))
      throw new AppException(
        'DELIBERATION_BODY_NOT_ALLOWED',
        undefined,
        `${DELIBERATION_BODY_LABELS[body]}不能办理“${step.label}”`,
      )
    const now = this.clock.now()
    const notice = option.notice ?? { minDays: 0, agendaRequired: false, planRequired: false }
    const earliest = earliestMeetingAt(notice, now)
    const members = await bodyMembers(m, d.villageId, body, earliest)
    const since = stepStartedAt(d.state) ?? d.createdAt
    return {
      step: step.key,
      body,
      notice,
      noticeAt: now.toISOString(),
      earliestMeetingAt: earliest.toISOString(),
      earliestDay: chinaDay(earliest),
      stepSince: since.toISOString(),
      members: members.length,
      composition: await compositionOf(m, d.villageId, body, members),
      checkInLeadMinutes: await this.checkInLeadMinutes(m, d.villageId),
    }
  }

  /**
   * Records the paper notice of a meeting just scheduled (the shared rules checked its time): its
   * photos are attached, and the supervision committee is asked to confirm it.
   */
  async recordPaperNotice(
    m: EntityManager,
    a: ActingContext,
    d: Deliberation,
    meeting: DeliberationMeeting,
    paper: { postedAt: Date; photoIds: number[] },
  ): Promise<void> {
    await m.getRepository(DeliberationMeeting).update(
      { id: meeting.id },
      {
        paperNoticeAt: paper.postedAt,
        paperNoticeByAccountId: a.principal.accountId,
        paperNoticeByName: shortName(a.principal.displayName),
      },
    )
    const attached = await this.files.attach(
      m,
      paper.photoIds,
      { villageId: d.villageId, accountId: a.principal.accountId },
      { type: FILES_OF_PAPER_NOTICE, id: meeting.id },
    )
    if (!attached) throw new AppException('DELIBERATION_FILE_INVALID')
    await this.audit.append(m, {
      actor: a.actor,
      action: 'deliberation.paper_notice_recorded',
      orgId: d.villageId,
      targetType: 'deliberation_meeting',
      targetId: meeting.id,
      after: { postedAt: paper.postedAt.toISOString(), photoIds: paper.photoIds },
    })
    const supervisors = (await this.nextActors.holders(m, d.villageId))
      .filter((h) => h.role === 'supervisor' && h.accountId !== null && h.accountId !== a.principal.accountId)
      .map((h) => h.accountId!)
    await this.notify.notify(m, {
      accountIds: supervisors,
      orgId: d.villageId,
      kind: 'deliberation.paper_notice_recorded',
      title: '请确认纸质会议通知',
      body: `「${d.title}」的${DELIBERATION_BODY_LABELS[meeting.body]}登记了${meetingDay(paper.postedAt)}张贴的纸质通知，请对照照片确认。`,
      link: deliberationMeetingPage(d.id, meeting.id),
    })
  }

  /** A supervision-committee member confirms the paper notice against its photos, once. */
  async confirmPaperNotice(a: ActingContext, id: number, meetingId: number): Promise<void> {
    await this.tx.run(async (m) => {
      const d = await this.store.find(m, a.villageId, id, true)
      const meeting = await this.store.meeting(m, d, meetingId, true)
      if (meeting.status === 'lapsed') throw new AppException('DELIBERATION_MEETING_LAPSED')
      if (meeting.status !== 'scheduled') throw new AppException('DELIBERATION_MEETING_IN_SESSION')
      if (!meeting.paperNoticeAt) throw new AppException('DELIBERATION_PAPER_NOTICE_MISSING')
      if (meeting.paperNoticeConfirmedAt) throw new AppException('DELIBERATION_PAPER_NOTICE_CONFIRMED')
      if (meeting.paperNoticeByAccountId === a.principal.accountId)
        throw new AppException('DELIBERATION_PAPER_NOTICE_OWN')
      const now = this.clock.now()
      const res = await m
        .createQueryBuilder()
        .update(DeliberationMeeting)
        .set({
          paperNoticeConfirmedAt: now,
          paperNoticeConfirmedByAccountId: a.principal.accountId,
          paperNoticeConfirmedByName: shortName(a.principal.displayName),
        })
        .where('id = :id AND paperNoticeConfirmedAt IS NULL', { id: meeting.id })
        .execute()
      if (!res.affected) throw new AppException('DELIBERATION_PAPER_NOTICE_CONFIRMED')
      await this.audit.append(m, {
        actor: a.actor,
        action: 'deliberation.paper_notice_confirmed',
        orgId: d.villageId,
        targetType: 'deliberation_meeting',
        targetId: meeting.id,
        after: { postedAt: meeting.paperNoticeAt.toISOString(), confirmedAt: now.toISOString() },
      })
      await this.notify.notify(m, {
        accountIds: [meeting.paperNoticeByAccountId, meeting.scheduledByAccountId].filter(
          (x): x is number => x !== null,
        ),
        orgId: d.villageId,
        kind: 'deliberation.paper_notice_confirmed',
        title: '纸质会议通知已确认',
        body: `「${d.title}」的${DELIBERATION_BODY_LABELS[meeting.body]}的纸质通知已由监督委员会确认，通知时间按${meetingDay(meeting.paperNoticeAt)}计算。`,
        link: deliberationMeetingPage(d.id, meeting.id),
      })
    })
  }

  /**
   * A new time for a meeting not held: the one waiting to open, or one that lapsed. It is a fresh
   * notice published now, so the notice days count again from now and a paper notice of the old
   * time no longer counts; everyone on the frozen list is told.
   */
  async reschedule(a: ActingContext, id: number, meetingId: number, body: MeetingReschedule): Promise<void> {
    await this.tx.run(async (m) => {
      const d = await this.store.find(m, a.villageId, id, true)
      const meeting = await this.store.meeting(m, d, meetingId, true)
      if (meeting.status === 'in_session') throw new AppException('DELIBERATION_MEETING_IN_SESSION')
      if (meeting.status === 'closed') throw new AppException('DELIBERATION_RESULT_FINAL')
      if (meeting.status === 'cancelled' || meeting.status === 'voided')
        throw new AppException('DELIBERATION_MEETING_NOT_SCHEDULED')
      const [checkedIn] = (await m.query(
        'SELECT COUNT(*) AS n FROM deliberation_attendance WHERE meetingId = ?',
        [meeting.id],
      )) as { n: number | string }[]
      if (Number(checkedIn?.n ?? 0) > 0) throw new AppException('DELIBERATION_MEETING_HAS_CHECK_INS')
      const now = this.clock.now()
      const roles: readonly Role[] = a.principal.roles.get(a.villageId) ?? []
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
          roles,
          now,
          action: 'deliberation.meeting_rescheduled',
          after: { ...after, before },
        },
      )
      const location = body.location ?? meeting.location
      await m.getRepository(DeliberationMeeting).update(
        { id: meeting.id },
        {
          status: 'scheduled',
          meetingAt: body.meetingAt,
          noticeAt: now,
          location,
          checkInLeadMinutes: await this.checkInLeadMinutes(m, d.villageId),
          paperNoticeAt: null,
          paperNoticeByAccountId: null,
          paperNoticeByName: null,
          paperNoticeConfirmedAt: null,
          paperNoticeConfirmedByAccountId: null,
          paperNoticeConfirmedByName: null,
        },
      )
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

  /** When the meeting takes check-ins and ballots, and where a meeting not yet opened stands now. */
  timing(meeting: DeliberationMeeting): MeetingTiming {
    const now = this.clock.now()
    const t = meetingTimes(meeting.meetingAt, meeting.checkInLeadMinutes)
    return {
      checkInOpensAt: t.checkInOpensAt.toISOString(),
      votingOpensAt: t.votingOpensAt.toISOString(),
      lapsesAt: t.lapsesAt.toISOString(),
      moment:
        meeting.status === 'scheduled'
          ? meetingMoment(meeting.meetingAt, meeting.checkInLeadMinutes, now)
          : null,
      now: now.toISOString(),
    }
  }

  /** The paper notice of a meeting as the meeting page shows it, with its photos. */
  async paperNoticeView(meeting: DeliberationMeeting): Promise<PaperNoticeView | null> {
    if (!meeting.paperNoticeAt) return null
    const photos = await this.ds
      .getRepository(StoredFile)
      .find({ where: { attachedType: FILES_OF_PAPER_NOTICE, attachedId: meeting.id }, order: { id: 'ASC' } })
    return {
      postedAt: meeting.paperNoticeAt.toISOString(),
      photos: photos.map((f) => ({
        id: f.id,
        url: this.files.signedUrl(f.id),
        mime: f.mime,
        size: f.size,
        ...(f.width !== null && f.height !== null ? { width: f.width, height: f.height } : {}),
      })),
      recordedBy: meeting.paperNoticeByName ?? '',
      confirmedAt: meeting.paperNoticeConfirmedAt?.toISOString() ?? null,
      confirmedBy: meeting.paperNoticeConfirmedByName,
    }
  }

  /** Anyone with a role in the village, or an official of the township above it. */
  private async readsVillage(p: Principal, villageId: number): Promise<boolean> {
    if ((p.roles.get(villageId) ?? []).length > 0) return true
    const village = await this.ds.getRepository(Org).findOneBy({ id: villageId })
    return village?.parentId != null && (p.roles.get(village.parentId) ?? []).includes('township_official')
  }
}

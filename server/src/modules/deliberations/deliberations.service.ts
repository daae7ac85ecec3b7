import { Injectable, type OnModuleInit } from '@nestjs/common'
import { randomUUID } from 'node:crypto'
import { DataSource, In, type EntityManager } from 'typeorm'
import {
  buildProcedure,
  checkInTimeRule,
  checkNoticeDays,
  combineVotes,
  countedNoticeAt,
  DEFAULT_CHECK_IN_LEAD_MINUTES,
  currentDeliberationStep,
  defaultProcedureSettings,
  defaultVillageSettings,
  deliberationMeetingPage,
  deliberationPage,
  deliberationEventsFrom,
  DELIBERATION_BODY_LABELS,
  DELIBERATION_STATUS_LABELS,
  findStep,
  gateEvent,
  isDeliberationClosed,
  isDelegated,
  meetingRuleFor,
  quorumMet,
  startDeliberation,
  stepBody,
  stepPhaseLabel,
  transitionDeliberation,
  votingTimeRule,
  MATTER_TYPE_LABELS,
  OVERSIGHT_ROLES,
  type Attendance,
  type DeliberationCreate,
  type DeliberationEvent,
  type DeliberationListQuery,
  type DeliberationSummary,
  type Page,
  type DeliberationView,
  type MeetingAttachmentsRequest,
  type MeetingBody,
  type MeetingResultView,
  type MeetingSchedule,
  type MeetingView,
  type MinutesCreateRequest,
  type OpinionCreate,
  type OpinionPage,
  type OpinionSummaryRequest,
  type OpinionView,
  type PageQuery,
  type QuorumView,
  type SolicitationOpen,
  type SolicitationView,
  type StoredFileView,
  type TownshipAttendeeRequest,
  type TownshipOfficialOption,
  type PublishStepRequest,
  type RejectDeliberationRequest,
  type Role,
  type Votes,
  type VoidMeetingRequest,
} from '@xiangli/shared'
import { Clock } from '../../core/clock/clock'
import { AuditService, SYSTEM_ACTOR } from '../../core/audit/audit.service'
import type { Principal } from '../../core/auth/principal'
import type { ActingContext } from '../../core/auth/current.decorator'
import { StoredFile } from '../../core/files/entities/stored-file.entity'
import { FilesService } from '../../core/files/files.service'
import { isUniqueViolation } from '../../core/database/errors'
import { insertMany } from '../../core/database/insert-many'
import { AppException } from '../../core/errors/app.exception'
import { FieldCrypto } from '../../core/crypto/field-crypto.service'
import { requestKeyDigest } from '../../core/idempotency/idempotency-key'
import { TxService } from '../../core/tx/tx.service'
import { NotifyService } from '../inbox/notify.service'
import { Grievance } from '../grievances/entities/grievance.entity'
import { Account } from '../auth/entities/account.entity'
import { Org } from '../orgs/entities/org.entity'
import { Resident } from '../roster/entities/resident.entity'
import type {
  BallotRequest,
  CloseMeeting,
  DeliberationSettings,
  DeliberationSettingsRequest,
  PaperSignInRequest,
  SupervisionOpinionRequest,
} from './dto/deliberation.dto'
import { DeliberationAttendance } from './entities/attendance.entity'
import {
  DeliberationOpenVote,
  DeliberationSecretBallot,
  DeliberationTurnout,
  type BallotChoice,
} from './entities/ballots.entity'
import { Deliberation } from './entities/deliberation.entity'
import { DeliberationMeetingMember } from './entities/meeting-member.entity'
import { DeliberationMeetingResult } from './entities/meeting-result.entity'
import { DeliberationMeeting } from './entities/meeting.entity'
import { DeliberationSettingsRow } from './entities/deliberation-settings.entity'
import { DeliberationMeetingMinutes } from './entities/meeting-minutes.entity'
import { DeliberationOpinion } from './entities/opinion.entity'
import { DeliberationTownshipAttendee } from './entities/township-attendee.entity'
import { ballotsUnaccounted, meetingSealEntries } from './meeting-seal'
import { accountsHolding } from '../roles/role-holders'
import { PetitionsService } from './petitions.service'
import { refusal } from './deliberation-store'
import { MeetingLapses } from './meeting-lapse'
import { bodyMembers } from './meeting-members'
import { MeetingNotices } from './meeting-notices'
import { NextActors } from './next-actors'
import type { PublicNotice } from '../notices/entities/public-notice.entity'
import { NoticesService } from '../notices/notices.service'

/** What the audit digests see of a deliberation. */
const snapshot = (d: Deliberation) => ({
  id: d.id,
  villageId: d.villageId,
  status: d.status,
  step: d.step,
  phase: d.state.phase,
  history: d.state.history.length,
})

/** 3月5日 14:30 in Beijing time, for notices. */
const meetingDay = (d: Date): string =>
  d.toLocaleString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })

interface Tally {
  attendance: Attendance
  online: Votes
}

/** Stored-file attachment types: a deliberation's own files, a meeting's, a resident's opinion's. */
const FILES_OF_DELIBERATION = 'deliberation'
const FILES_OF_MEETING = 'deliberation_meeting'
const FILES_OF_OPINION = 'deliberation_opinion'

@Injectable()
export class DeliberationsService implements OnModuleInit {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly notify: NotifyService,
    private readonly files: FilesService,
    private readonly petitions: PetitionsService,
    private readonly notices: NoticesService,
    private readonly crypto: FieldCrypto,
    private readonly clock: Clock,
    private readonly meetingNotices: MeetingNotices,
    private readonly lapses: MeetingLapses,
    private readonly nextActors: NextActors,
  ) {}

  onModuleInit(): void {
    // a deliberation's and its meetings' files: whoever may read the deliberation
    const readsVillageOf = async (p: Principal, d: Deliberation | null) =>
      d !== null && (await this.readsVillage(p, d.villageId))
    this.files.registerAccess(FILES_OF_DELIBERATION, async (p, file) =>
      readsVillageOf(p, await this.ds.getRepository(Deliberation).findOneBy({ id: file.attachedId ?? 0 })),
    )
    this.files.registerAccess(FILES_OF_MEETING, async (p, file) => {
      const meeting = await this.ds.getRepository(DeliberationMeeting).findOneBy({ id: file.attachedId ?? 0 })
      return meeting !== null && (await this.readsVillage(p, meeting.villageId))
    })
    // an opinion's photos: its author (the uploader) and those who read every opinion
    this.files.registerAccess(FILES_OF_OPINION, async (p, file) => {
      const o = await this.ds.getRepository(DeliberationOpinion).findOneBy({ id: file.attachedId ?? 0 })
      return o !== null && (await this.readsAllOpinions(p, o.villageId))
    })
  }

  // ---------- deliberations ----------

  async create(a: ActingContext, body: DeliberationCreate) {
    const village = await this.ds.getRepository(Org).findOneBy({ id: a.villageId })
    if (!village) throw new AppException('ORG_NOT_FOUND')
    const source = body.source
    if (source.kind === 'grievance') {
      const g = await this.ds
        .getRepository(Grievance)
        .findOneBy({ id: source.grievanceId, villageId: a.villageId })
      if (!g) throw new AppException('DELIBERATION_SOURCE_INVALID')
    }
    const settings =
      village.settings ?? defaultVillageSettings(village.kind === 'community' ? 'community' : 'village')
    const procedure = buildProcedure(settings, defaultProcedureSettings())
    const state = startDeliberation(procedure, this.clock.now())
    const id = await this.tx.run(async (m) => {
      const d = await m.getRepository(Deliberation).save({
        villageId: a.villageId,
        title: body.title,
        content: body.content,
        matterType: body.matterType,
        sourceKind: source.kind,
        sourceGrievanceId: source.kind === 'grievance' ? source.grievanceId : null,
        sourceReference: source.kind === 'higher_assignment' ? source.reference : null,
        sourcePetitionId: source.kind === 'petition' ? source.petitionId : null,
        delegationResolution: body.delegation?.resolution ?? null,
        previousId: body.previousId,
        procedure,
        state,
        status: state.status,
        step: state.step,
        createdByAccountId: a.principal.accountId,
      })
      await this.audit.append(m, {
        actor: a.actor,
        action: 'deliberation.created',
        orgId: a.villageId,
        targetType: 'deliberation',
        targetId: d.id,
        after: snapshot(d),
      })
      // 联名提议: a reached petition of this village, marked convened in this same transaction
      if (source.kind === 'petition') await this.petitions.convene(m, a, source.petitionId, d.id)
      const attached = await this.files.attach(
        m,
        body.attachmentIds,
        { villageId: a.villageId, accountId: a.principal.accountId },
        { type: FILES_OF_DELIBERATION, id: d.id },
      )
      if (!attached) throw new AppException('DELIBERATION_FILE_INVALID')
      await this.nextActors.tellWhenTheirTurn(m, d, null, state, a.principal.accountId)
      return d.id
    })
    return this.detail(a, id)
  }

  async list(a: ActingContext, q: DeliberationListQuery): Promise<Page<DeliberationSummary>> {
    const [rows, total] = await this.ds.getRepository(Deliberation).findAndCount({
      where: { villageId: a.villageId, ...(q.status ? { status: q.status } : {}) },
      order: { id: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    })
    const items = rows.map((d) => ({
      id: d.id,
      title: d.title,
      matterType: d.matterType,
      status: d.status,
      statusLabel: DELIBERATION_STATUS_LABELS[d.status],
      step: d.step,
      stepLabel: findStep(d.procedure, d.step)?.label ?? d.step,
      createdAt: d.createdAt.toISOString(),
    }))
    return { items, total, page: q.page, pageSize: q.pageSize }
  }

  async detail(a: ActingContext, id: number): Promise<DeliberationView> {
    const d = await this.find(this.ds.manager, a.villageId, id)
    const step = currentDeliberationStep(d.procedure, d.state)
    const meetings = await this.ds.getRepository(DeliberationMeeting).find({
      where: { deliberationId: d.id },
      order: { id: 'ASC' },
    })
    const results = meetings.length
      ? await this.ds
          .getRepository(DeliberationMeetingResult)
          .findBy({ meetingId: In(meetings.map((x) => x.id)) })
      : []
    const notices = await this.notices.forDeliberation(d.id)
    const now = this.clock.now()
    const live = meetings.find((x) => x.status === 'scheduled' && x.step === d.state.step)
    return {
      id: d.id,
      title: d.title,
      content: d.content,
      matterType: d.matterType,
      matterLabel: MATTER_TYPE_LABELS[d.matterType],
      source: {
        kind: d.sourceKind,
        grievanceId: d.sourceGrievanceId,
        reference: d.sourceReference,
        petitionId: d.sourcePetitionId,
      },
      delegationResolution: d.delegationResolution,
      status: d.status,
      statusLabel: DELIBERATION_STATUS_LABELS[d.status],
      step: d.step,
      stepLabel: step.label,
      phase: d.state.phase,
      phaseLabel: stepPhaseLabel(step.kind, d.state.phase),
      procedure: {
        variant: d.procedure.variant,
        label: d.procedure.label,
        steps: d.procedure.steps.map((s) => ({
          key: s.key,
          label: s.label,
          kind: s.kind,
          bodies: s.bodies.map((b) => b.body),
          recorders: s.recorders,
          deciding: s.deciding,
        })),
      },
      history: d.state.history,
      attachments: await this.fileViews(FILES_OF_DELIBERATION, d.id),
      solicitation: await this.solicitationView(a, d),
      opinionSummary: d.state.opinionSummary,
      meetings: meetings.map((x) => {
        const r = results.find((y) => y.meetingId === x.id)
        return {
          id: x.id,
          step: x.step,
          body: x.body,
          bodyLabel: DELIBERATION_BODY_LABELS[x.body],
          meetingAt: x.meetingAt.toISOString(),
          noticeAt: x.noticeAt.toISOString(),
          countedNoticeAt: countedNoticeAt(x).toISOString(),
          paperNoticePending: x.paperNoticeAt !== null && x.paperNoticeConfirmedAt === null,
          location: x.location,
          ballot: x.ballot,
          status: x.status,
          result: r ? this.resultView(r) : null,
        }
      }),
      notices,
      /** what the caller may do now: which buttons the page shows */
      actions: deliberationEventsFrom(d.procedure, d.state, this.roles(a), now),
      nextActor: await this.nextActors.view(this.ds.manager, d, this.roles(a), {
        awaitingPaperNotice: live !== undefined && this.awaitsPaperNotice(d, live),
      }),
      createdAt: d.createdAt.toISOString(),
    }
  }

  async reject(a: ActingContext, id: number, body: RejectDeliberationRequest) {
    await this.tx.run(async (m) => {
      const d = await this.find(m, a.villageId, id, true)
      await this.apply(
        m,
        a,
        d,
        { type: 'reject', step: body.step, reason: body.reason },
        'deliberation.rejected',
      )
    })
    return this.detail(a, id)
  }

  // ---------- meetings ----------

  async schedule(a: ActingContext, id: number, body: MeetingSchedule) {
    // the notice is given when the system publishes it: now, never a date typed into the request
    const now = this.clock.now()
    await this.tx.run(async (m) => {
      const d = await this.find(m, a.villageId, id, true)
      await this.apply(
        m,
        a,
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
        'deliberation.meeting_scheduled',
      )
      const meetingBody = body.body as MeetingBody
      const meeting = await m.getRepository(DeliberationMeeting).save({
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
      await insertMany(
        m,
        DeliberationMeetingMember,
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
    return this.detail(a, id)
  }

  async open(a: ActingContext, id: number, meetingId: number) {
    const lapsed = await this.tx.run(async (m) => {
      const d = await this.find(m, a.villageId, id, true)
      const meeting = await this.meeting(m, d, meetingId, true)
      if (meeting.status === 'cancelled' || meeting.status === 'voided')
        throw new AppException('DELIBERATION_MEETING_NOT_SCHEDULED')
      if (meeting.status === 'closed') throw new AppException('DELIBERATION_RESULT_FINAL')
      if (meeting.status === 'lapsed') throw new AppException('DELIBERATION_MEETING_LAPSED')
      if (meeting.status !== 'scheduled') throw new AppException('DELIBERATION_MEETING_IN_SESSION')
      this.gate(d, a, 'open')
      // too late: the meeting lapses now, and that is kept (the refusal follows the commit)
      if (await this.lapses.lapseIn(m, d, meeting, this.clock.now())) return true
      try {
        // the notice days are counted again from the notice that counts now
        await this.apply(
          m,
          a,
          d,
          { type: 'open', step: meeting.step, noticeAt: countedNoticeAt(meeting) },
          'deliberation.meeting_opened',
        )
      } catch (e) {
        if (
          e instanceof AppException &&
          e.code === 'DELIBERATION_NOTICE_TOO_SHORT' &&
          this.awaitsPaperNotice(d, meeting)
        )
          throw new AppException('DELIBERATION_PAPER_NOTICE_UNCONFIRMED', e.details)
        throw e
      }
      await m.getRepository(DeliberationMeeting).update({ id: meeting.id }, { status: 'in_session' })
      return false
    })
    if (lapsed) throw new AppException('DELIBERATION_MEETING_LAPSED')
    return this.meetingView(a, id, meetingId)
  }

  /**
   * The meeting's time leans on a paper notice no supervisor has confirmed: counted from the system's
   * notice alone, the notice days fall short.
   */
  private awaitsPaperNotice(d: Deliberation, meeting: DeliberationMeeting): boolean {
    if (!meeting.paperNoticeAt || meeting.paperNoticeConfirmedAt) return false
    const step = findStep(d.procedure, meeting.step)
    const rule = step ? stepBody(step, meeting.body)?.notice : null
    return !!rule && !checkNoticeDays(rule, meeting.noticeAt, meeting.meetingAt).ok
  }

  /** Calls off a meeting that has not opened; the step waits for a new one. */
  async cancel(a: ActingContext, id: number, meetingId: number, body: { reason?: string | undefined }) {
    await this.tx.run(async (m) => {
      const d = await this.find(m, a.villageId, id, true)
      const meeting = await this.meeting(m, d, meetingId, true)
      if (meeting.status === 'closed' || meeting.status === 'cancelled' || meeting.status === 'voided')
        throw new AppException('DELIBERATION_VOTING_CLOSED')
      const event: DeliberationEvent = body.reason
        ? { type: 'cancel_meeting', step: meeting.step, reason: body.reason }
        : { type: 'cancel_meeting', step: meeting.step }
      await this.apply(m, a, d, event, 'deliberation.meeting_cancelled')
      await m.getRepository(DeliberationMeeting).update({ id: meeting.id }, { status: 'cancelled' })
      // everyone who was told the time is told it is off
      const label = DELIBERATION_BODY_LABELS[meeting.body]
      const members = (await m.query(
        `SELECT DISTINCT r.accountId FROM deliberation_meeting_member mm JOIN resident r ON r.id = mm.residentId
          WHERE mm.meetingId = ? AND r.accountId IS NOT NULL`,
        [meeting.id],
      )) as { accountId: number | string }[]
      await this.notify.notify(m, {
        accountIds: members.map((r) => Number(r.accountId)),
        orgId: d.villageId,
        kind: 'deliberation.meeting_cancelled',
        title: `${label}取消`,
        body: `「${d.title}」原定${meetingDay(meeting.meetingAt)}召开的${label}取消了${body.reason ? `：${body.reason}` : ''}。`,
        link: deliberationMeetingPage(d.id, meeting.id),
      })
    })
    return this.detail(a, id)
  }

  /**
   * 宣布表决作废: a vote in session whose records were altered behind the application (ballots it
   * cannot account for, see `ballotsUnaccounted`) is counted for nothing. The rows stay as evidence,
   * sealed as they were found so they cannot be touched again unnoticed; the township is told; the
   * step waits for a new meeting with a fresh notice. Refused while the records are whole.
   */
  async voidVote(a: ActingContext, id: number, meetingId: number, body: VoidMeetingRequest) {
    await this.tx.run(async (m) => {
      const d = await this.find(m, a.villageId, id, true)
      const meeting = await this.meeting(m, d, meetingId, true)
      this.mustBeInSession(meeting)
      this.gate(d, a, 'void_meeting')
      const finding = await ballotsUnaccounted(m, meeting)
      if (!finding) throw new AppException('DELIBERATION_VOID_NOT_ALLOWED')
      const reason = `${finding}。${body.reason}`
      await this.apply(
        m,
        a,
        d,
        { type: 'void_meeting', step: meeting.step, reason },
        'deliberation.meeting_voided',
      )
      await m.getRepository(DeliberationMeeting).update({ id: meeting.id }, { status: 'voided' })
      for (const sealed of await meetingSealEntries(m, meeting))
        await this.audit.append(m, { actor: a.actor, orgId: d.villageId, ...sealed })
      const label = DELIBERATION_BODY_LABELS[meeting.body]
      const village = await m.getRepository(Org).findOneByOrFail({ id: d.villageId })
      if (village.parentId !== null)
        await this.notify.notify(m, {
          accountIds: await accountsHolding(m, village.parentId, ['township_official']),
          orgId: village.parentId,
          kind: 'deliberation.meeting_voided',
          title: `${village.name}一次表决因记录被改动而作废`,
          body: `「${d.title}」${label}（${meetingDay(meeting.meetingAt)}）：${reason}。请核查。`,
          link: deliberationMeetingPage(d.id, meeting.id),
        })
      const members = (await m.query(
        `SELECT DISTINCT r.accountId FROM deliberation_meeting_member mm JOIN resident r ON r.id = mm.residentId
          WHERE mm.meetingId = ? AND r.accountId IS NOT NULL`,
        [meeting.id],
      )) as { accountId: number | string }[]
      await this.notify.notify(m, {
        accountIds: members.map((r) => Number(r.accountId)).filter((x) => x !== a.principal.accountId),
        orgId: d.villageId,
        kind: 'deliberation.meeting_voided',
        title: `${label}表决作废`,
        body: `「${d.title}」这次表决的记录被人改动过，表决作废，不计票；村里将另行通知开会。`,
        link: deliberationMeetingPage(d.id, meeting.id),
      })
    })
    return this.meetingView(a, id, meetingId)
  }

  /**
   * 签到: a member checks themself in on their phone. Idempotent by its own row: a retry with the
   * same Idempotency-Key finds the check-in it made (`requestKey`) and is answered like the first.
   */
  async checkIn(a: ActingContext, id: number, meetingId: number, idempotencyKey: string | null = null) {
    const residentId = a.principal.residentIn.get(a.villageId)
    const sent = requestKeyDigest(this.crypto, idempotencyKey)
    await this.hotWrite('DELIBERATION_ALREADY_CHECKED_IN', () =>
      this.tx.run(async (m) => {
        const gate = await this.hotGate(m, a.villageId, id, meetingId, residentId ?? null)
        // a retry of a check-in that went through is answered like the first, whatever the time now
        if (sent !== null && gate.checkedInWith === sent) return
        // from a little before the announced time, before and after the meeting opens
        const timing = checkInTimeRule(gate, this.clock.now())
        if (!timing.ok) throw refusal(timing)
        if (gate.memberId === null) throw new AppException('DELIBERATION_NOT_A_MEMBER')
        if (gate.checkedInWith !== null) throw new AppException('DELIBERATION_ALREADY_CHECKED_IN')
        // a hot write: one insert, no shared row touched; the close seals the attendance into the
        // audit chain (count and digest), and the row itself says who recorded it
        await m.getRepository(DeliberationAttendance).insert({
          meetingId,
          memberId: gate.memberId,
          method: 'app',
          recordedByAccountId: a.principal.accountId,
          requestKey: sent,
        })
      }),
    )
    return this.quorum(a, id, meetingId)
  }

  /** The clerk enters the paper sign-in sheet; members already checked in are left as they are. */
  async paperSignIn(a: ActingContext, id: number, meetingId: number, body: PaperSignInRequest) {
    await this.tx.run(async (m) => {
      const d = await this.find(m, a.villageId, id)
      const meeting = await this.meeting(m, d, meetingId)
      // a closed meeting says so before the step (which has moved on) is asked about
      this.mustBeInSession(meeting)
      this.gate(d, a, 'record_attendance')
      const members = await m
        .getRepository(DeliberationMeetingMember)
        .findBy({ meetingId, id: In(body.memberIds) })
      if (members.length !== body.memberIds.length) throw new AppException('DELIBERATION_NOT_A_MEMBER')
      const already = new Set(
        (
          await m.getRepository(DeliberationAttendance).findBy({ meetingId, memberId: In(body.memberIds) })
        ).map((x) => x.memberId),
      )
      const fresh = body.memberIds.filter((x) => !already.has(x))
      // a whole sheet of a large village (up to 5,000 names) in chunks
      await insertMany(
        m,
        DeliberationAttendance,
        fresh.map((memberId) => ({
          meetingId,
          memberId,
          method: 'paper' as const,
          recordedByAccountId: a.principal.accountId,
        })),
      )
      await this.audit.append(m, {
        actor: a.actor,
        action: 'deliberation.paper_sign_in',
        orgId: d.villageId,
        targetType: 'deliberation_meeting',
        targetId: meetingId,
        after: { memberIds: fresh },
      })
    })
    return this.quorum(a, id, meetingId)
  }

  /** The quorum as it stands, from SQL aggregates over the frozen list and the sign-ins. */
  async quorum(a: ActingContext, id: number, meetingId: number): Promise<QuorumView> {
    const d = await this.find(this.ds.manager, a.villageId, id)
    const meeting = await this.meeting(this.ds.manager, d, meetingId)
    const attendance = await this.attendance(this.ds.manager, meetingId)
    const step = findStep(d.procedure, meeting.step)!
    const rule = meetingRuleFor(d.procedure, step, meeting.body, d.matterType)!
    return { meetingId, status: meeting.status, attendance, quorum: quorumMet(rule.quorum, attendance) }
  }

  async meetingView(a: ActingContext, id: number, meetingId: number): Promise<MeetingView> {
    const d = await this.find(this.ds.manager, a.villageId, id)
    const meeting = await this.meeting(this.ds.manager, d, meetingId)
    const result = await this.ds.getRepository(DeliberationMeetingResult).findOneBy({ meetingId })
    const members = await this.ds
      .getRepository(DeliberationMeetingMember)
      .find({ where: { meetingId }, order: { id: 'ASC' } })
    const present = new Set(
      (await this.ds.getRepository(DeliberationAttendance).findBy({ meetingId })).map((x) => x.memberId),
    )
    const isCadre = this.roles(a).some((r) => r === 'committee_member' || r === 'party_secretary')
    const me = a.principal.residentIn.get(a.villageId)
    return {
      id: meeting.id,
      deliberationId: d.id,
      step: meeting.step,
      body: meeting.body,
      bodyLabel: DELIBERATION_BODY_LABELS[meeting.body],
      meetingAt: meeting.meetingAt.toISOString(),
      noticeAt: meeting.noticeAt.toISOString(),
      countedNoticeAt: countedNoticeAt(meeting).toISOString(),
      paperNotice: await this.meetingNotices.paperNoticeView(meeting),
      canConfirmPaperNotice:
        meeting.status === 'scheduled' &&
        meeting.paperNoticeAt !== null &&
        meeting.paperNoticeConfirmedAt === null &&
        meeting.paperNoticeByAccountId !== a.principal.accountId &&
        this.roles(a).includes('supervisor'),
      timing: this.meetingNotices.timing(meeting),
      checkInLeadMinutes: meeting.checkInLeadMinutes,
      location: meeting.location,
      agenda: meeting.agenda,
      ballot: meeting.ballot,
      status: meeting.status,
      due: members.length,
      present: present.size,
      /** the sign-in list is for the clerk; a member sees only their own line */
      members: members
        .filter((x) => isCadre || x.residentId === me)
        .map((x) => ({ id: x.id, name: x.name, present: present.has(x.id), isMe: x.residentId === me })),
      result: result ? this.resultView(result) : null,
      /**
       * The running count, only where the village chose to show it and only for an open vote: a live
       * count of a secret ballot, watched as each member votes, would tell who voted what.
       */
      liveVotes:
        meeting.status === 'in_session' &&
        meeting.ballot === 'open' &&
        (await this.settings(a.villageId)).showCountsLive
          ? (await this.tally(this.ds.manager, meeting)).online
          : null,
      minutes: await this.minutesOf(meetingId),
      attachments: await this.fileViews(FILES_OF_MEETING, meetingId),
      townshipAttendees: (
        await this.ds
          .getRepository(DeliberationTownshipAttendee)
          .find({ where: { meetingId }, order: { id: 'ASC' } })
      ).map((x) => ({
        id: x.id,
        accountId: x.accountId,
        name: x.name,
        title: x.title,
        createdAt: x.createdAt.toISOString(),
      })),
      canRecord: this.mayRecord(d, meeting, a),
      integrityProblem:
        meeting.status === 'in_session' && this.mayRecord(d, meeting, a)
          ? await ballotsUnaccounted(this.ds.manager, meeting)
          : null,
      iVoted: await this.hasVoted(meeting, members.find((x) => x.residentId === me)?.id ?? null),
    }
  }

  /** Whether this member has voted: the turnout (secret) or their open vote; never how. */
  private async hasVoted(meeting: DeliberationMeeting, memberId: number | null): Promise<boolean> {
    if (memberId === null) return false
    const repo =
      meeting.ballot === 'secret'
        ? this.ds.getRepository(DeliberationTurnout)
        : this.ds.getRepository(DeliberationOpenVote)
    return (await repo.countBy({ meetingId: meeting.id, memberId })) > 0
  }

  // ---------- votes ----------

  /**
   * A member's ballot. Idempotent by (meeting, voter) inside its own transaction, never by its body:
   * the turnout row (or the open vote) keeps the Idempotency-Key it was cast with, so a retry with
   * that key gets the same receipt, even after the close, and a crash before the commit leaves
   * nothing behind, so the retry simply runs. Whatever the retry's body says, the ballot already
   * cast stands: a secret one cannot be compared, and must not be.
   */
  async castBallot(
    a: ActingContext,
    id: number,
    meetingId: number,
    body: BallotRequest,
    idempotencyKey: string | null = null,
  ) {
    const residentId = a.principal.residentIn.get(a.villageId)
    const sent = requestKeyDigest(this.crypto, idempotencyKey)
    await this.hotWrite('DELIBERATION_ALREADY_VOTED', () =>
      this.tx.run(async (m) => {
        const meeting = await this.hotGate(m, a.villageId, id, meetingId, residentId ?? null)
        if (sent !== null && meeting.votedWith === sent) return
        // in session and never before the announced time, whatever the row says
        const timing = votingTimeRule(meeting, this.clock.now())
        if (!timing.ok) throw refusal(timing)
        if (meeting.memberId === null) throw new AppException('DELIBERATION_NOT_A_MEMBER')
        if (meeting.checkedInWith === null) throw new AppException('DELIBERATION_NOT_CHECKED_IN')
        if (meeting.votedWith !== null) throw new AppException('DELIBERATION_ALREADY_VOTED')
        const member = { id: meeting.memberId }
        if (meeting.ballot === 'secret') {
          // two rows with nothing in common but the meeting: the turnout says who, the ballot says what
          await m
            .getRepository(DeliberationTurnout)
            .insert({ meetingId, memberId: member.id, requestKey: sent })
          await m
            .getRepository(DeliberationSecretBallot)
            .insert({ id: randomUUID(), meetingId, choice: body.choice })
        } else {
          await m
            .getRepository(DeliberationOpenVote)
            .insert({ meetingId, memberId: member.id, choice: body.choice, requestKey: sent })
        }
        // a hot write: inserts only, no audit entry per ballot (the chain's head row would serialise
        // every voter); the close seals turnout and ballots into the chain by count and digest
      }),
    )
    return { meetingId, voted: true }
  }

  /** 结束表决: counts the online ballots, adds the clerk's count, and records the outcome once. */
  async close(a: ActingContext, id: number, meetingId: number, body: CloseMeeting) {
    await this.uniqueAs('DELIBERATION_RESULT_FINAL', () =>
      this.tx.run(async (m) => {
        const d = await this.find(m, a.villageId, id, true)
        const meeting = await this.meeting(m, d, meetingId, true)
        if (meeting.status === 'closed') throw new AppException('DELIBERATION_RESULT_FINAL')
        this.gate(d, a, 'record_result')
        if (meeting.status !== 'in_session') throw new AppException('DELIBERATION_MEETING_NOT_OPEN')
        const tally = await this.tally(m, meeting)
        const unaccounted = await ballotsUnaccounted(m, meeting)
        if (unaccounted) throw new AppException('DELIBERATION_BALLOTS_UNACCOUNTED', { reason: unaccounted })
        const combined = combineVotes([tally.online, body.counted], tally.attendance.present)
        if (!combined.ok) throw new AppException(combined.code, undefined, combined.reason)
        const ctx = this.context(d, a)
        const withAttendance = transitionDeliberation(
          d.state,
          { type: 'record_attendance', step: meeting.step, attendance: tally.attendance },
          ctx,
        )
        if (!withAttendance.ok) throw new AppException(withAttendance.code, undefined, withAttendance.reason)
        const result = transitionDeliberation(
          withAttendance.next,
          { type: 'record_result', step: meeting.step, votes: combined.value },
          ctx,
        )
        if (!result.ok) throw new AppException(result.code, undefined, result.reason)
        const outcome = result.outcome!
        await m.getRepository(DeliberationMeetingResult).insert({
          meetingId,
          deliberationId: d.id,
          outcome: outcome.outcome,
          reason: outcome.reason,
          due: tally.attendance.due,
          present: tally.attendance.present,
          householdsTotal: tally.attendance.households?.total ?? null,
          householdsRepresented: tally.attendance.households?.represented ?? null,
          quorumBy: outcome.quorum.by,
          yes: combined.value.yes,
          no: combined.value.no,
          abstain: combined.value.abstain,
          online: tally.online,
          closedByAccountId: a.principal.accountId,
          closedAt: this.clock.now(),
        })
        await m.getRepository(DeliberationMeeting).update({ id: meetingId }, { status: 'closed' })
        const before = snapshot(d)
        let next = result.next
        // a passed step moves on by itself; a failed one ends the deliberation, a not-quorate one waits
        if (outcome.outcome === 'passed') {
          const advanced = transitionDeliberation(next, { type: 'advance', step: meeting.step }, ctx)
          if (!advanced.ok) throw new AppException(advanced.code, undefined, advanced.reason)
          next = advanced.next
          // 决议公开 follows the deciding vote at once, published by the system
          if (findStep(d.procedure, meeting.step)?.deciding) {
            const notice = await this.addNotice(m, d, 'resolution', null, {
              title: `决议公开：${d.title}`,
              text: `${d.content}\n\n表决结果：${outcome.reason}`,
            })
            next = this.publishAndMove(next, notice.id, ctx)
          }
        }
        await this.save(m, d, next, a.principal.accountId)
        await this.audit.append(m, {
          actor: a.actor,
          action: 'deliberation.vote_closed',
          orgId: d.villageId,
          targetType: 'deliberation',
          targetId: d.id,
          before,
          after: { ...snapshot(d), meetingId, outcome: outcome.outcome, votes: combined.value },
        })
        // the rows counted and the result, sealed into the chain (see meeting-seal.ts)
        for (const sealed of await meetingSealEntries(m, meeting))
          await this.audit.append(m, { actor: a.actor, orgId: d.villageId, ...sealed })
      }),
    )
    return this.meetingView(a, id, meetingId)
  }

  // ---------- 一征: opinions and their summary ----------

  /** 一征: the committee opens the window in which residents give opinions (at least the set days). */
  async openSolicitation(a: ActingContext, id: number, body: SolicitationOpen): Promise<DeliberationView> {
    await this.tx.run(async (m) => {
      const d = await this.find(m, a.villageId, id, true)
      const event: DeliberationEvent = body.opensAt
        ? { type: 'open', step: body.step, opensAt: body.opensAt, closesAt: body.closesAt }
        : { type: 'open', step: body.step, closesAt: body.closesAt }
      await this.apply(m, a, d, event, 'deliberation.solicitation_opened')
      // every resident who uses the app hears that their opinion is asked for
      const rows = (await m.query(
        'SELECT accountId FROM resident WHERE villageId = ? AND accountId IS NOT NULL',
        [d.villageId],
      )) as { accountId: number | string }[]
      await this.notify.notify(m, {
        accountIds: rows.map((r) => Number(r.accountId)).filter((x) => x !== a.principal.accountId),
        orgId: d.villageId,
        kind: 'deliberation.solicitation_opened',
        title: '征求居民意见',
        body: `「${d.title}」正在征求意见，${meetingDay(new Date(d.state.solicitationOpensAt ?? this.clock.nowMs()))}至${meetingDay(body.closesAt)}，欢迎提出您的意见。`,
        link: deliberationPage(d.id),
      })
    })
    return this.detail(a, id)
  }

  /** 一征: a resident on the roster gives an opinion while the window is open. */
  async submitOpinion(a: ActingContext, id: number, body: OpinionCreate): Promise<OpinionView> {
    const residentId = a.principal.residentIn.get(a.villageId)
    if (!residentId) throw new AppException('DELIBERATION_OPINION_NOT_RESIDENT')
    const opinionId = await this.tx.run(async (m) => {
      const d = await this.find(m, a.villageId, id)
      this.mustBeCollecting(d, this.clock.now())
      const resident = await m.getRepository(Resident).findOneBy({ id: residentId, villageId: a.villageId })
      if (!resident) throw new AppException('DELIBERATION_OPINION_NOT_RESIDENT')
      const o = await m.getRepository(DeliberationOpinion).save({
        deliberationId: d.id,
        villageId: d.villageId,
        residentId,
        accountId: a.principal.accountId,
        name: resident.name,
        text: body.text,
      })
      const attached = await this.files.attach(
        m,
        body.photoIds,
        { villageId: a.villageId, accountId: a.principal.accountId },
        { type: FILES_OF_OPINION, id: o.id },
      )
      if (!attached) throw new AppException('DELIBERATION_FILE_INVALID')
      await this.audit.append(m, {
        actor: { ...a.actor, name: resident.name },
        action: 'deliberation.opinion_submitted',
        orgId: d.villageId,
        targetType: 'deliberation',
        targetId: d.id,
        after: { opinionId: o.id, photos: body.photoIds.length },
      })
      return o.id
    })
    const o = await this.ds.getRepository(DeliberationOpinion).findOneByOrFail({ id: opinionId })
    return (await this.opinionViews([o], a))[0]!
  }

  /** The opinions, newest first: all of them for the two committees, supervisors and the township; one's own otherwise. */
  async opinions(a: ActingContext, id: number, q: PageQuery): Promise<OpinionPage> {
    const d = await this.find(this.ds.manager, a.villageId, id)
    const qb = this.ds
      .getRepository(DeliberationOpinion)
      .createQueryBuilder('o')
      .where('o.deliberationId = :d', { d: d.id })
    if (!(await this.readsAllOpinions(a.principal, d.villageId)))
      qb.andWhere('o.accountId = :me', { me: a.principal.accountId })
    const [rows, total] = await qb
      .orderBy('o.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount()
    return { items: await this.opinionViews(rows, a), total, page: q.page, pageSize: q.pageSize }
  }

  /**
   * 一征 done: the committee posts its summary once the window has closed. The server counts the
   * opinions; the step is done and the deliberation moves on to 提议, whose page shows the summary.
   */
  async postSummary(a: ActingContext, id: number, body: OpinionSummaryRequest): Promise<DeliberationView> {
    await this.tx.run(async (m) => {
      const d = await this.find(m, a.villageId, id, true)
      const opinionCount = await m.getRepository(DeliberationOpinion).countBy({ deliberationId: d.id })
      const ctx = this.context(d, a)
      const posted = transitionDeliberation(
        d.state,
        { type: 'post_summary', step: body.step, text: body.text, opinionCount },
        ctx,
      )
      if (!posted.ok) throw new AppException(posted.code, undefined, posted.reason)
      const advanced = transitionDeliberation(posted.next, { type: 'advance', step: body.step }, ctx)
      if (!advanced.ok) throw new AppException(advanced.code, undefined, advanced.reason)
      const before = snapshot(d)
      await this.save(m, d, advanced.next, a.principal.accountId)
      await this.audit.append(m, {
        actor: a.actor,
        action: 'deliberation.summary_posted',
        orgId: d.villageId,
        targetType: 'deliberation',
        targetId: d.id,
        before,
        after: { ...snapshot(d), opinionCount },
      })
      const givers = (await m.query(
        'SELECT DISTINCT accountId FROM deliberation_opinion WHERE deliberationId = ?',
        [d.id],
      )) as { accountId: number | string }[]
      await this.notify.notify(m, {
        accountIds: givers.map((r) => Number(r.accountId)),
        orgId: d.villageId,
        kind: 'deliberation.summary_posted',
        title: '意见汇总已发布',
        body: `「${d.title}」收到的 ${opinionCount} 条意见已经汇总，议事进入下一步。`,
        link: deliberationPage(d.id),
      })
    })
    return this.detail(a, id)
  }

  private mustBeCollecting(d: Deliberation, now: Date): void {
    if (isDeliberationClosed(d.status)) throw new AppException('DELIBERATION_CLOSED')
    const solicit = d.procedure.steps.find((s) => s.kind === 'solicitation')
    if (!solicit) throw new AppException('DELIBERATION_ACTION_NOT_FOR_STEP')
    if (d.state.step !== solicit.key || d.state.phase === 'done')
      throw new AppException('DELIBERATION_SOLICITATION_CLOSED')
    const { solicitationOpensAt: opensAt, solicitationClosesAt: closesAt } = d.state
    if (d.state.phase !== 'collecting' || (opensAt && now.getTime() < new Date(opensAt).getTime()))
      throw new AppException('DELIBERATION_SOLICITATION_NOT_STARTED')
    if (closesAt && now.getTime() >= new Date(closesAt).getTime())
      throw new AppException('DELIBERATION_SOLICITATION_CLOSED')
  }

  private async solicitationView(a: ActingContext, d: Deliberation): Promise<SolicitationView | null> {
    if (!d.procedure.steps.some((s) => s.kind === 'solicitation')) return null
    const [counts] = (await this.ds.query(
      `SELECT COUNT(*) AS n, COALESCE(SUM(CASE WHEN accountId = ? THEN 1 ELSE 0 END), 0) AS mine
         FROM deliberation_opinion WHERE deliberationId = ?`,
      [a.principal.accountId, d.id],
    )) as { n: number | string; mine: number | string }[]
    const now = this.clock.now()
    let accepting = true
    try {
      this.mustBeCollecting(d, now)
    } catch {
      accepting = false
    }
    return {
      opensAt: d.state.solicitationOpensAt ?? null,
      closesAt: d.state.solicitationClosesAt,
      accepting,
      opinionCount: Number(counts?.n ?? 0),
      myOpinionCount: Number(counts?.mine ?? 0),
      canGiveOpinion: accepting && a.principal.residentIn.has(d.villageId),
      now: now.toISOString(),
    }
  }

  private async opinionViews(rows: DeliberationOpinion[], a: ActingContext): Promise<OpinionView[]> {
    if (rows.length === 0) return []
    const files = await this.ds.getRepository(StoredFile).find({
      where: { attachedType: FILES_OF_OPINION, attachedId: In(rows.map((o) => o.id)) },
      order: { id: 'ASC' },
    })
    return rows.map((o) => ({
      id: o.id,
      name: o.name,
      text: o.text,
      photos: files.filter((f) => f.attachedId === o.id).map((f) => this.fileView(f)),
      isMine: o.accountId === a.principal.accountId,
      createdAt: o.createdAt.toISOString(),
    }))
  }

  // ---------- meeting records: minutes, attachments, township attendees ----------

  /**
   * 会议记录, append-only: the first entry is the minutes, each later one a correction (更正); none
   * is ever edited or deleted. Taken once the meeting has opened, by those who record its step.
   */
  async addMinutes(
    a: ActingContext,
    id: number,
    meetingId: number,
    body: MinutesCreateRequest,
  ): Promise<MeetingView> {
    await this.tx.run(async (m) => {
      const { d, meeting } = await this.recordable(m, a, id, meetingId, ['in_session', 'closed'])
      const [row] = (await m.query(
        'SELECT COALESCE(MAX(seq), 0) AS seq FROM deliberation_meeting_minutes WHERE meetingId = ?',
        [meeting.id],
      )) as { seq: number | string }[]
      const seq = Number(row?.seq ?? 0) + 1
      const e = await m.getRepository(DeliberationMeetingMinutes).save({
        meetingId: meeting.id,
        seq,
        text: body.text,
        recordedByAccountId: a.principal.accountId,
        recordedByName: Array.from(a.principal.displayName).slice(0, 30).join(''),
      })
      await this.audit.append(m, {
        actor: a.actor,
        action: seq === 1 ? 'deliberation.minutes_recorded' : 'deliberation.minutes_corrected',
        orgId: d.villageId,
        targetType: 'deliberation_meeting',
        targetId: meeting.id,
        after: { entryId: e.id, seq, text: body.text },
      })
    })
    return this.meetingView(a, id, meetingId)
  }

  /** Files uploaded first (photos of the sign-in sheet, the paper minutes…), attached to the meeting. */
  async attachMeetingFiles(
    a: ActingContext,
    id: number,
    meetingId: number,
    body: MeetingAttachmentsRequest,
  ): Promise<MeetingView> {
    await this.tx.run(async (m) => {
      const { d, meeting } = await this.recordable(m, a, id, meetingId, ['scheduled', 'in_session', 'closed'])
      const ok = await this.files.attach(
        m,
        body.fileIds,
        { villageId: d.villageId, accountId: a.principal.accountId },
        { type: FILES_OF_MEETING, id: meeting.id },
      )
      if (!ok) throw new AppException('DELIBERATION_FILE_INVALID')
      await this.audit.append(m, {
        actor: a.actor,
        action: 'deliberation.meeting_files_attached',
        orgId: d.villageId,
        targetType: 'deliberation_meeting',
        targetId: meeting.id,
        after: { fileIds: body.fileIds },
      })
    })
    return this.meetingView(a, id, meetingId)
  }

  /** The officials of the village's township (street) the committee may list as attending. */
  async townshipOfficials(a: ActingContext): Promise<TownshipOfficialOption[]> {
    const village = await this.ds.getRepository(Org).findOneBy({ id: a.villageId })
    if (!village?.parentId) return []
    const township = await this.ds.getRepository(Org).findOneBy({ id: village.parentId })
    const rows = (await this.ds.query(
      `SELECT DISTINCT COALESCE(ra.accountId, r.accountId) AS accountId
         FROM role_assignment ra LEFT JOIN resident r ON r.id = ra.residentId
        WHERE ra.orgId = ? AND ra.role = 'township_official'`,
      [village.parentId],
    )) as { accountId: number | string | null }[]
    const ids = rows.filter((r) => r.accountId !== null).map((r) => Number(r.accountId))
    if (ids.length === 0) return []
    const accounts = await this.ds
      .getRepository(Account)
      .find({ where: { id: In(ids) }, order: { id: 'ASC' } })
    return accounts.map((x) => ({ accountId: x.id, name: x.displayName, townshipName: township?.name ?? '' }))
  }

  /** 列席: a township official who attended, with their post; never a member, never in the quorum. */
  async addTownshipAttendee(
    a: ActingContext,
    id: number,
    meetingId: number,
    body: TownshipAttendeeRequest,
  ): Promise<MeetingView> {
    const official = (await this.townshipOfficials(a)).find((x) => x.accountId === body.accountId)
    if (!official) throw new AppException('DELIBERATION_ATTENDEE_INVALID')
    try {
      await this.tx.run(async (m) => {
        const { d, meeting } = await this.recordable(m, a, id, meetingId, ['in_session', 'closed'])
        const row = await m.getRepository(DeliberationTownshipAttendee).save({
          meetingId: meeting.id,
          accountId: official.accountId,
          name: Array.from(official.name).slice(0, 30).join(''),
          title: body.title,
          recordedByAccountId: a.principal.accountId,
        })
        await this.audit.append(m, {
          actor: a.actor,
          action: 'deliberation.township_attendee_added',
          orgId: d.villageId,
          targetType: 'deliberation_meeting',
          targetId: meeting.id,
          after: { attendeeId: row.id, accountId: official.accountId, title: body.title },
        })
        await this.notify.notify(m, {
          accountIds: [official.accountId],
          orgId: d.villageId,
          kind: 'deliberation.township_attendee',
          title: `${DELIBERATION_BODY_LABELS[meeting.body]}列席登记`,
          body: `您已登记为「${d.title}」${DELIBERATION_BODY_LABELS[meeting.body]}（${meetingDay(meeting.meetingAt)}）的列席人员（${body.title}）。`,
          link: deliberationMeetingPage(d.id, meeting.id),
        })
      })
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppException('DELIBERATION_ATTENDEE_LISTED')
      throw e
    }
    return this.meetingView(a, id, meetingId)
  }

  /** The deliberation and the locked meeting, when the caller records its step and it is in one of `statuses`. */
  private async recordable(
    m: EntityManager,
    a: ActingContext,
    id: number,
    meetingId: number,
    statuses: readonly DeliberationMeeting['status'][],
  ): Promise<{ d: Deliberation; meeting: DeliberationMeeting }> {
    const d = await this.find(m, a.villageId, id)
    const meeting = await this.meeting(m, d, meetingId, true)
    if (!this.mayRecord(d, meeting, a)) throw new AppException('DELIBERATION_ROLE_NOT_ALLOWED')
    if (!statuses.includes(meeting.status)) throw new AppException('DELIBERATION_MEETING_NOT_HELD')
    return { d, meeting }
  }

  /** Those who record the meeting's step (the shared procedure's recorders) record its minutes too. */
  private mayRecord(d: Deliberation, meeting: DeliberationMeeting, a: ActingContext): boolean {
    const step = findStep(d.procedure, meeting.step)
    return step !== undefined && this.roles(a).some((r) => step.recorders.includes(r))
  }

  private async minutesOf(meetingId: number) {
    const rows = await this.ds
      .getRepository(DeliberationMeetingMinutes)
      .find({ where: { meetingId }, order: { seq: 'ASC' } })
    return rows.map((x) => ({
      id: x.id,
      seq: x.seq,
      kind: x.seq === 1 ? ('minutes' as const) : ('correction' as const),
      text: x.text,
      recordedBy: x.recordedByName,
      createdAt: x.createdAt.toISOString(),
    }))
  }

  private fileView(f: StoredFile): StoredFileView {
    return {
      id: f.id,
      url: this.files.signedUrl(f.id),
      mime: f.mime,
      size: f.size,
      ...(f.width !== null && f.height !== null ? { width: f.width, height: f.height } : {}),
    }
  }

  private async fileViews(type: string, id: number): Promise<StoredFileView[]> {
    const rows = await this.ds
      .getRepository(StoredFile)
      .find({ where: { attachedType: type, attachedId: id }, order: { id: 'ASC' } })
    return rows.map((f) => this.fileView(f))
  }

  /** Anyone with a role in the village, or an official of the township above it. */
  private async readsVillage(p: Principal, villageId: number): Promise<boolean> {
    if ((p.roles.get(villageId) ?? []).length > 0) return true
    return this.isTownshipOfficialOf(p, villageId)
  }

  /** The two committees and the supervisors of the village, and the township above it. */
  private async readsAllOpinions(p: Principal, villageId: number): Promise<boolean> {
    if ((p.roles.get(villageId) ?? []).some((r) => OVERSIGHT_ROLES.includes(r))) return true
    return this.isTownshipOfficialOf(p, villageId)
  }

  private async isTownshipOfficialOf(p: Principal, villageId: number): Promise<boolean> {
    const village = await this.ds.getRepository(Org).findOneBy({ id: villageId })
    return village?.parentId != null && (p.roles.get(village.parentId) ?? []).includes('township_official')
  }

  // ---------- settings ----------

  async settings(villageId: number): Promise<DeliberationSettings> {
    const row = await this.ds.getRepository(DeliberationSettingsRow).findOneBy({ villageId })
    return {
      showCountsLive: row?.showCountsLive ?? false,
      checkInLeadMinutes: row?.checkInLeadMinutes ?? DEFAULT_CHECK_IN_LEAD_MINUTES,
    }
  }

  async updateSettings(a: ActingContext, body: DeliberationSettingsRequest): Promise<DeliberationSettings> {
    await this.tx.run(async (m) => {
      const before = await this.settings(a.villageId)
      // a setting left out keeps its value
      await m
        .getRepository(DeliberationSettingsRow)
        .upsert({ villageId: a.villageId, ...before, ...body }, ['villageId'])
      await this.audit.append(m, {
        actor: a.actor,
        action: 'deliberation.settings_changed',
        orgId: a.villageId,
        targetType: 'deliberation_settings',
        targetId: a.villageId,
        before,
        after: body,
      })
    })
    return this.settings(a.villageId)
  }

  // ---------- publication ----------

  /** 决议公开 (when it was not published automatically) or 实施结果公开, linked to the resolution. */
  async publish(a: ActingContext, id: number, body: PublishStepRequest) {
    await this.tx.run(async (m) => {
      const d = await this.find(m, a.villageId, id, true)
      this.gate(d, a, 'publish')
      const results = body.step === 'publish_results'
      const notice = await this.addNotice(
        m,
        d,
        results ? 'implementation' : 'resolution',
        a.principal.accountId,
        { title: body.title, text: body.text },
        results ? d.state.resolutionNoticeId : null,
      )
      const before = snapshot(d)
      await this.save(
        m,
        d,
        this.publishAndMove(d.state, notice.id, this.context(d, a), body.step),
        a.principal.accountId,
      )
      await this.audit.append(m, {
        actor: a.actor,
        action: 'deliberation.published',
        orgId: d.villageId,
        targetType: 'deliberation',
        targetId: d.id,
        before,
        after: { ...snapshot(d), noticeId: notice.id },
      })
    })
    return this.detail(a, id)
  }

  /** 村务监督委员会意见 on either notice, given once. */
  async giveOpinion(a: ActingContext, id: number, noticeId: number, body: SupervisionOpinionRequest) {
    await this.tx.run(async (m) => {
      const d = await this.find(m, a.villageId, id)
      // the notices module keeps the opinion (once) and its audit entry
      await this.notices.giveOpinion(m, a.actor, a.principal.accountId, d.villageId, noticeId, body.opinion, {
        deliberationId: d.id,
        code: 'DELIBERATION_OPINION_GIVEN',
      })
    })
    return this.detail(a, id)
  }

  private async addNotice(
    m: EntityManager,
    d: Deliberation,
    category: 'resolution' | 'implementation',
    by: number | null,
    content: { title: string; text: string },
    resolutionNoticeId: number | null = null,
  ): Promise<PublicNotice> {
    // a real notice: first version, content hash in the audit chain, residents notified
    const account = by === null ? null : await m.getRepository(Account).findOneBy({ id: by })
    return this.notices.publishForDeliberation(m, {
      villageId: d.villageId,
      category,
      title: content.title,
      body: content.text,
      deliberationId: d.id,
      resolutionNoticeId,
      actor: account ? { accountId: account.id, name: account.displayName, role: null } : SYSTEM_ACTOR,
      publishedByAccountId: by,
    })
  }

  /** The shared `publish` event, then `advance` after 决议公开 (实施结果公开 completes by itself). */
  private publishAndMove(
    state: Deliberation['state'],
    noticeId: number,
    ctx: ReturnType<DeliberationsService['context']>,
    step: PublishStepRequest['step'] = 'publish_resolution',
  ): Deliberation['state'] {
    const published = transitionDeliberation(state, { type: 'publish', step, noticeId }, ctx)
    if (!published.ok) throw new AppException(published.code, undefined, published.reason)
    if (step !== 'publish_resolution') return published.next
    const advanced = transitionDeliberation(published.next, { type: 'advance', step }, ctx)
    if (!advanced.ok) throw new AppException(advanced.code, undefined, advanced.reason)
    return advanced.next
  }

  // ---------- helpers ----------

  private roles(a: ActingContext): Role[] {
    return a.principal.roles.get(a.villageId) ?? []
  }

  private context(d: Deliberation, a: ActingContext) {
    return {
      procedure: d.procedure,
      matter: d.matterType,
      delegated: isDelegated(d.procedure, d.matterType, d.delegationResolution !== null),
      roles: this.roles(a),
      now: this.clock.now(),
    }
  }

  /** The shared gate for an event on the current step: order, role and phase. */
  private gate(d: Deliberation, a: ActingContext, type: DeliberationEvent['type']): void {
    const g = gateEvent(d.procedure, d.state, type, d.state.step, this.roles(a))
    if (!g.ok) throw new AppException(g.code, undefined, g.reason)
  }

  private async apply(
    m: EntityManager,
    a: ActingContext,
    d: Deliberation,
    event: DeliberationEvent,
    action: string,
  ): Promise<void> {
    const t = transitionDeliberation(d.state, event, this.context(d, a))
    if (!t.ok) throw refusal(t)
    const before = snapshot(d)
    await this.save(m, d, t.next, a.principal.accountId)
    await this.audit.append(m, {
      actor: a.actor,
      action,
      orgId: d.villageId,
      targetType: 'deliberation',
      targetId: d.id,
      before,
      after: snapshot(d),
    })
  }

  /** Saves the state; the next actors (`by` excepted) are told when it becomes their turn. */
  private async save(
    m: EntityManager,
    d: Deliberation,
    next: Deliberation['state'],
    by: number | null = null,
  ): Promise<void> {
    await this.nextActors.tellWhenTheirTurn(m, d, d.state, next, by)
    d.state = next
    d.status = next.status
    d.step = next.step
    await m
      .getRepository(Deliberation)
      .update({ id: d.id }, { state: next, status: next.status, step: next.step })
  }

  private async find(m: EntityManager, villageId: number, id: number, lock = false): Promise<Deliberation> {
    const q = m.getRepository(Deliberation).createQueryBuilder('d').where('d.id = :id AND d.villageId = :v', {
      id,
      v: villageId,
    })
    const d = lock && !this.tx.isSqlite ? await q.setLock('pessimistic_write').getOne() : await q.getOne()
    if (!d) throw new AppException('NOT_FOUND')
    return d
  }

  private async meeting(
    m: EntityManager,
    d: Deliberation,
    meetingId: number,
    lock = false,
  ): Promise<DeliberationMeeting> {
    const q = m
      .getRepository(DeliberationMeeting)
      .createQueryBuilder('x')
      .where('x.id = :id AND x.deliberationId = :d', { id: meetingId, d: d.id })
    const meeting =
      lock && !this.tx.isSqlite ? await q.setLock('pessimistic_write').getOne() : await q.getOne()
    if (!meeting) throw new AppException('NOT_FOUND')
    return meeting
  }

  /**
   * Everything a check-in or a ballot must know, in one round trip: the meeting's state and ballot
   * kind (scoped to the deliberation and the village), the caller's place on the frozen member list
   * and whether they are present. On MySQL the meeting row is read under a shared lock: check-ins and
   * ballots run side by side, and the close, which takes it exclusively, waits for those in flight
   * and is seen by any that come after (LOCK IN SHARE MODE, not FOR SHARE: MariaDB has only the
   * former, and MySQL 8 still takes it; subqueries are not locked). SQLite runs one at a time anyway.
   */
  private async hotGate(
    m: EntityManager,
    villageId: number,
    id: number,
    meetingId: number,
    residentId: number | null,
  ): Promise<{
    status: DeliberationMeeting['status']
    ballot: DeliberationMeeting['ballot']
    meetingAt: Date
    checkInLeadMinutes: number
    memberId: number | null
    /** null: not checked in; '': checked in without a key (or on paper); else the key's digest */
    checkedInWith: string | null
    /** the same for the ballot: the turnout of a secret ballot, the open vote otherwise */
    votedWith: string | null
  }> {
    const mine = (table: string) =>
      `(SELECT COALESCE(w.requestKey, '') FROM ${table} w
          JOIN deliberation_meeting_member mm ON mm.id = w.memberId
         WHERE w.meetingId = x.id AND mm.residentId = ?)`
    const [row] = (await m.query(
      `SELECT x.status, x.ballot, x.meetingAt, x.checkInLeadMinutes,
              (SELECT mm.id FROM deliberation_meeting_member mm
                WHERE mm.meetingId = x.id AND mm.residentId = ?) AS memberId,
              ${mine('deliberation_attendance')} AS checkedInWith,
              CASE WHEN x.ballot = 'secret' THEN ${mine('deliberation_turnout')}
                   ELSE ${mine('deliberation_open_vote')} END AS votedWith
         FROM deliberation_meeting x
        WHERE x.id = ? AND x.deliberationId = ?
          AND EXISTS (SELECT 1 FROM deliberation d WHERE d.id = x.deliberationId AND d.villageId = ?)${
            this.tx.isSqlite ? '' : ' LOCK IN SHARE MODE'
          }`,
      [...Array<number>(4).fill(residentId ?? 0), meetingId, id, villageId],
    )) as {
      status: DeliberationMeeting['status']
      ballot: DeliberationMeeting['ballot']
      meetingAt: Date | string
      checkInLeadMinutes: number | string
      memberId: number | string | null
      checkedInWith: string | null
      votedWith: string | null
    }[]
    if (!row) throw new AppException('NOT_FOUND')
    return {
      status: row.status,
      ballot: row.ballot,
      meetingAt: this.rawDate(row.meetingAt),
      checkInLeadMinutes: Number(row.checkInLeadMinutes),
      memberId: row.memberId === null ? null : Number(row.memberId),
      checkedInWith: row.checkedInWith,
      votedWith: row.votedWith,
    }
  }

  /** A datetime column read by a raw query: a Date from MySQL, UTC text from SQLite. */
  private rawDate(v: Date | string): Date {
    if (v instanceof Date) return v
    return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v.replace(' ', 'T')}Z`)
  }

  private mustBeInSession(meeting: Pick<DeliberationMeeting, 'status'>): void {
    if (meeting.status === 'closed' || meeting.status === 'cancelled' || meeting.status === 'voided')
      throw new AppException('DELIBERATION_VOTING_CLOSED')
    if (meeting.status !== 'in_session') throw new AppException('DELIBERATION_MEETING_NOT_OPEN')
  }

  /** Persons due and present, and households all and represented, by COUNT and COUNT(DISTINCT). */
  private async attendance(m: EntityManager, meetingId: number): Promise<Attendance> {
    const [due] = (await m.query(
      'SELECT COUNT(*) AS due, COUNT(DISTINCT householdId) AS households FROM deliberation_meeting_member WHERE meetingId = ?',
      [meetingId],
    )) as { due: number | string; households: number | string }[]
    const [present] = (await m.query(
      `SELECT COUNT(*) AS present, COUNT(DISTINCT mm.householdId) AS households
         FROM deliberation_attendance a JOIN deliberation_meeting_member mm ON mm.id = a.memberId
        WHERE a.meetingId = ?`,
      [meetingId],
    )) as { present: number | string; households: number | string }[]
    return {
      due: Number(due?.due ?? 0),
      present: Number(present?.present ?? 0),
      households: { total: Number(due?.households ?? 0), represented: Number(present?.households ?? 0) },
    }
  }

  private async tally(m: EntityManager, meeting: DeliberationMeeting): Promise<Tally> {
    const table = meeting.ballot === 'secret' ? 'deliberation_secret_ballot' : 'deliberation_open_vote'
    const rows = (await m.query(
      `SELECT choice, COUNT(*) AS n FROM ${table} WHERE meetingId = ? GROUP BY choice`,
      [meeting.id],
    )) as { choice: BallotChoice; n: number | string }[]
    const online: Votes = { yes: 0, no: 0, abstain: 0 }
    for (const r of rows) online[r.choice] = Number(r.n)
    return { attendance: await this.attendance(m, meeting.id), online }
  }

  /**
   * A check-in or a ballot under its unique key. Two requests of one member racing: the loser's
   * insert fails on the key once the winner has committed, so it runs once more and its gate sees
   * the winner's row: its own earlier attempt when the Idempotency-Key matches (answered as done),
   * another request otherwise (refused with `code`).
   */
  private async hotWrite<T>(
    code: 'DELIBERATION_ALREADY_CHECKED_IN' | 'DELIBERATION_ALREADY_VOTED',
    work: () => Promise<T>,
  ): Promise<T> {
    try {
      return await work()
    } catch (e) {
      if (!isUniqueViolation(e)) throw e
    }
    return this.uniqueAs(code, work)
  }

  private async uniqueAs<T>(
    code: 'DELIBERATION_ALREADY_CHECKED_IN' | 'DELIBERATION_ALREADY_VOTED' | 'DELIBERATION_RESULT_FINAL',
    work: () => Promise<T>,
  ): Promise<T> {
    try {
      return await work()
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppException(code)
      throw e
    }
  }

  private resultView(r: DeliberationMeetingResult): MeetingResultView {
    return {
      outcome: r.outcome,
      reason: r.reason,
      due: r.due,
      present: r.present,
      households:
        r.householdsTotal === null
          ? null
          : { total: r.householdsTotal, represented: r.householdsRepresented },
      quorumBy: r.quorumBy,
      votes: { yes: r.yes, no: r.no, abstain: r.abstain },
      online: r.online,
      closedAt: r.closedAt.toISOString(),
    }
  }
}

import { Injectable } from '@nestjs/common'
import { randomUUID } from 'node:crypto'
import { DataSource, In, type EntityManager } from 'typeorm'
import {
  buildProcedure,
  combineVotes,
  currentDeliberationStep,
  defaultProcedureSettings,
  defaultVillageSettings,
  deliberationEventsFrom,
  DELIBERATION_BODY_LABELS,
  DELIBERATION_STATUS_LABELS,
  findStep,
  gateEvent,
  isDelegated,
  meetingRuleFor,
  quorumMet,
  startDeliberation,
  stepPhaseLabel,
  transitionDeliberation,
  MATTER_TYPE_LABELS,
  type Attendance,
  type DeliberationCreate,
  type DeliberationEvent,
  type MeetingBody,
  type MeetingSchedule,
  type PublishStepRequest,
  type RejectDeliberationRequest,
  type Role,
  type Votes,
} from '@xiangli/shared'
import { AuditService } from '../../core/audit/audit.service'
import type { ActingContext } from '../../core/auth/current.decorator'
import { isUniqueViolation } from '../../core/database/errors'
import { AppException } from '../../core/errors/app.exception'
import { TxService } from '../../core/tx/tx.service'
import { NotifyService } from '../inbox/notify.service'
import { Grievance } from '../grievances/entities/grievance.entity'
import { Org } from '../orgs/entities/org.entity'
import { Resident } from '../roster/entities/resident.entity'
import type {
  BallotRequest,
  CloseMeeting,
  DeliberationSettings,
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
import { PublicNotice, type PublicNoticeCategory } from './entities/public-notice.entity'

/** What the audit digests see of a deliberation. */
const snapshot = (d: Deliberation) => ({
  id: d.id,
  villageId: d.villageId,
  status: d.status,
  step: d.step,
  phase: d.state.phase,
  history: d.state.history.length,
})

/** The roles whose members make up each body, frozen into the member list at notice time. */
const BODY_ROLES: Partial<Record<MeetingBody, readonly Role[]>> = {
  party_branch: ['party_secretary', 'committee_member'],
  joint_committees: ['party_secretary', 'committee_member'],
  party_members_meeting: ['party_member'],
  representatives_meeting: ['representative'],
  residents_representatives_meeting: ['representative'],
}

/** YYYY-MM-DD of the day 18 years before the meeting, in China time: born on or before it is an adult. */
function adultCutoff(meetingAt: Date): string {
  const china = new Date(meetingAt.getTime() + 8 * 3_600_000)
  const y = china.getUTCFullYear() - 18
  const md = china.toISOString().slice(4, 10)
  // 29 February: an adult on 28 February of a non-leap year is born on or before 28 February
  return md === '-02-29' ? `${y}-02-28` : `${y}${md}`
}

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

@Injectable()
export class DeliberationsService {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly notify: NotifyService,
  ) {}

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
    // petitions (联名提议) have no table yet: a petition source cannot be linked
    if (source.kind === 'petition') throw new AppException('DELIBERATION_SOURCE_INVALID')
    const settings =
      village.settings ?? defaultVillageSettings(village.kind === 'community' ? 'community' : 'village')
    const procedure = buildProcedure(settings, defaultProcedureSettings())
    const state = startDeliberation(procedure)
    const id = await this.tx.run(async (m) => {
      const d = await m.getRepository(Deliberation).save({
        villageId: a.villageId,
        title: body.title,
        content: body.content,
        matterType: body.matterType,
        sourceKind: source.kind,
        sourceGrievanceId: source.kind === 'grievance' ? source.grievanceId : null,
        sourceReference: source.kind === 'higher_assignment' ? source.reference : null,
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
      return d.id
    })
    return this.detail(a, id)
  }

  async list(a: ActingContext) {
    const rows = await this.ds
      .getRepository(Deliberation)
      .find({ where: { villageId: a.villageId }, order: { id: 'DESC' }, take: 200 })
    return rows.map((d) => ({
      id: d.id,
      title: d.title,
      matterType: d.matterType,
      status: d.status,
      statusLabel: DELIBERATION_STATUS_LABELS[d.status],
      step: d.step,
      stepLabel: findStep(d.procedure, d.step)?.label ?? d.step,
      createdAt: d.createdAt,
    }))
  }

  async detail(a: ActingContext, id: number) {
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
    const notices = await this.ds
      .getRepository(PublicNotice)
      .find({ where: { deliberationId: d.id }, order: { id: 'ASC' } })
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
      meetings: meetings.map((x) => {
        const r = results.find((y) => y.meetingId === x.id)
        return {
          id: x.id,
          step: x.step,
          body: x.body,
          bodyLabel: DELIBERATION_BODY_LABELS[x.body],
          meetingAt: x.meetingAt,
          noticeAt: x.noticeAt,
          location: x.location,
          ballot: x.ballot,
          status: x.status,
          result: r ? this.resultView(r) : null,
        }
      }),
      notices: notices.map((n) => ({
        id: n.id,
        category: n.category,
        title: n.title,
        body: n.body,
        resolutionNoticeId: n.resolutionNoticeId,
        publishedAt: n.publishedAt,
        supervisionOpinion: n.supervisionOpinion,
        supervisionAt: n.supervisionAt,
      })),
      /** what the caller may do now: which buttons the page shows */
      actions: deliberationEventsFrom(d.procedure, d.state, this.roles(a)),
      createdAt: d.createdAt,
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
    const now = new Date()
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
          noticeAt: body.noticeAt ?? now,
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
        noticeAt: body.noticeAt ?? now,
        location: body.location,
        agenda: body.agenda,
        ballot: body.ballot,
        status: 'scheduled' as const,
        scheduledByAccountId: a.principal.accountId,
      })
      const members = await this.bodyMembers(m, d.villageId, meetingBody, body.meetingAt)
      for (let i = 0; i < members.length; i += 500)
        await m.getRepository(DeliberationMeetingMember).insert(
          members.slice(i, i + 500).map((r) => ({
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
        link: null,
      })
    })
    return this.detail(a, id)
  }

  async open(a: ActingContext, id: number, meetingId: number) {
    await this.tx.run(async (m) => {
      const d = await this.find(m, a.villageId, id, true)
      const meeting = await this.meeting(m, d, meetingId)
      if (meeting.status === 'cancelled') throw new AppException('DELIBERATION_MEETING_NOT_SCHEDULED')
      if (meeting.status === 'closed') throw new AppException('DELIBERATION_RESULT_FINAL')
      if (meeting.status !== 'scheduled') throw new AppException('DELIBERATION_MEETING_IN_SESSION')
      await this.apply(m, a, d, { type: 'open', step: meeting.step }, 'deliberation.meeting_opened')
      await m.getRepository(DeliberationMeeting).update({ id: meeting.id }, { status: 'in_session' })
    })
    return this.meetingView(a, id, meetingId)
  }

  /** Calls off a meeting that has not opened; the step waits for a new one. */
  async cancel(a: ActingContext, id: number, meetingId: number, body: { reason?: string | undefined }) {
    await this.tx.run(async (m) => {
      const d = await this.find(m, a.villageId, id, true)
      const meeting = await this.meeting(m, d, meetingId, true)
      if (meeting.status === 'closed' || meeting.status === 'cancelled')
        throw new AppException('DELIBERATION_VOTING_CLOSED')
      const event: DeliberationEvent = body.reason
        ? { type: 'cancel_meeting', step: meeting.step, reason: body.reason }
        : { type: 'cancel_meeting', step: meeting.step }
      await this.apply(m, a, d, event, 'deliberation.meeting_cancelled')
      await m.getRepository(DeliberationMeeting).update({ id: meeting.id }, { status: 'cancelled' })
    })
    return this.detail(a, id)
  }

  /** 签到: a member checks themself in on their phone. */
  async checkIn(a: ActingContext, id: number, meetingId: number) {
    const residentId = a.principal.residentIn.get(a.villageId)
    await this.uniqueAs('DELIBERATION_ALREADY_CHECKED_IN', () =>
      this.tx.run(async (m) => {
        const d = await this.find(m, a.villageId, id)
        const meeting = await this.meeting(m, d, meetingId)
        this.mustBeInSession(meeting)
        const member = residentId
          ? await m.getRepository(DeliberationMeetingMember).findOneBy({ meetingId, residentId })
          : null
        if (!member) throw new AppException('DELIBERATION_NOT_A_MEMBER')
        await m.getRepository(DeliberationAttendance).insert({
          meetingId,
          memberId: member.id,
          method: 'app',
          recordedByAccountId: a.principal.accountId,
        })
        await this.audit.append(m, {
          actor: a.actor,
          action: 'deliberation.checked_in',
          orgId: d.villageId,
          targetType: 'deliberation_meeting',
          targetId: meetingId,
          after: { memberId: member.id, method: 'app' },
        })
      }),
    )
    return this.quorum(a, id, meetingId)
  }

  /** The clerk enters the paper sign-in sheet; members already checked in are left as they are. */
  async paperSignIn(a: ActingContext, id: number, meetingId: number, body: PaperSignInRequest) {
    await this.tx.run(async (m) => {
      const d = await this.find(m, a.villageId, id)
      this.gate(d, a, 'record_attendance')
      const meeting = await this.meeting(m, d, meetingId)
      this.mustBeInSession(meeting)
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
      if (fresh.length)
        await m.getRepository(DeliberationAttendance).insert(
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
  async quorum(a: ActingContext, id: number, meetingId: number) {
    const d = await this.find(this.ds.manager, a.villageId, id)
    const meeting = await this.meeting(this.ds.manager, d, meetingId)
    const attendance = await this.attendance(this.ds.manager, meetingId)
    const step = findStep(d.procedure, meeting.step)!
    const rule = meetingRuleFor(d.procedure, step, meeting.body, d.matterType)!
    return { meetingId, status: meeting.status, attendance, quorum: quorumMet(rule.quorum, attendance) }
  }

  async meetingView(a: ActingContext, id: number, meetingId: number) {
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
      meetingAt: meeting.meetingAt,
      noticeAt: meeting.noticeAt,
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
    }
  }

  // ---------- votes ----------

  async castBallot(a: ActingContext, id: number, meetingId: number, body: BallotRequest) {
    const residentId = a.principal.residentIn.get(a.villageId)
    await this.uniqueAs('DELIBERATION_ALREADY_VOTED', () =>
      this.tx.run(async (m) => {
        const d = await this.find(m, a.villageId, id)
        // the meeting row is locked so no ballot lands after the close has counted (MariaDB has no
        // FOR SHARE; the audit chain serialises ballots anyway)
        const meeting = await this.meeting(m, d, meetingId, true)
        if (meeting.status === 'closed' || meeting.status === 'cancelled')
          throw new AppException('DELIBERATION_VOTING_CLOSED')
        if (meeting.status !== 'in_session') throw new AppException('DELIBERATION_MEETING_NOT_OPEN')
        const member = residentId
          ? await m.getRepository(DeliberationMeetingMember).findOneBy({ meetingId, residentId })
          : null
        if (!member) throw new AppException('DELIBERATION_NOT_A_MEMBER')
        const present = await m
          .getRepository(DeliberationAttendance)
          .countBy({ meetingId, memberId: member.id })
        if (!present) throw new AppException('DELIBERATION_NOT_CHECKED_IN')
        if (meeting.ballot === 'secret') {
          // two rows with nothing in common but the meeting: the turnout says who, the ballot says what
          await m.getRepository(DeliberationTurnout).insert({ meetingId, memberId: member.id })
          await m
            .getRepository(DeliberationSecretBallot)
            .insert({ id: randomUUID(), meetingId, choice: body.choice })
        } else {
          await m
            .getRepository(DeliberationOpenVote)
            .insert({ meetingId, memberId: member.id, choice: body.choice })
        }
        await this.audit.append(m, {
          actor: a.actor,
          action: 'deliberation.ballot_cast',
          orgId: d.villageId,
          targetType: 'deliberation_meeting',
          targetId: meetingId,
          // a secret ballot's choice never reaches the log, not even as a digest (three values guess easily)
          after:
            meeting.ballot === 'secret'
              ? { memberId: member.id }
              : { memberId: member.id, choice: body.choice },
        })
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
          closedAt: new Date(),
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
        await this.save(m, d, next)
        await this.audit.append(m, {
          actor: a.actor,
          action: 'deliberation.vote_closed',
          orgId: d.villageId,
          targetType: 'deliberation',
          targetId: d.id,
          before,
          after: { ...snapshot(d), meetingId, outcome: outcome.outcome, votes: combined.value },
        })
      }),
    )
    return this.meetingView(a, id, meetingId)
  }

  // ---------- settings ----------

  async settings(villageId: number): Promise<DeliberationSettings> {
    const row = await this.ds.getRepository(DeliberationSettingsRow).findOneBy({ villageId })
    return { showCountsLive: row?.showCountsLive ?? false }
  }

  async updateSettings(a: ActingContext, body: DeliberationSettings): Promise<DeliberationSettings> {
    await this.tx.run(async (m) => {
      const before = await this.settings(a.villageId)
      await m
        .getRepository(DeliberationSettingsRow)
        .upsert({ villageId: a.villageId, ...body }, ['villageId'])
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
      await this.save(m, d, this.publishAndMove(d.state, notice.id, this.context(d, a), body.step))
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
      const notice = await m.getRepository(PublicNotice).findOneBy({ id: noticeId, deliberationId: d.id })
      if (!notice) throw new AppException('NOT_FOUND')
      const res = await m
        .getRepository(PublicNotice)
        .createQueryBuilder()
        .update()
        .set({
          supervisionOpinion: body.opinion,
          supervisionByAccountId: a.principal.accountId,
          supervisionAt: new Date(),
        })
        .where('id = :id AND supervisionOpinion IS NULL', { id: noticeId })
        .execute()
      if (!res.affected) throw new AppException('DELIBERATION_OPINION_GIVEN')
      await this.audit.append(m, {
        actor: a.actor,
        action: 'deliberation.supervision_opinion',
        orgId: d.villageId,
        targetType: 'public_notice',
        targetId: noticeId,
        after: { opinion: body.opinion },
      })
    })
    return this.detail(a, id)
  }

  private async addNotice(
    m: EntityManager,
    d: Deliberation,
    category: PublicNoticeCategory,
    by: number | null,
    content: { title: string; text: string },
    resolutionNoticeId: number | null = null,
  ): Promise<PublicNotice> {
    return m.getRepository(PublicNotice).save({
      villageId: d.villageId,
      category,
      title: Array.from(content.title).slice(0, 80).join(''),
      body: content.text,
      deliberationId: d.id,
      resolutionNoticeId,
      publishedAt: new Date(),
      publishedByAccountId: by,
      supervisionOpinion: null,
      supervisionByAccountId: null,
      supervisionAt: null,
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
      now: new Date(),
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
    if (!t.ok) throw new AppException(t.code, undefined, t.reason)
    const before = snapshot(d)
    await this.save(m, d, t.next)
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

  private async save(m: EntityManager, d: Deliberation, next: Deliberation['state']): Promise<void> {
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

  private mustBeInSession(meeting: DeliberationMeeting): void {
    if (meeting.status === 'closed' || meeting.status === 'cancelled')
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

  /** Who is due at a meeting of this body: the roster and the roles as they are now. */
  private async bodyMembers(m: EntityManager, villageId: number, body: MeetingBody, meetingAt: Date) {
    const roles = BODY_ROLES[body]
    const q = m
      .getRepository(Resident)
      .createQueryBuilder('r')
      .select(['r.id', 'r.name', 'r.householdId', 'r.accountId'])
      .where('r.villageId = :v', { v: villageId })
      .orderBy('r.id', 'ASC')
    if (roles) {
      q.andWhere(
        `r.id IN (SELECT ra.residentId FROM role_assignment ra WHERE ra.orgId = :v AND ra.role IN (:...roles) AND ra.residentId IS NOT NULL)`,
        { roles },
      )
    } else {
      // the assemblies: everyone aged 18 or more on the day of the meeting (villagers: registered ones)
      q.andWhere('r.birthDate <= :cutoff', { cutoff: adultCutoff(meetingAt) })
      if (body === 'villagers_meeting' || body === 'villager_group_meeting')
        q.andWhere("r.residency = 'registered'")
    }
    return q.getMany()
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

  private resultView(r: DeliberationMeetingResult) {
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
      closedAt: r.closedAt,
    }
  }
}

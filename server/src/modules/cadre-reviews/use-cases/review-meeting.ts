import { Injectable } from '@nestjs/common'
import {
  cadreReviewPage,
  checkInTimeRule,
  checkNoticeDays,
  defaultProcedureSettings,
  DEFAULT_CHECK_IN_LEAD_MINUTES,
  DELIBERATION_BODY_LABELS,
  meetingMoment,
  openTimeRule,
  votingTimeRule,
  type BallotReceiptView,
  type ReviewBallotRequest,
  type ReviewMeetingRequest,
  type ReviewPaperSignInRequest,
  type ReviewView,
  type TimeVerdict,
} from '@xiangli/shared'
import type { EntityManager } from 'typeorm'
import { AuditService } from '../../../core/audit/audit.service'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { Clock } from '../../../core/clock/clock'
import { isUniqueViolation } from '../../../core/database/dialect'
import { AppException } from '../../../core/errors/app.exception'
import { TxService } from '../../../core/tx/tx.service'
import { DeliberationsService } from '../../deliberations/deliberations.service'
import { NotifyService } from '../../inbox/notify.service'
import { CadreReviewsRepository } from '../cadre-reviews.repository'
import type { CadreReviewMeeting } from '../entities'
import { ReviewReads } from './review-reads'

const refuse = (v: TimeVerdict): void => {
  if (!v.ok) throw new AppException(v.code, v.details, v.reason)
}

/** The review's meeting, held under the meeting law of the deliberations: notice, opening, check-in, ballot. */
@Injectable()
export class ReviewMeeting {
  constructor(
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly notify: NotifyService,
    private readonly repo: CadreReviewsRepository,
    private readonly deliberations: DeliberationsService,
    private readonly reads: ReviewReads,
  ) {}

  /** 通知开会: members frozen from the roster and roles now; the notice days of the body apply. */
  async schedule(a: ActingContext, id: number, body: ReviewMeetingRequest): Promise<ReviewView> {
    const now = this.clock.now()
    await this.tx.run(async (m) => {
      const r = await this.repo.find(a.villageId, id, m, true)
      if (r.status === 'published') throw new AppException('REVIEW_PUBLISHED')
      const last = await this.repo.lastMeeting(r.id, m)
      if (last && !(await this.over(m, last, now))) throw new AppException('REVIEW_MEETING_EXISTS')
      const subjects = await this.repo.subjects(r.id, m)
      if (subjects.length === 0) throw new AppException('REVIEW_NO_SUBJECTS')
      const missing = subjects.filter((s) => s.report === null).map((s) => s.name)
      if (missing.length) throw new AppException('REVIEW_REPORTS_MISSING', { missing })
      refuse(checkNoticeDays(defaultProcedureSettings().notices[body.body], now, body.meetingAt))
      const meeting = await this.repo.insertMeeting(m, {
        reviewId: r.id,
        villageId: a.villageId,
        body: body.body,
        meetingAt: body.meetingAt,
        noticeAt: now,
        checkInLeadMinutes: DEFAULT_CHECK_IN_LEAD_MINUTES,
        location: body.location,
        status: 'scheduled',
        scheduledByAccountId: a.principal.accountId,
      })
      const members = await this.deliberations.membersDue(m, a.villageId, body.body, body.meetingAt)
      await this.repo.addMembers(
        m,
        members.map((p) => ({
          meetingId: meeting.id,
          residentId: p.id,
          name: p.name,
          householdId: p.householdId,
        })),
      )
      await this.repo.setStatus(m, r.id, 'meeting')
      await this.audit.append(m, {
        actor: a.actor,
        action: 'cadre_review.meeting_scheduled',
        orgId: a.villageId,
        targetType: 'cadre_review_meeting',
        targetId: meeting.id,
        after: {
          reviewId: r.id,
          body: body.body,
          meetingAt: body.meetingAt,
          location: body.location,
          due: members.length,
        },
      })
      const label = DELIBERATION_BODY_LABELS[body.body]
      await this.notify.notify(m, {
        accountIds: members.map((p) => p.accountId).filter((x): x is number => x !== null),
        orgId: a.villageId,
        kind: 'cadre_review.meeting_scheduled',
        title: `${label}通知：${r.year}年度民主评议`,
        body: `${r.year}年度村干部民主评议定于${body.meetingAt.toISOString().slice(0, 10)}在${body.location}召开${label}，请准时参加并投票。`,
        link: cadreReviewPage(r.id, a.villageId),
      })
    })
    return this.reads.detail(a, id)
  }

  /** A meeting that can no longer be held: closed, or never opened within a day of its time (lapsed). */
  private async over(m: EntityManager, last: CadreReviewMeeting, now: Date) {
    if (last.status === 'closed' || last.status === 'lapsed') return true
    if (
      last.status === 'scheduled' &&
      meetingMoment(new Date(last.meetingAt), last.checkInLeadMinutes, now) === 'lapsed'
    ) {
      await this.repo.setMeetingStatus(m, last.id, 'lapsed')
      return true
    }
    return false
  }

  async openMeeting(a: ActingContext, id: number): Promise<ReviewView> {
    await this.tx.run(async (m) => {
      const r = await this.repo.find(a.villageId, id, m, true)
      const meeting = await this.repo.lastMeeting(r.id, m)
      if (!meeting || meeting.status !== 'scheduled') throw new AppException('REVIEW_NO_MEETING')
      refuse(
        openTimeRule(
          { meetingAt: new Date(meeting.meetingAt), checkInLeadMinutes: meeting.checkInLeadMinutes },
          this.clock.now(),
        ),
      )
      await this.repo.setMeetingStatus(m, meeting.id, 'in_session')
      await this.audit.append(m, {
        actor: a.actor,
        action: 'cadre_review.meeting_opened',
        orgId: a.villageId,
        targetType: 'cadre_review_meeting',
        targetId: meeting.id,
      })
    })
    return this.reads.detail(a, id)
  }

  /** 签到: a hot write (one insert, no audit entry); the close seals the attendance into the chain. */
  async checkIn(a: ActingContext, id: number): Promise<ReviewView> {
    await this.hot('REVIEW_ALREADY_CHECKED_IN', () =>
      this.tx.run(async (m) => {
        const r = await this.repo.find(a.villageId, id, m)
        const gate = await this.repo.gate(m, r.id, a.viewer.residentIdIn(a.villageId))
        refuse(checkInTimeRule(timed(gate.meeting), this.clock.now()))
        if (gate.memberId === null) throw new AppException('REVIEW_NOT_A_MEMBER')
        if (gate.checkedIn) throw new AppException('REVIEW_ALREADY_CHECKED_IN')
        await this.repo.checkIn(m, gate.meeting.id, gate.memberId)
      }),
    )
    return this.reads.detail(a, id)
  }

  /** 纸质签到: the host enters the sign-in sheet of members without the app, while the meeting is on. */
  async paperSignIn(a: ActingContext, id: number, body: ReviewPaperSignInRequest): Promise<ReviewView> {
    await this.tx.run(async (m) => {
      const r = await this.repo.find(a.villageId, id, m, true)
      const meeting = await this.repo.lastMeeting(r.id, m)
      if (!meeting || meeting.status !== 'in_session') throw new AppException('REVIEW_NOT_IN_SESSION')
      const fresh = await this.repo.signInMany(m, meeting.id, body.memberIds)
      await this.audit.append(m, {
        actor: a.actor,
        action: 'cadre_review.paper_sign_in',
        orgId: a.villageId,
        targetType: 'cadre_review_meeting',
        targetId: meeting.id,
        after: { memberIds: fresh },
      })
    })
    return this.reads.detail(a, id)
  }

  /**
   * 无记名投票: one ballot rates every reviewed person. The turnout line and the rating lines are
   * written in one transaction and share nothing but the meeting; no audit entry per ballot (the
   * chain's head would serialise every voter): the close seals them by count and digest.
   */
  async vote(a: ActingContext, id: number, body: ReviewBallotRequest): Promise<BallotReceiptView> {
    await this.hot('REVIEW_ALREADY_VOTED', () =>
      this.tx.run(async (m) => {
        const r = await this.repo.find(a.villageId, id, m)
        const gate = await this.repo.gate(m, r.id, a.viewer.residentIdIn(a.villageId))
        refuse(votingTimeRule(timed(gate.meeting), this.clock.now()))
        if (gate.memberId === null) throw new AppException('REVIEW_NOT_A_MEMBER')
        if (!gate.checkedIn) throw new AppException('REVIEW_NOT_CHECKED_IN')
        if (gate.voted) throw new AppException('REVIEW_ALREADY_VOTED')
        const subjects = new Set((await this.repo.subjects(r.id, m)).map((s) => s.id))
        if (body.ratings.some((x) => !subjects.has(x.subjectId)))
          throw new AppException('REVIEW_UNKNOWN_SUBJECT')
        if (body.ratings.length !== subjects.size) throw new AppException('REVIEW_BALLOT_INCOMPLETE')
        await this.repo.castSecret(m, gate.meeting.id, gate.memberId, body.ratings)
      }),
    )
    return { reviewId: id, voted: true }
  }

  /** A unique key that stops a second check-in or ballot: the loser of a race is refused with `code`. */
  private async hot<T>(code: 'REVIEW_ALREADY_CHECKED_IN' | 'REVIEW_ALREADY_VOTED', work: () => Promise<T>) {
    try {
      return await work()
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppException(code)
      throw e
    }
  }
}

const timed = (m: CadreReviewMeeting) => ({
  status: m.status,
  meetingAt: new Date(m.meetingAt),
  checkInLeadMinutes: m.checkInLeadMinutes,
})

import { Injectable } from '@nestjs/common'
import {
  cadreReviewPage,
  defaultProcedureSettings,
  postEnds,
  quorumMet,
  rateFromCounts,
  REVIEW_POST_LABELS,
  type RatingCounts,
  type ReviewCloseRequest,
  type ReviewView,
} from '@xiangli/shared'
import type { EntityManager } from 'typeorm'
import { AuditService } from '../../../core/audit/audit.service'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { Clock } from '../../../core/clock/clock'
import { isUniqueViolation } from '../../../core/database/dialect'
import { AppException } from '../../../core/errors/app.exception'
import { TxService } from '../../../core/tx/tx.service'
import { NotifyService } from '../../inbox/notify.service'
import { OrgsService } from '../../orgs/orgs.service'
import { RoleHolders } from '../../roles/role-holders'
import { CadreReviewsRepository } from '../cadre-reviews.repository'
import type { CadreReview, CadreReviewPersonResult, CadreReviewSubject } from '../entities'
import { reviewBallotsUnaccounted, reviewSealRecord } from '../review-seal'
import { ReviewReads } from './review-reads'

/**
 * 结束投票、计票、公布: counts the ratings with one aggregate, checks the quorum under the same law as
 * every meeting, rates each person by the review's frozen rule, ends the post of anyone rated 不称职
 * twice in a row (and tells the township), seals all of it into the audit chain, and publishes.
 * A meeting that was not quorate rates nobody: its result is recorded as not valid and a new meeting
 * is noticed.
 */
@Injectable()
export class ReviewClose {
  constructor(
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly notify: NotifyService,
    private readonly orgs: OrgsService,
    private readonly roles: RoleHolders,
    private readonly repo: CadreReviewsRepository,
    private readonly reads: ReviewReads,
  ) {}

  async close(a: ActingContext, id: number, body: ReviewCloseRequest): Promise<ReviewView> {
    try {
      await this.tx.run((m) => this.closeIn(m, a, id, body))
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppException('REVIEW_PUBLISHED')
      throw e
    }
    return this.reads.detail(a, id)
  }

  private async closeIn(
    m: EntityManager,
    a: ActingContext,
    id: number,
    body: ReviewCloseRequest,
  ): Promise<void> {
    const r = await this.repo.find(a.villageId, id, m, true)
    if (r.status === 'published') throw new AppException('REVIEW_PUBLISHED')
    const meeting = await this.repo.lastMeeting(r.id, m)
    if (!meeting || meeting.status !== 'in_session') throw new AppException('REVIEW_NOT_IN_SESSION')
    const subjects = await this.repo.subjects(r.id, m)
    const unaccounted = await reviewBallotsUnaccounted(m, meeting.id, subjects.length)
    if (unaccounted) throw new AppException('DELIBERATION_BALLOTS_UNACCOUNTED', { reason: unaccounted })
    const attendance = await this.repo.attendance(m, meeting.id)
    const quorum = quorumMet(defaultProcedureSettings().meetingRules[meeting.body].quorum, attendance)
    const ballots = await this.repo.turnout(m, meeting.id)
    const tally = withPaper(await this.repo.tally(m, meeting.id), subjects, body, ballots, attendance.present)
    const now = this.clock.now()
    const persons = quorum.met ? await this.rate(m, r, meeting.id, subjects, tally) : []
    const reason = quorum.met
      ? `应到 ${attendance.due} 人，到会 ${attendance.present} 人，达到法定人数；收回评议票 ${ballots + body.paperBallots} 张（手机 ${ballots} 张，纸质 ${body.paperBallots} 张）`
      : `应到 ${attendance.due} 人，到会 ${attendance.present} 人，未达到法定人数（至少 ${quorum.criteria[0]?.needed ?? 0} 人）：评议无效，请重新召开会议`
    const outcome = {
      meetingId: meeting.id,
      reviewId: r.id,
      valid: quorum.met,
      reason,
      due: attendance.due,
      present: attendance.present,
      ballots,
      paperBallots: body.paperBallots,
      closedByAccountId: a.principal.accountId,
      closedAt: now,
    }
    await this.repo.recordOutcome(m, outcome, persons)
    await this.repo.setMeetingStatus(m, meeting.id, 'closed')
    if (quorum.met) await this.repo.setStatus(m, r.id, 'published', now)
    await this.audit.append(m, {
      actor: a.actor,
      action: quorum.met ? 'cadre_review.published' : 'cadre_review.not_quorate',
      orgId: a.villageId,
      targetType: 'cadre_review_meeting',
      targetId: meeting.id,
      // the stored rows as read back, so the verifier derives the same digest (review-seal.ts)
      after: await reviewSealRecord(m, meeting.id),
    })
    for (const p of persons.filter((x) => x.postEnded))
      await this.endPost(
        m,
        a,
        r,
        subjects.find((s) => s.id === p.subjectId)!,
      )
    await this.notify.notify(m, {
      accountIds: await this.repo.memberAccounts(m, meeting.id),
      orgId: a.villageId,
      kind: 'cadre_review.closed',
      title: quorum.met ? `${r.year}年度民主评议结果公布` : `${r.year}年度民主评议会议未达法定人数`,
      body: reason,
      link: cadreReviewPage(r.id, a.villageId),
    })
  }

  /** Each person's rating from their counts, and whether it is their second 不称职 in a row. */
  private async rate(
    m: EntityManager,
    r: CadreReview,
    meetingId: number,
    subjects: CadreReviewSubject[],
    tally: Map<number, { competent: number; basic: number; incompetent: number }>,
  ): Promise<CadreReviewPersonResult[]> {
    const past = await this.repo.pastRatings(
      m,
      r.villageId,
      r.year,
      subjects.map((s) => s.residentId),
    )
    return subjects.map((s) => {
      const counts = tally.get(s.id) ?? { competent: 0, basic: 0, incompetent: 0 }
      const verdict = rateFromCounts(counts, r.ratingRule)
      const earlier = past.filter((p) => p.residentId === s.residentId)
      return {
        meetingId,
        subjectId: s.id,
        residentId: s.residentId,
        ...counts,
        rating: verdict.rating,
        reason: verdict.reason,
        postEnded: postEnds(verdict.rating, earlier, r.year),
      }
    })
  }

  /** Art 33: the post ends; the role is taken (audited by the roles module) and the township told. */
  private async endPost(m: EntityManager, a: ActingContext, r: CadreReview, s: CadreReviewSubject) {
    if (s.post !== 'staff') await this.roles.revoke(m, a.villageId, s.post, s.residentId, a.actor)
    await this.audit.append(m, {
      actor: a.actor,
      action: 'cadre_review.post_ended',
      orgId: a.villageId,
      targetType: 'cadre_review_subject',
      targetId: s.id,
      after: { reviewId: r.id, year: r.year, residentId: s.residentId, name: s.name, post: s.post },
    })
    const village = await this.orgs.village(a.villageId)
    if (village.parentId === null) return
    await this.notify.notify(m, {
      accountIds: await this.roles.accountsHolding(village.parentId, ['township_official'], m),
      orgId: village.parentId,
      kind: 'cadre_review.post_ended',
      title: `${village.name}：${s.name}连续两次民主评议不称职，职务终止`,
      body: `${village.name}${r.year}年度民主评议中，${REVIEW_POST_LABELS[s.post]}${s.name}被评为不称职，上一次评议也是不称职，按村民委员会组织法第三十三条，其职务终止。`,
      link: cadreReviewPage(r.id, a.villageId),
    })
  }
}

/**
 * The app's ratings with the paper ballots counted in public added: every paper line names someone
 * reviewed, no one has more paper ratings than paper ballots, and app and paper ballots together are
 * no more than those present.
 */
function withPaper(
  app: Map<number, RatingCounts>,
  subjects: CadreReviewSubject[],
  body: ReviewCloseRequest,
  appBallots: number,
  present: number,
): Map<number, RatingCounts> {
  const known = new Set(subjects.map((s) => s.id))
  if (body.paper.some((p) => !known.has(p.subjectId))) throw new AppException('REVIEW_UNKNOWN_SUBJECT')
  if (appBallots + body.paperBallots > present)
    throw new AppException('REVIEW_PAPER_COUNT_INVALID', {
      appBallots,
      paperBallots: body.paperBallots,
      present,
    })
  const out = new Map<number, RatingCounts>()
  for (const s of subjects) {
    const a = app.get(s.id) ?? { competent: 0, basic: 0, incompetent: 0 }
    const p = body.paper.find((x) => x.subjectId === s.id) ?? { competent: 0, basic: 0, incompetent: 0 }
    if (p.competent + p.basic + p.incompetent > body.paperBallots)
      throw new AppException('REVIEW_PAPER_COUNT_INVALID', { subjectId: s.id, name: s.name })
    out.set(s.id, {
      competent: a.competent + p.competent,
      basic: a.basic + p.basic,
      incompetent: a.incompetent + p.incompetent,
    })
  }
  return out
}

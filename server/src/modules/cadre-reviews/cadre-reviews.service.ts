import { Injectable } from '@nestjs/common'
import { randomUUID } from 'node:crypto'
import {
  DEFAULT_REVIEW_RATING_RULE,
  rateFromCounts,
  type RatingCounts,
  type ReviewRating,
} from '@xiangli/shared'
import type { EntityManager } from 'typeorm'
import { AuditService, SYSTEM_ACTOR } from '../../core/audit/audit.service'
import { insertMany } from '../../core/database/insert-many'
import { DeliberationsService } from '../deliberations/deliberations.service'
import { CadreReviewsRepository } from './cadre-reviews.repository'
import { CadreReviewAttendance, CadreReviewRating, CadreReviewTurnout } from './entities'
import { reviewSealRecord } from './review-seal'

const DAY = 86_400_000

/** What the rest of the server may ask of 民主评议: the demo's finished review of last year. */
@Injectable()
export class CadreReviewsService {
  constructor(
    private readonly repo: CadreReviewsRepository,
    private readonly audit: AuditService,
    private readonly deliberations: DeliberationsService,
  ) {}

  /**
   * A review of `year` already held and published in the seeder's transaction: the committee's
   * reports, a representatives' meeting where every member came and voted (`rate` says how member i
   * rated each person), the count, and the seal in the chain, as a real close writes them.
   */
  async seedDemo(
    m: EntityManager,
    o: {
      villageId: number
      year: number
      heldAt: Date
      accountId: number
      rate: (member: number, name: string) => ReviewRating
    },
  ): Promise<void> {
    const review = await this.repo.insertReview(m, {
      villageId: o.villageId,
      year: o.year,
      status: 'published',
      ratingRule: DEFAULT_REVIEW_RATING_RULE,
      openedByAccountId: o.accountId,
      publishedAt: o.heldAt,
    })
    const holders = await this.repo.committeeHolders(m, o.villageId)
    await this.repo.addSubjects(
      m,
      holders.map((h) => ({
        reviewId: review.id,
        ...h,
        report: `${h.name}${o.year}年度述职：带头完成村道硬化和饮水工程，按季度公开村务和财务，办结村民说事。不足是入户走访还不够多。`,
        reportedAt: new Date(o.heldAt.getTime() - 7 * DAY),
      })),
    )
    const subjects = await this.repo.subjects(review.id, m)
    const meeting = await this.repo.insertMeeting(m, {
      reviewId: review.id,
      villageId: o.villageId,
      body: 'representatives_meeting',
      meetingAt: o.heldAt,
      noticeAt: new Date(o.heldAt.getTime() - 3 * DAY),
      checkInLeadMinutes: 30,
      location: '村委会会议室',
      status: 'closed',
      scheduledByAccountId: o.accountId,
    })
    const people = await this.deliberations.membersDue(m, o.villageId, 'representatives_meeting', o.heldAt)
    await this.repo.addMembers(
      m,
      people.map((p) => ({
        meetingId: meeting.id,
        residentId: p.id,
        name: p.name,
        householdId: p.householdId,
      })),
    )
    const members = (await m.query('SELECT id FROM cadre_review_member WHERE meetingId = ? ORDER BY id', [
      meeting.id,
    ])) as { id: number | string }[]
    const memberIds = members.map((x) => Number(x.id))
    await insertMany(
      m,
      CadreReviewAttendance,
      memberIds.map((memberId) => ({ meetingId: meeting.id, memberId })),
    )
    await insertMany(
      m,
      CadreReviewTurnout,
      memberIds.map((memberId) => ({ meetingId: meeting.id, memberId })),
    )
    const counts = new Map<number, RatingCounts>(
      subjects.map((s) => [s.id, { competent: 0, basic: 0, incompetent: 0 }]),
    )
    const lines = memberIds.flatMap((_, i) =>
      subjects.map((s) => {
        const rating = o.rate(i, s.name)
        counts.get(s.id)![rating] += 1
        return { id: randomUUID(), meetingId: meeting.id, subjectId: s.id, rating }
      }),
    )
    await insertMany(m, CadreReviewRating, lines)
    const n = memberIds.length
    await this.repo.recordOutcome(
      m,
      {
        meetingId: meeting.id,
        reviewId: review.id,
        valid: true,
        reason: `应到 ${n} 人，到会 ${n} 人，达到法定人数；收回评议票 ${n} 张`,
        due: n,
        present: n,
        ballots: n,
        paperBallots: 0,
        closedByAccountId: o.accountId,
        closedAt: new Date(o.heldAt.getTime() + 2 * 3_600_000),
      },
      subjects.map((s) => {
        const c = counts.get(s.id)!
        const v = rateFromCounts(c, DEFAULT_REVIEW_RATING_RULE)
        return {
          meetingId: meeting.id,
          subjectId: s.id,
          residentId: s.residentId,
          ...c,
          rating: v.rating,
          reason: v.reason,
          postEnded: false,
        }
      }),
    )
    await this.audit.append(m, {
      actor: SYSTEM_ACTOR,
      action: 'cadre_review.published',
      orgId: o.villageId,
      targetType: 'cadre_review_meeting',
      targetId: meeting.id,
      after: await reviewSealRecord(m, meeting.id),
    })
  }
}

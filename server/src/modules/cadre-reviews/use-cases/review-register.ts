import { Injectable } from '@nestjs/common'
import {
  DEFAULT_REVIEW_RATING_RULE,
  type ReviewOpenRequest,
  type ReviewSubjectRequest,
  type ReviewView,
  type WorkReportRequest,
} from '@xiangli/shared'
import type { EntityManager } from 'typeorm'
import { AuditService } from '../../../core/audit/audit.service'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { Clock } from '../../../core/clock/clock'
import { isUniqueViolation } from '../../../core/database/dialect'
import { AppException } from '../../../core/errors/app.exception'
import { TxService } from '../../../core/tx/tx.service'
import { RoleHolders } from '../../roles/role-holders'
import { RosterDirectory } from '../../roster/roster-directory'
import { CadreReviewsRepository } from '../cadre-reviews.repository'
import { mustBeTheSubject } from '../cadre-reviews.policy'
import type { CadreReview } from '../entities'
import { ReviewReads } from './review-reads'

/** Opening a year's review, its list of those reviewed, and their 述职报告. */
@Injectable()
export class ReviewRegister {
  constructor(
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly repo: CadreReviewsRepository,
    private readonly roster: RosterDirectory,
    private readonly roles: RoleHolders,
    private readonly reads: ReviewReads,
  ) {}

  /** The supervision committee opens the year's review; the committee's members are listed at once. */
  async open(a: ActingContext, body: ReviewOpenRequest): Promise<ReviewView> {
    let id = 0
    try {
      await this.tx.run(async (m) => {
        const review = await this.repo.insertReview(m, {
          villageId: a.villageId,
          year: body.year,
          status: 'reporting',
          ratingRule: body.ratingRule ?? DEFAULT_REVIEW_RATING_RULE,
          openedByAccountId: a.principal.accountId,
          publishedAt: null,
        })
        id = review.id
        const holders = await this.repo.committeeHolders(m, a.villageId)
        await this.repo.addSubjects(
          m,
          holders.map((h) => ({ reviewId: review.id, ...h, report: null, reportedAt: null })),
        )
        await this.audit.append(m, {
          actor: a.actor,
          action: 'cadre_review.opened',
          orgId: a.villageId,
          targetType: 'cadre_review',
          targetId: review.id,
          after: { year: body.year, ratingRule: review.ratingRule, subjects: holders },
        })
      })
    } catch (e) {
      // the (village, year) key: a second review of the same year
      if (isUniqueViolation(e)) throw new AppException('REVIEW_YEAR_TAKEN', { year: body.year })
      throw e
    }
    return this.reads.detail(a, id)
  }

  /** Lists a roster person, e.g. staff paid lost-work subsidies, or a committee member named afresh. */
  async addSubject(a: ActingContext, id: number, body: ReviewSubjectRequest): Promise<ReviewView> {
    try {
      await this.tx.run(async (m) => {
        const r = await this.mustBeReporting(m, a, id)
        const person = await this.roster.person(a.villageId, body.residentId, m)
        if (!person) throw new AppException('REVIEW_SUBJECT_NOT_ON_ROSTER')
        if (
          body.post !== 'staff' &&
          !(await this.roles.residentHolds(a.villageId, person.id, [body.post], m))
        )
          throw new AppException('REVIEW_SUBJECT_POST_NOT_HELD')
        const row = { reviewId: r.id, residentId: person.id, name: person.name, post: body.post }
        await this.repo.addSubjects(m, [{ ...row, report: null, reportedAt: null }])
        await this.audit.append(m, {
          actor: a.actor,
          action: 'cadre_review.subject_added',
          orgId: a.villageId,
          targetType: 'cadre_review',
          targetId: r.id,
          after: row,
        })
      })
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppException('REVIEW_SUBJECT_ALREADY_LISTED')
      throw e
    }
    return this.reads.detail(a, id)
  }

  async removeSubject(a: ActingContext, id: number, subjectId: number): Promise<ReviewView> {
    await this.tx.run(async (m) => {
      const r = await this.mustBeReporting(m, a, id)
      const row = await this.repo.removeSubject(m, r.id, subjectId)
      if (!row) throw new AppException('REVIEW_UNKNOWN_SUBJECT')
      await this.audit.append(m, {
        actor: a.actor,
        action: 'cadre_review.subject_removed',
        orgId: a.villageId,
        targetType: 'cadre_review',
        targetId: r.id,
        before: { residentId: row.residentId, name: row.name, post: row.post },
      })
    })
    return this.reads.detail(a, id)
  }

  /** The reviewed person's own 述职报告, changeable until the meeting is noticed. */
  async report(
    a: ActingContext,
    id: number,
    subjectId: number,
    body: WorkReportRequest,
  ): Promise<ReviewView> {
    await this.tx.run(async (m) => {
      const r = await this.repo.find(a.villageId, id, m, true)
      const subject = (await this.repo.subjects(r.id, m)).find((s) => s.id === subjectId)
      if (!subject) throw new AppException('REVIEW_UNKNOWN_SUBJECT')
      mustBeTheSubject(a.viewer, a.villageId, subject)
      if (r.status !== 'reporting') throw new AppException('REVIEW_NOT_REPORTING')
      await this.repo.saveReport(m, subject.id, body.text, this.clock.now())
      await this.audit.append(m, {
        actor: a.actor,
        action: 'cadre_review.report_submitted',
        orgId: a.villageId,
        targetType: 'cadre_review_subject',
        targetId: subject.id,
        before: { report: subject.report },
        after: { report: body.text },
      })
    })
    return this.reads.detail(a, id)
  }

  private async mustBeReporting(m: EntityManager, a: ActingContext, id: number): Promise<CadreReview> {
    const r = await this.repo.find(a.villageId, id, m, true)
    if (r.status === 'published') throw new AppException('REVIEW_PUBLISHED')
    if (r.status !== 'reporting') throw new AppException('REVIEW_NOT_REPORTING')
    return r
  }
}

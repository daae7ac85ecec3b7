import { Injectable } from '@nestjs/common'
import {
  defaultProcedureSettings,
  quorumMet,
  REVIEW_POST_LABELS,
  REVIEW_STATUS_LABELS,
  type ReviewSummary,
  type ReviewView,
  type TownshipReviewRow,
} from '@xiangli/shared'
import type { Viewer } from '../../../core/access/viewer'
import type { ActingContext, TownshipContext } from '../../../core/auth/current.decorator'
import { OrgsService } from '../../orgs/orgs.service'
import { CadreReviewsRepository } from '../cadre-reviews.repository'
import { hosts } from '../cadre-reviews.policy'
import { presentMeeting, presentResult, presentReview, presentSummary } from '../cadre-reviews.presenter'

/** What the pages of 民主评议 read: the village's reviews, one review, the township's overview. */
@Injectable()
export class ReviewReads {
  constructor(
    private readonly repo: CadreReviewsRepository,
    private readonly orgs: OrgsService,
  ) {}

  async list(a: ActingContext): Promise<ReviewSummary[]> {
    const rows = await this.repo.list(a.villageId)
    const counts = await this.repo.subjectCounts(rows.map((r) => r.id))
    return rows.map((r) => presentSummary(r, counts.get(r.id) ?? 0))
  }

  detail(a: ActingContext, id: number): Promise<ReviewView> {
    return this.view(a.viewer, a.villageId, id)
  }

  async view(v: Viewer, villageId: number, id: number): Promise<ReviewView> {
    const r = await this.repo.find(villageId, id)
    const subjects = await this.repo.subjects(r.id)
    const meeting = await this.repo.lastMeeting(r.id)
    const residentId = v.residentIdIn(villageId)
    let meetingView = null
    let gate = { memberId: null as number | null, checkedIn: false, voted: false }
    if (meeting) {
      const att = await this.repo.attendance(undefined, meeting.id)
      const rule = defaultProcedureSettings().meetingRules[meeting.body]
      meetingView = presentMeeting(
        meeting,
        att,
        quorumMet(rule.quorum, att),
        hosts(v, villageId) ? await this.repo.memberList(meeting.id) : null,
      )
      gate = await this.repo.gate(undefined, r.id, residentId)
    }
    const latest = await this.repo.latestOutcome(r.id)
    return presentReview(r, {
      subjects,
      meeting: meetingView,
      result: latest ? presentResult(latest.outcome, latest.persons, subjects) : null,
      mine: {
        hosts: hosts(v, villageId),
        subjectId: subjects.find((s) => s.residentId === residentId)?.id ?? null,
        member: gate.memberId !== null,
        checkedIn: gate.checkedIn,
        voted: gate.voted,
      },
    })
  }

  /** Per village of the township: its reviews, how many were rated 不称职, and the posts that ended. */
  async township(t: TownshipContext): Promise<TownshipReviewRow[]> {
    const villages = await this.orgs.villagesOf(t.townshipId)
    const names = new Map(villages.map((v) => [v.id, v.name]))
    const out: TownshipReviewRow[] = []
    for (const r of await this.repo.ofVillages(villages.map((v) => v.id))) {
      const latest = await this.repo.latestOutcome(r.id)
      const subjects = latest ? await this.repo.subjects(r.id) : []
      const byId = new Map(subjects.map((s) => [s.id, s]))
      const persons = latest?.outcome.valid ? latest.persons : []
      out.push({
        reviewId: r.id,
        villageId: r.villageId,
        villageName: names.get(r.villageId) ?? '',
        year: r.year,
        status: r.status,
        statusLabel: REVIEW_STATUS_LABELS[r.status],
        incompetent: persons.filter((p) => p.rating === 'incompetent').length,
        postsEnded: persons
          .filter((p) => p.postEnded)
          .map((p) => {
            const s = byId.get(p.subjectId)!
            return { name: s.name, post: s.post, postLabel: REVIEW_POST_LABELS[s.post] }
          }),
      })
    }
    return out
  }
}

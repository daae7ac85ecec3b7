import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import type {
  ErrorCode,
  NoticeDraft,
  NoticePage,
  NoticePublishRequest,
  NoticeView,
  PublicNoticeSummary,
  PublicNoticeView,
} from '@xiangli/shared'
import type { Actor } from '../../core/audit/audit.service'
import type { ActingContext } from '../../core/auth/current.decorator'
import type { PublicNotice } from './entities/public-notice.entity'
import { NoticesRepository } from './notices.repository'
import { ObjectionsRepository } from './objections.repository'
import { NoticeDrafts } from './use-cases/notice-drafts'
import { NoticePublication, type DeliberationNotice } from './use-cases/notice-publication'
import { NoticeReads } from './use-cases/notice-reads'
import { SupervisionReview } from './use-cases/supervision-review'

/**
 * What other modules may ask of 村务公开: deliberations publish their 决议公开 and 实施结果公开 here
 * (inside their own transaction), list them and take the supervision committee's opinion on them; the
 * demo village writes its first notices the way the 两委 would; the public pages read what anyone may.
 */
@Injectable()
export class NoticesService {
  constructor(
    private readonly drafts: NoticeDrafts,
    private readonly publication: NoticePublication,
    private readonly review: SupervisionReview,
    private readonly reads: NoticeReads,
    private readonly repo: NoticesRepository,
    private readonly objections: ObjectionsRepository,
  ) {}

  /**
   * The home page's counts: the caller's unread notices, and for the 两委 the objections to answer,
   * for the supervision committee the notices submitted for its review.
   */
  async waiting(a: ActingContext, o: { committee: boolean; supervisor: boolean }) {
    return {
      unread: (await this.reads.unreadCounts(a)).total,
      objectionsToAnswer: o.committee ? await this.objections.toAnswer(a.villageId) : 0,
      toReview: o.supervisor ? await this.repo.countInState(a.villageId, 'in_review') : 0,
    }
  }

  /** The township's dashboard: per village, notices published since `since` and objections overdue at `now`. */
  async townshipFigures(villageIds: number[], since: Date, now: Date) {
    return {
      published: await this.repo.publishedSince(villageIds, since),
      objectionsOverdue: await this.objections.overdueByVillage(villageIds, now),
    }
  }

  /** A deliberation's notice, published at once with its first version, in the caller's transaction. */
  publishForDeliberation(m: EntityManager, input: DeliberationNotice): Promise<PublicNotice> {
    return this.publication.publishForDeliberation(m, input)
  }

  /** The 决议公开 and 实施结果公开 of a deliberation, as its detail shows them. */
  forDeliberation(deliberationId: number): Promise<PublicNoticeSummary[]> {
    return this.reads.forDeliberation(deliberationId)
  }

  /** 村务监督委员会意见 on a published notice, once, in the caller's transaction; a second is refused with `code`. */
  giveOpinion(
    m: EntityManager,
    actor: Actor,
    accountId: number,
    villageId: number,
    noticeId: number,
    opinion: string,
    opts: { deliberationId?: number; code?: ErrorCode },
  ): Promise<void> {
    return this.review.giveOpinion(m, actor, accountId, villageId, noticeId, opinion, opts)
  }

  /** A published notice as anyone reads it at its share link: NOT_FOUND unless published. */
  publicView(id: number): Promise<PublicNoticeView> {
    return this.reads.publicView(id)
  }

  /** A page of the village's 公开栏 as anyone sees it: the published notices meant for the whole village. */
  publicBoard(villageId: number, q: { page: number; pageSize: number }): Promise<NoticePage> {
    return this.reads.publicBoard(villageId, q)
  }

  /** A draft, as the 两委 write one. */
  create(a: ActingContext, body: NoticeDraft): Promise<NoticeView> {
    return this.drafts.create(a, body)
  }

  /** Publishes a draft, as the 两委 do. */
  publish(a: ActingContext, id: number, body: NoticePublishRequest): Promise<NoticeView> {
    return this.publication.publish(a, id, body)
  }
}

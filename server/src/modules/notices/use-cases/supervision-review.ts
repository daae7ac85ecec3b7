import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import {
  NOTICE_REVIEWERS,
  noticePage,
  type ErrorCode,
  type NoticeReviewRequest,
  type NoticeView,
} from '@xiangli/shared'
import { AuditService, type Actor } from '../../../core/audit/audit.service'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { Clock } from '../../../core/clock/clock'
import { AppException } from '../../../core/errors/app.exception'
import { TxService } from '../../../core/tx/tx.service'
import { OPINION_ACTION } from '../notice-records'
import { NoticesRepository } from '../notices.repository'
import { isPublished, need, snapshot } from '../notices.rules'
import { NoticeReads } from './notice-reads'
import { NoticeSteps } from './notice-steps'

/**
 * 村务监督委员会: when the village asks for it, a draft goes to the supervision committee, which approves
 * it (with an opinion) or returns it (with a reason); on any published notice it may give its opinion
 * once.
 */
@Injectable()
export class SupervisionReview {
  constructor(
    private readonly repo: NoticesRepository,
    private readonly steps: NoticeSteps,
    private readonly reads: NoticeReads,
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The 两委 send a draft to the supervision committee. */
  async submit(a: ActingContext, id: number): Promise<NoticeView> {
    const village = await this.steps.village(a.villageId)
    await this.steps.inVillage(a.villageId, id, async (m, n) => {
      const before = snapshot(n)
      n.state = need(n, 'submit', village)
      n.returnReason = null
      await this.repo.save(m, n)
      await this.steps.record(m, a.actor, 'notice.submitted', n, before)
      await this.steps.tellHolders(
        m,
        {
          orgId: a.villageId,
          kind: 'notice.review',
          title: '有一条公告等您审核',
          body: n.title,
          link: noticePage('committee', n.id),
        },
        NOTICE_REVIEWERS,
      )
    })
    return this.reads.detail(a, id)
  }

  async review(a: ActingContext, id: number, body: NoticeReviewRequest): Promise<NoticeView> {
    const village = await this.steps.village(a.villageId)
    const opinion = (body.opinion ?? '').trim()
    const approve = body.decision === 'approve'
    await this.steps.inVillage(a.villageId, id, async (m, n) => {
      const before = snapshot(n)
      n.state = need(n, approve ? 'approve' : 'return', village)
      if (!approve) n.returnReason = opinion
      else if (opinion) {
        n.supervisionOpinion = opinion
        n.supervisionByAccountId = a.viewer.accountId
        n.supervisionAt = this.clock.now()
      }
      await this.repo.save(m, n)
      await this.steps.record(m, a.actor, approve ? 'notice.approved' : 'notice.returned', n, before, {
        opinion,
      })
      await this.steps.tellHolders(m, {
        orgId: a.villageId,
        kind: 'notice.reviewed',
        title: approve ? '监督委员会同意发布公告' : '监督委员会退回了公告',
        body: approve ? n.title : `${n.title}：${opinion}`,
        link: noticePage('committee', n.id),
      })
    })
    return this.reads.detail(a, id)
  }

  async opinion(a: ActingContext, id: number, opinion: string): Promise<NoticeView> {
    await this.tx.run(async (m) => {
      await this.steps.found(m, a.villageId, id)
      await this.giveOpinion(m, a.actor, a.viewer.accountId, a.villageId, id, opinion, {})
    })
    return this.reads.detail(a, id)
  }

  /**
   * 村务监督委员会意见 on a published notice (of a deliberation, when `deliberationId` is given), in the
   * caller's transaction. Given once: the conditional update decides a race, and the loser is refused
   * with `code` (NOTICE_OPINION_GIVEN by default).
   */
  async giveOpinion(
    m: EntityManager,
    actor: Actor,
    accountId: number,
    villageId: number,
    noticeId: number,
    opinion: string,
    opts: { deliberationId?: number; code?: ErrorCode },
  ): Promise<void> {
    const n = await this.repo.findOf(m, villageId, noticeId, opts.deliberationId)
    if (!n) throw new AppException('NOT_FOUND')
    if (!isPublished(n)) throw new AppException('NOTICE_NOT_PUBLISHED')
    if (!(await this.repo.setOpinionOnce(m, noticeId, { text: opinion, accountId, at: this.clock.now() })))
      throw new AppException(opts.code ?? 'NOTICE_OPINION_GIVEN')
    await this.audit.append(m, {
      actor,
      action: OPINION_ACTION,
      orgId: villageId,
      targetType: 'public_notice',
      targetId: noticeId,
      after: { opinion },
    })
  }
}

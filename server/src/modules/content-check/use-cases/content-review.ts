import { Injectable } from '@nestjs/common'
import {
  reviewContent,
  type ContentCheckView,
  type ContentQueueQuery,
  type ContentReview,
  type Page,
} from '@xiangli/shared'
import { AuditService } from '../../../core/audit/audit.service'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { Clock } from '../../../core/clock/clock'
import { AppException } from '../../../core/errors/app.exception'
import { FilesService } from '../../../core/files/files.service'
import { TxService } from '../../../core/tx/tx.service'
import { NotifyService } from '../../inbox/notify.service'
import { ContentCheckRepository } from '../content-check.repository'
import { presentCheck } from '../content-check.presenter'
import { moderationFor } from '../content-check.rules'
import { ModerationTargets } from '../moderation-targets'

type Query = Required<Pick<ContentQueueQuery, 'page' | 'pageSize' | 'status'>>

/** The 两委's review queue: what WeChat held back, approved (shown) or rejected (hidden, with a reason). */
@Injectable()
export class ContentReviewQueue {
  constructor(
    private readonly repo: ContentCheckRepository,
    private readonly targets: ModerationTargets,
    private readonly files: FilesService,
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly notify: NotifyService,
    private readonly clock: Clock,
  ) {}

  async queue(villageId: number, q: Query): Promise<Page<ContentCheckView>> {
    const [rows, total] = await this.repo.page(villageId, q.status, q)
    const media = await this.repo.mediaOfMany(rows.map((c) => c.id))
    const urlOf = (fileId: number) => this.files.signedUrl(fileId)
    return {
      items: rows.map((c) => presentCheck(c, media.get(c.id) ?? [], urlOf)),
      total,
      page: q.page,
      pageSize: q.pageSize,
    }
  }

  async review(a: ActingContext, id: number, body: ContentReview): Promise<ContentCheckView> {
    const c = await this.repo.findInVillage(a.villageId, id)
    if (!c) throw new AppException('NOT_FOUND')
    const t = reviewContent(moderationFor(c.status), body.decision)
    if (!t.ok) throw new AppException(t.code)
    const reason = body.reason?.trim() || null
    if (t.value === 'rejected' && !reason) throw new AppException('CONTENT_REJECT_REASON_REQUIRED')
    const status = t.value === 'shown' ? 'approved' : 'rejected'
    const target = this.targets.of(c.kind)
    await this.tx.run(async (m) => {
      const moved = await this.repo.moveIf(m, c.id, ['held', 'pending'], {
        status,
        reason: status === 'rejected' ? reason : null,
        decidedBy: a.viewer.accountId,
        decidedAt: this.clock.now(),
      })
      if (!moved) throw new AppException('CONTENT_ALREADY_REVIEWED')
      await target.apply(m, c.itemId, t.value)
      await this.audit.append(m, {
        actor: a.actor,
        action: `content_check.${status}`,
        orgId: c.villageId,
        targetType: c.kind,
        targetId: c.itemId,
        before: { status: c.status, label: c.label },
        after: { status, reason },
      })
      await this.notify.notify(m, {
        accountIds: [c.authorAccountId],
        orgId: c.villageId,
        kind: `content_check.${status}`,
        title: status === 'approved' ? '您发布的内容已通过审核' : '您发布的内容未通过审核',
        body: status === 'approved' ? '其他人现在可以看到了。' : `原因：${reason}`,
        link: target.linkOf(c),
      })
    })
    const after = await this.repo.find(c.id)
    return presentCheck(after!, await this.repo.media(c.id), (fileId) => this.files.signedUrl(fileId))
  }
}

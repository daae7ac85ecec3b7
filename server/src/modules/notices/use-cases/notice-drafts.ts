import { Injectable } from '@nestjs/common'
import type { NoticeDraft, NoticeView } from '@xiangli/shared'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { AppException } from '../../../core/errors/app.exception'
import { TxService } from '../../../core/tx/tx.service'
import { OrgsService } from '../../orgs/orgs.service'
import { NoticesRepository } from '../notices.repository'
import {
  checkContent,
  checkDraftPeriod,
  columns,
  contentOf,
  need,
  snapshot,
  type Content,
} from '../notices.rules'
import { NoticeReads } from './notice-reads'
import { NoticeSteps, type Village } from './notice-steps'

/** The 两委 write a notice: a draft, edited until it is submitted for review or published. */
@Injectable()
export class NoticeDrafts {
  constructor(
    private readonly repo: NoticesRepository,
    private readonly steps: NoticeSteps,
    private readonly reads: NoticeReads,
    private readonly orgs: OrgsService,
    private readonly tx: TxService,
  ) {}

  async create(a: ActingContext, body: NoticeDraft): Promise<NoticeView> {
    const village = await this.steps.village(a.villageId)
    const content = contentOf(body)
    await this.checkDraft(village, body, content)
    const id = await this.tx.run(async (m) => {
      const n = await this.repo.insert(m, {
        villageId: a.villageId,
        category: body.category,
        ...columns(content),
        state: 'draft',
        version: 0,
        audienceGroupId: body.audience.kind === 'group' ? body.audience.groupId : null,
        periodStart: body.periodStart,
        periodEnd: body.periodEnd,
        pinned: false,
        requiresAck: body.requiresAck,
        major: body.major,
        coversPeriod: body.coversPeriod,
        deliberationId: null,
        resolutionNoticeId: null,
        publishedAt: null,
        publishedByAccountId: null,
        supervisionOpinion: null,
        supervisionByAccountId: null,
        supervisionAt: null,
        returnReason: null,
        createdByAccountId: a.viewer.accountId,
        // a draft is its writers' own; what it publishes goes through the content check
        moderation: 'shown',
      })
      await this.steps.attachFiles(
        m,
        { villageId: a.villageId, accountId: a.viewer.accountId },
        n.id,
        content.attachmentIds,
      )
      await this.steps.record(m, a.actor, 'notice.drafted', n)
      return n.id
    })
    return this.reads.detail(a, id)
  }

  /** A draft or a returned one is edited in place; a published notice only by a correction. */
  async edit(a: ActingContext, id: number, body: NoticeDraft): Promise<NoticeView> {
    const village = await this.steps.village(a.villageId)
    const content = contentOf(body)
    await this.steps.inVillage(a.villageId, id, async (m, n) => {
      need(n, 'edit', village)
      await this.checkDraft(village, body, content)
      const before = snapshot(n)
      Object.assign(n, {
        category: body.category,
        ...columns(content),
        audienceGroupId: body.audience.kind === 'group' ? body.audience.groupId : null,
        periodStart: body.periodStart,
        periodEnd: body.periodEnd,
        requiresAck: body.requiresAck,
        major: body.major,
        coversPeriod: body.coversPeriod,
      })
      await this.repo.save(m, n)
      await this.steps.attachFiles(
        m,
        { villageId: a.villageId, accountId: a.viewer.accountId },
        n.id,
        content.attachmentIds,
      )
      await this.steps.record(m, a.actor, 'notice.draft_edited', n, before)
    })
    return this.reads.detail(a, id)
  }

  /** The content fits the category, the period is a real one, and a group audience is one of the village's groups. */
  private async checkDraft(village: Village, body: NoticeDraft, c: Content): Promise<void> {
    checkContent(body.category, c, body.coversPeriod)
    checkDraftPeriod(body.periodStart, body.periodEnd)
    if (body.audience.kind === 'group') {
      const [group] = await this.orgs.viewsOf([body.audience.groupId])
      if (!group || group.kind !== 'group' || group.parentId !== village.id)
        throw new AppException('NOTICE_AUDIENCE_INVALID')
    }
  }
}

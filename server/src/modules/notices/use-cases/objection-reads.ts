import { Injectable, type OnModuleInit } from '@nestjs/common'
import {
  noticePage,
  noticeRoutes,
  type ObjectionPage,
  type ObjectionView,
  type QueryOf,
} from '@xiangli/shared'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { Clock } from '../../../core/clock/clock'
import { AppException } from '../../../core/errors/app.exception'
import { FilesService } from '../../../core/files/files.service'
import { ContentCheckService } from '../../content-check/content-check.service'
import { OrgsService } from '../../orgs/orgs.service'
import type { NoticeObjection } from '../entities/notice-objection.entity'
import {
  isObjector,
  mustSee,
  oversees,
  reviewsContent,
  seesObjection,
  seesObjectionAnswer,
  seesObjectorName,
  type Reader,
} from '../notices.policy'
import { presentObjection } from '../notices.presenter'
import { NoticesRepository } from '../notices.repository'
import { ObjectionsRepository } from '../objections.repository'
import { NoticeReads } from './notice-reads'

type Queue = QueryOf<typeof noticeRoutes.objectionQueue>

/** Reading objections: a notice's, the village's queue, 我的异议, one just changed. */
@Injectable()
export class ObjectionReads implements OnModuleInit {
  constructor(
    private readonly repo: ObjectionsRepository,
    private readonly notices: NoticesRepository,
    private readonly reads: NoticeReads,
    private readonly files: FilesService,
    private readonly orgs: OrgsService,
    private readonly clock: Clock,
    private readonly checks: ContentCheckService,
  ) {}

  onModuleInit(): void {
    // an objection and the 两委's answer to it pass the content check; its verdict lands on the row
    this.checks.register('objection', {
      apply: (m, id, moderation) => this.repo.setModeration(m, id, moderation),
      linkOf: (c) => noticePage('resident', c.parentId ?? 0),
    })
    this.checks.register('objection_answer', {
      apply: (m, id, moderation) => this.repo.setAnswerModeration(m, id, moderation),
      linkOf: (c) => noticePage('committee', c.parentId ?? 0),
    })
  }

  /** A notice's objections: residents see their own, those who oversee see them all. */
  async ofNotice(a: ActingContext, id: number): Promise<ObjectionView[]> {
    const r = await this.reads.readerOf(a)
    const n = await this.notices.find(a.villageId, id)
    if (!n) throw new AppException('NOT_FOUND')
    mustSee(r, n)
    const rows = await this.repo.ofNotice(n.id, oversees(r) ? null : r)
    return this.views(
      rows.filter((o) => seesObjection(r, o)),
      r,
    )
  }

  async queue(a: ActingContext, q: Queue): Promise<ObjectionPage> {
    const r = await this.reads.readerOf(a)
    const overdue = q.overdue === undefined ? undefined : { value: q.overdue, now: this.clock.now() }
    // the supervision committee reads what the content check has shown (and what they wrote)
    const shownOr = reviewsContent(r) ? undefined : r
    const [rows, total] = await this.repo.queue(a.villageId, { state: q.state, overdue, shownOr }, q)
    return { items: await this.views(rows, r), total, page: q.page, pageSize: q.pageSize }
  }

  /** 我的异议: the caller's own objections in this village, newest first, with each answer. */
  async mine(a: ActingContext, q: Queue): Promise<ObjectionPage> {
    const r = await this.reads.readerOf(a)
    const paging = { page: q.page ?? 1, pageSize: q.pageSize ?? 20 }
    const [rows, total] = await this.repo.mine(a.villageId, r, q.state, paging)
    return { items: await this.views(rows, r), total, ...paging }
  }

  /** One objection of the village, as the caller sees it. */
  async one(a: ActingContext, oid: number): Promise<ObjectionView> {
    const o = await this.repo.find(a.villageId, oid)
    if (!o) throw new AppException('NOT_FOUND')
    return (await this.views([o], await this.reads.readerOf(a)))[0]!
  }

  /** The objections with their notices' titles and villages' names; objectors' names masked where the reader may not see them. */
  async views(rows: NoticeObjection[], r: Reader): Promise<ObjectionView[]> {
    if (rows.length === 0) return []
    const notices = await this.notices.findByIds([...new Set(rows.map((o) => o.noticeId))])
    const villages = await this.orgs.names([...new Set(rows.map((o) => o.villageId))])
    const now = this.clock.now()
    const rejected = (pick: (o: NoticeObjection) => string | null) =>
      rows.filter((o) => pick(o) === 'rejected').map((o) => o.id)
    const reasons = {
      objection: await this.checks.reasons(
        'objection',
        rejected((o) => o.moderation),
      ),
      answer: await this.checks.reasons(
        'objection_answer',
        rejected((o) => o.answerModeration),
      ),
    }
    return rows.map((o) =>
      presentObjection(o, {
        noticeTitle: notices.find((n) => n.id === o.noticeId)?.title ?? '',
        villageName: villages.get(o.villageId) ?? '',
        mine: isObjector(r, o),
        names: seesObjectorName(r, o),
        answer: seesObjectionAnswer(r, o),
        reasons: { objection: reasons.objection.get(o.id), answer: reasons.answer.get(o.id) },
        now,
        urlOf: (fileId) => this.files.signedUrl(fileId),
      }),
    )
  }
}

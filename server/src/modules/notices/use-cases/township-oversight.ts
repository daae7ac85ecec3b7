import { Injectable } from '@nestjs/common'
import {
  noticePage,
  noticeRoutes,
  type NoticeIntegrityReport,
  type ObjectionAnswer,
  type ObjectionPage,
  type ObjectionView,
  type QueryOf,
} from '@xiangli/shared'
import { AuditService } from '../../../core/audit/audit.service'
import type { TownshipContext } from '../../../core/auth/current.decorator'
import { Clock } from '../../../core/clock/clock'
import { AppException } from '../../../core/errors/app.exception'
import { TxService } from '../../../core/tx/tx.service'
import { OrgsService } from '../../orgs/orgs.service'
import { checkNoticeVersions } from '../notice-integrity'
import { NoticeVersionsRepository } from '../notice-versions.repository'
import { townshipReader } from '../notices.policy'
import { presentIntegrity } from '../notices.presenter'
import { excerpt, name30, needObjection } from '../notices.rules'
import { ObjectionsRepository } from '../objections.repository'
import { NoticeSteps } from './notice-steps'
import { ObjectionReads } from './objection-reads'

type TownshipObjections = QueryOf<typeof noticeRoutes.townshipObjections>

/**
 * The township's oversight of publication in its villages (Art 31): objections left unanswered or
 * brought up to it, and whether what was published is still what the chain recorded. (Who publishes
 * on time: TownshipCalendar.)
 */
@Injectable()
export class TownshipOversight {
  constructor(
    private readonly objections: ObjectionsRepository,
    private readonly versions: NoticeVersionsRepository,
    private readonly objectionReads: ObjectionReads,
    private readonly steps: NoticeSteps,
    private readonly orgs: OrgsService,
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Objections of its villages (or one) overdue, brought up to it, or both. */
  async objectionList(t: TownshipContext, q: TownshipObjections): Promise<ObjectionPage> {
    const villages = await this.orgs.villagesOf(t.townshipId)
    const ids = villages.map((v) => v.id).filter((id) => q.villageId === undefined || id === q.villageId)
    if (ids.length === 0) return { items: [], total: 0, page: q.page, pageSize: q.pageSize }
    const [rows, total] = await this.objections.forTownship(ids, q.scope, this.clock.now(), q)
    return {
      items: await this.objectionReads.views(rows, townshipReader(t.viewer)),
      total,
      page: q.page,
      pageSize: q.pageSize,
    }
  }

  /** The township answers an objection brought up to it; the objector and the 两委 are told. */
  async answer(t: TownshipContext, oid: number, body: ObjectionAnswer): Promise<ObjectionView> {
    const villages = await this.orgs.villagesOf(t.townshipId)
    await this.tx.run(async (m) => {
      const o = await this.objections.findById(oid, m)
      if (!o || !villages.some((v) => v.id === o.villageId)) throw new AppException('NOT_FOUND')
      const now = this.clock.now()
      const before = { state: o.state }
      Object.assign(o, {
        state: needObjection(o, 'township_answer', now),
        townshipAnswer: body.text,
        townshipAnsweredAt: now,
        townshipAnsweredByName: name30(t.viewer.name),
      })
      await this.objections.save(m, o)
      await this.audit.append(m, {
        actor: t.actor,
        action: 'notice.objection_township_answered',
        orgId: o.villageId,
        targetType: 'notice_objection',
        targetId: o.id,
        before,
        after: { state: o.state, answer: body.text },
      })
      const message = {
        orgId: o.villageId,
        kind: 'notice.objection_township_answered',
        title: '乡镇（街道）答复了对公告的异议',
        body: excerpt(body.text, 40),
        link: noticePage('resident', o.noticeId),
      }
      await this.steps.tell(
        m,
        [...(await this.steps.objector(m, o)), ...(await this.steps.holders(m, o.villageId))],
        message,
      )
    })
    const o = await this.objections.findById(oid)
    return (await this.objectionReads.views([o!], townshipReader(t.viewer)))[0]!
  }

  /** Every published version of its villages re-hashed against the hash the chain recorded. */
  async integrity(t: TownshipContext, signal?: AbortSignal): Promise<NoticeIntegrityReport> {
    const villages = await this.orgs.villagesOf(t.townshipId)
    return presentIntegrity(
      await checkNoticeVersions(
        this.versions,
        villages.map((v) => v.id),
        undefined,
        signal,
      ),
    )
  }
}

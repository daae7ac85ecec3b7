import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import type { DeliberationView, PublishStepRequest, SupervisionOpinionRequest } from '@xiangli/shared'
import { AuditService, SYSTEM_ACTOR } from '../../../core/audit/audit.service'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { Clock } from '../../../core/clock/clock'
import { TxService } from '../../../core/tx/tx.service'
import { AccountsDirectory } from '../../auth/accounts-directory'
import { NoticesService } from '../../notices/notices.service'
import { DeliberationStore } from '../deliberation-store'
import { mustPassGate, rolesIn } from '../deliberations.policy'
import { contextOf, publishAndMove, snapshot } from '../deliberations.rules'
import type { Deliberation } from '../entities/deliberation.entity'
import { DeliberationReads } from './deliberation-reads'

/** 两公开: 决议公开 and 实施结果公开 as real notices, and the supervision committee's opinion on them. */
@Injectable()
export class Publication {
  constructor(
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly notices: NoticesService,
    private readonly accounts: AccountsDirectory,
    private readonly store: DeliberationStore,
    private readonly reads: DeliberationReads,
  ) {}

  /** 决议公开 (when it was not published automatically) or 实施结果公开, linked to the resolution. */
  async publish(a: ActingContext, id: number, body: PublishStepRequest): Promise<DeliberationView> {
    await this.tx.run(async (m) => {
      const d = await this.store.find(m, a.villageId, id, true)
      mustPassGate(a.viewer, d, 'publish')
      const results = body.step === 'publish_results'
      const notice = await this.addNotice(
        m,
        d,
        results ? 'implementation' : 'resolution',
        a.principal.accountId,
        { title: body.title, text: body.text },
        results ? d.state.resolutionNoticeId : null,
      )
      const before = snapshot(d)
      const ctx = contextOf(d, rolesIn(a.viewer, a.villageId), this.clock.now())
      await this.store.save(m, d, publishAndMove(d.state, notice.id, ctx, body.step), a.principal.accountId)
      await this.audit.append(m, {
        actor: a.actor,
        action: 'deliberation.published',
        orgId: d.villageId,
        targetType: 'deliberation',
        targetId: d.id,
        before,
        after: { ...snapshot(d), noticeId: notice.id },
      })
    })
    return this.reads.detail(a, id)
  }

  /** 村务监督委员会意见 on either notice, given once. */
  async giveOpinion(
    a: ActingContext,
    id: number,
    noticeId: number,
    body: SupervisionOpinionRequest,
  ): Promise<DeliberationView> {
    await this.tx.run(async (m) => {
      const d = await this.store.find(m, a.villageId, id)
      // the notices module keeps the opinion (once) and its audit entry
      await this.notices.giveOpinion(m, a.actor, a.principal.accountId, d.villageId, noticeId, body.opinion, {
        deliberationId: d.id,
        code: 'DELIBERATION_OPINION_GIVEN',
      })
    })
    return this.reads.detail(a, id)
  }

  /**
   * A real notice: first version, content hash in the audit chain, residents notified. Published by
   * the account `by`, or by the system (`by` null) when the deciding vote publishes its resolution.
   */
  async addNotice(
    m: EntityManager,
    d: Deliberation,
    category: 'resolution' | 'implementation',
    by: number | null,
    content: { title: string; text: string },
    resolutionNoticeId: number | null = null,
  ): Promise<{ id: number }> {
    const name = by === null ? null : await this.accounts.displayName(by, m)
    return this.notices.publishForDeliberation(m, {
      villageId: d.villageId,
      category,
      title: content.title,
      body: content.text,
      deliberationId: d.id,
      resolutionNoticeId,
      actor: by !== null && name !== null ? { accountId: by, name, role: null } : SYSTEM_ACTOR,
      publishedByAccountId: by,
    })
  }
}

import { Injectable, type OnModuleInit } from '@nestjs/common'
import {
  deliberationPage,
  transitionDeliberation,
  type DeliberationEvent,
  type DeliberationView,
  type OpinionCreate,
  type OpinionPage,
  type OpinionSummaryRequest,
  type OpinionView,
  type PageQuery,
  type SolicitationOpen,
} from '@xiangli/shared'
import { AuditService } from '../../../core/audit/audit.service'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { Clock } from '../../../core/clock/clock'
import { AppException } from '../../../core/errors/app.exception'
import { FilesService } from '../../../core/files/files.service'
import { TxService } from '../../../core/tx/tx.service'
import { ContentCheckService } from '../../content-check/content-check.service'
import { NotifyService } from '../../inbox/notify.service'
import { RosterDirectory } from '../../roster/roster-directory'
import { DeliberationHooks } from '../deliberation-hooks'
import { DeliberationStore } from '../deliberation-store'
import { DeliberationsRepository } from '../deliberations.repository'
import { readsAllOpinions, readsUncheckedOpinions, rolesIn } from '../deliberations.policy'
import { presentOpinions } from '../deliberations.presenter'
import {
  accepted,
  contextOf,
  FILES_OF_OPINION,
  meetingDay,
  mustBeCollecting,
  snapshot,
} from '../deliberations.rules'
import type { DeliberationOpinion } from '../entities/opinion.entity'
import { OpinionsRepository } from '../opinions.repository'
import { DeliberationReads } from './deliberation-reads'

/** 一征: the committee opens the window, residents give opinions, the committee posts the summary. */
@Injectable()
export class Solicitation implements OnModuleInit {
  constructor(
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly notify: NotifyService,
    private readonly files: FilesService,
    private readonly clock: Clock,
    private readonly roster: RosterDirectory,
    private readonly deliberations: DeliberationsRepository,
    private readonly opinions: OpinionsRepository,
    private readonly store: DeliberationStore,
    private readonly reads: DeliberationReads,
    private readonly checks: ContentCheckService,
    private readonly hooks: DeliberationHooks,
  ) {}

  onModuleInit(): void {
    // what residents write in 一征 passes the content check; its verdict lands on the opinion
    this.checks.register('opinion', {
      apply: (m, id, moderation) => this.opinions.setModeration(m, id, moderation),
      linkOf: (c) => deliberationPage(c.parentId ?? 0),
    })
  }

  /** The committee opens the window in which residents give opinions (at least the set days). */
  async open(a: ActingContext, id: number, body: SolicitationOpen): Promise<DeliberationView> {
    await this.tx.run(async (m) => {
      const d = await this.store.find(m, a.villageId, id, true)
      const event: DeliberationEvent = body.opensAt
        ? { type: 'open', step: body.step, opensAt: body.opensAt, closesAt: body.closesAt }
        : { type: 'open', step: body.step, closesAt: body.closesAt }
      await this.store.apply(m, d, event, {
        actor: a.actor,
        roles: rolesIn(a.viewer, a.villageId),
        now: this.clock.now(),
        action: 'deliberation.solicitation_opened',
      })
      // every resident who uses the app hears that their opinion is asked for
      const accounts = await this.roster.accountsOf(d.villageId, null, m)
      await this.notify.notify(m, {
        accountIds: accounts.filter((x) => x !== a.principal.accountId),
        orgId: d.villageId,
        kind: 'deliberation.solicitation_opened',
        title: '征求居民意见',
        body: `「${d.title}」正在征求意见，${meetingDay(new Date(d.state.solicitationOpensAt ?? this.clock.nowMs()))}至${meetingDay(body.closesAt)}，欢迎提出您的意见。`,
        link: deliberationPage(d.id),
      })
    })
    return this.reads.detail(a, id)
  }

  /** A resident on the roster gives an opinion while the window is open. */
  async submit(a: ActingContext, id: number, body: OpinionCreate): Promise<OpinionView> {
    const residentId = a.viewer.residentIdIn(a.villageId)
    if (!residentId) throw new AppException('DELIBERATION_OPINION_NOT_RESIDENT')
    const opinion = await this.tx.run(async (m) => {
      const d = await this.store.find(m, a.villageId, id)
      mustBeCollecting(d, this.clock.now())
      const resident = await this.roster.person(a.villageId, residentId, m)
      if (!resident) throw new AppException('DELIBERATION_OPINION_NOT_RESIDENT')
      const o = await this.opinions.create(m, {
        deliberationId: d.id,
        villageId: d.villageId,
        residentId,
        accountId: a.principal.accountId,
        name: resident.name,
        text: body.text,
        moderation: this.checks.initial(),
      })
      const attached = await this.files.attach(
        m,
        body.photoIds,
        { villageId: a.villageId, accountId: a.principal.accountId },
        { type: FILES_OF_OPINION, id: o.id },
      )
      if (!attached) throw new AppException('DELIBERATION_FILE_INVALID')
      await this.checks.submit(m, {
        kind: 'opinion',
        itemId: o.id,
        parentId: d.id,
        villageId: d.villageId,
        authorAccountId: a.principal.accountId,
        text: body.text,
        fileIds: body.photoIds,
      })
      await this.audit.append(m, {
        actor: { ...a.actor, name: resident.name },
        action: 'deliberation.opinion_submitted',
        orgId: d.villageId,
        targetType: 'deliberation',
        targetId: d.id,
        after: { opinionId: o.id, photos: body.photoIds.length },
      })
      return o.id
    })
    await this.checks.settle('opinion', opinion)
    const o = await this.opinions.findById(opinion)
    return (await this.views([o!], a))[0]!
  }

  /** The opinions, newest first: all of them for the two committees, supervisors and the township; one's own otherwise. */
  async list(a: ActingContext, id: number, q: PageQuery): Promise<OpinionPage> {
    const d = await this.deliberations.find(this.deliberations.reader, a.villageId, id)
    const all = await readsAllOpinions(a.viewer, d.villageId)
    const me = a.principal.accountId
    const unchecked = await readsUncheckedOpinions(a.viewer, d.villageId)
    const [rows, total] = await this.opinions.page(d.id, all ? null : me, q, unchecked ? null : me)
    return { items: await this.views(rows, a), total, page: q.page, pageSize: q.pageSize }
  }

  /**
   * 一征 done: the committee posts its summary once the window has closed. The server counts the
   * opinions; the step is done and the deliberation moves on to 提议, whose page shows the summary.
   */
  async postSummary(a: ActingContext, id: number, body: OpinionSummaryRequest): Promise<DeliberationView> {
    await this.tx.run(async (m) => {
      const d = await this.store.find(m, a.villageId, id, true)
      const opinionCount = await this.opinions.countOf(m, d.id)
      const ctx = contextOf(d, rolesIn(a.viewer, a.villageId), this.clock.now())
      const posted = accepted(
        transitionDeliberation(
          d.state,
          { type: 'post_summary', step: body.step, text: body.text, opinionCount },
          ctx,
        ),
      )
      const advanced = accepted(transitionDeliberation(posted, { type: 'advance', step: body.step }, ctx))
      const before = snapshot(d)
      await this.store.save(m, d, advanced, a.principal.accountId)
      await this.audit.append(m, {
        actor: a.actor,
        action: 'deliberation.summary_posted',
        orgId: d.villageId,
        targetType: 'deliberation',
        targetId: d.id,
        before,
        after: { ...snapshot(d), opinionCount },
      })
      await this.hooks.afterSolicitationClosed(m, d, {
        closedAt: d.state.solicitationClosesAt ? new Date(d.state.solicitationClosesAt) : this.clock.now(),
        givers: await this.opinions.giverResidents(m, d.id),
        actor: a.actor,
      })
      await this.notify.notify(m, {
        accountIds: await this.opinions.givers(m, d.id),
        orgId: d.villageId,
        kind: 'deliberation.summary_posted',
        title: '意见汇总已发布',
        body: `「${d.title}」收到的 ${opinionCount} 条意见已经汇总，议事进入下一步。`,
        link: deliberationPage(d.id),
      })
    })
    return this.reads.detail(a, id)
  }

  private async views(rows: DeliberationOpinion[], a: ActingContext): Promise<OpinionView[]> {
    if (rows.length === 0) return []
    const files = await this.deliberations.filesOf(
      FILES_OF_OPINION,
      rows.map((o) => o.id),
    )
    const reasons = await this.checks.reasons(
      'opinion',
      rows.filter((o) => o.moderation === 'rejected').map((o) => o.id),
    )
    return presentOpinions(rows, files, a.principal.accountId, (x) => this.files.signedUrl(x), reasons)
  }
}

import { Injectable } from '@nestjs/common'
import {
  COMMITTEE_ROLES,
  defaultVisibility,
  acceptDeadline,
  deadlineAfter,
  grievancePage,
  proxyLineText,
  rateGrievance,
  reopenGrievance,
  type GrievanceCreate,
  type GrievanceRate,
  type GrievanceReply,
  type GrievanceView,
  type SupportResult,
} from '@xiangli/shared'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { Clock } from '../../../core/clock/clock'
import { isUniqueViolation } from '../../../core/database/dialect'
import { AppException } from '../../../core/errors/app.exception'
import { TxService } from '../../../core/tx/tx.service'
import { AuditService } from '../../../core/audit/audit.service'
import { ContentCheckService } from '../../content-check/content-check.service'
import { OrgsService } from '../../orgs/orgs.service'
import { ProxyGate } from '../../proxy/proxy-gate'
import { RoleHolders } from '../../roles/role-holders'
import { RosterDirectory } from '../../roster/roster-directory'
import type { Grievance } from '../entities/grievance.entity'
import { asResident, mustBeOnThread, mustBeSupportable, mustSee, relationTo } from '../grievances.policy'
import { GrievancesRepository } from '../grievances.repository'
import { day, excerpt, snapshot } from '../grievances.rules'
import { GrievanceReads } from './grievance-reads'
import { GrievanceSteps } from './grievance-steps'

/** What a resident does with their issues: raise one, add to it, rate the answer, reopen it, "+1" another's. */
@Injectable()
export class ResidentGrievances {
  constructor(
    private readonly repo: GrievancesRepository,
    private readonly steps: GrievanceSteps,
    private readonly reads: GrievanceReads,
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly orgs: OrgsService,
    private readonly roles: RoleHolders,
    private readonly roster: RosterDirectory,
    private readonly clock: Clock,
    private readonly checks: ContentCheckService,
    private readonly proxy: ProxyGate,
  ) {}

  /**
   * A resident raises an issue; with `onBehalf`, someone who may act for them (代办) raises it as theirs:
   * the raiser is the resident, the timeline and the trail name the person who acted.
   */
  async raise(a: ActingContext, body: GrievanceCreate): Promise<GrievanceView> {
    return this.open(a, body, null)
  }

  /**
   * A new item: a resident's own, or (`collected`) one a grid worker raises from their rounds, naming
   * the residents it concerns (民情收集); the grid worker is then its raiser, acting in their post.
   */
  async open(
    a: ActingContext,
    body: GrievanceCreate,
    collected: { residentIds: number[] } | null,
  ): Promise<GrievanceView> {
    const village = await this.orgs.village(a.villageId)
    const settings = await this.repo.settings(a.villageId)
    if (!settings.categories.includes(body.category)) throw new AppException('GRIEVANCE_CATEGORY_INVALID')
    const filing = body.onBehalf ? await this.proxy.check(a, body.onBehalf) : null
    const own = filing ? null : await this.ownRow(a)
    const raiser = filing
      ? { accountId: filing.owner.accountId, residentId: filing.owner.residentId, name: filing.owner.name }
      : { accountId: a.viewer.accountId, residentId: own!.residentId, name: own!.name }
    const name = Array.from(raiser.name).slice(0, 30).join('')
    const actor = filing ? filing.actor : collected ? { ...a.actor, name } : asResident(a.viewer, name)
    const now = this.clock.now()
    const id = await this.tx.run(async (m) => {
      const g = await this.repo.insert(m, {
        villageId: a.villageId,
        raiserAccountId: raiser.accountId,
        raiserResidentId: raiser.residentId,
        raiserName: name,
        proxy: filing?.record ?? null,
        collectorName: collected ? name : null,
        category: body.category,
        title: body.title,
        text: body.text,
        photoIds: body.photoIds,
        location: body.location ?? null,
        visibility: body.visibility ?? defaultVisibility(body.category, settings.sensitiveCategories),
        state: 'submitted',
        moderation: this.checks.initial(),
        dueAt: acceptDeadline(now, village.settings!.timeLimits),
        assigneeResidentId: null,
        assigneeName: null,
        declineReason: null,
        acceptedAt: null,
        answeredAt: null,
        answerMinutes: null,
        closedAt: null,
        escalatedAt: null,
        reopenCount: 0,
        rating: null,
        ratingComment: null,
      })
      await this.steps.attachPhotos(m, body.photoIds, g, a.viewer.accountId)
      await this.checks.submit(m, {
        kind: 'grievance',
        itemId: g.id,
        villageId: g.villageId,
        authorAccountId: a.viewer.accountId,
        text: `${g.title}\n${g.text}`,
        fileIds: body.photoIds,
      })
      if (collected) await this.repo.addSubjects(m, g.id, collected.residentIds)
      await this.repo.addEvent(m, g.id, 'submitted', {
        actor,
        at: now,
        text: filing ? `${proxyLineText(filing.record)}，已取得本人同意` : null,
      })
      await this.audit.append(m, {
        actor,
        action: 'grievance.submitted',
        orgId: g.villageId,
        targetType: 'grievance',
        targetId: g.id,
        after: collected ? { ...snapshot(g), subjects: collected.residentIds } : snapshot(g),
      })
      if (filing) {
        await this.proxy.recordFiled(m, filing, 'grievance', { type: 'grievance', id: g.id })
        await this.steps.tell(m, actor, await this.steps.raiser(m, g), {
          orgId: g.villageId,
          kind: 'grievance.submitted',
          title: `${filing.record.name}为您代办了说事`,
          body: `「${g.title}」已提交，村委会将在${day(g.dueAt!)}前受理。`,
          link: grievancePage('resident', g.id),
        })
      }
      await this.steps.tell(m, actor, await this.roles.accountsHolding(g.villageId, COMMITTEE_ROLES, m), {
        orgId: g.villageId,
        kind: 'grievance.submitted',
        title: collected ? `网格员${name}收集了一件民情` : '有村民反映了新问题',
        body: `「${g.title}」（${g.category}），请在${day(g.dueAt!)}前受理。`,
        link: grievancePage('committee', g.id),
      })
      if (collected) {
        const named = await Promise.all(
          collected.residentIds.map((r) => this.roster.person(a.villageId, r, m)),
        )
        await this.steps.tell(
          m,
          actor,
          named.flatMap((p) => (p?.accountId ? [p.accountId] : [])),
          {
            orgId: g.villageId,
            kind: 'grievance.collected',
            title: '网格员替您反映了一件事',
            body: `网格员${name}把「${g.title}」报给了村（居）委会，办理进展您都能看到。`,
            link: grievancePage('resident', g.id),
          },
        )
      }
      return g.id
    })
    // WeChat is asked after the commit; unreachable, the item waits (pending) for the retry job
    await this.checks.settle('grievance', id)
    return this.reads.detail(a.viewer, a.villageId, id)
  }

  /** The caller's own roster row and name, or their account's name when they are not on the roster. */
  private async ownRow(a: ActingContext): Promise<{ residentId: number | null; name: string }> {
    const residentId = a.viewer.residentIdIn(a.villageId)
    const resident = residentId ? await this.roster.person(a.villageId, residentId) : null
    return { residentId, name: asResident(a.viewer, resident?.name).name! }
  }

  /** The raiser adds to their item, or the 两委 reply on its thread; the other side is told. */
  async reply(a: ActingContext, id: number, body: GrievanceReply): Promise<GrievanceView> {
    const replyId = await this.steps.inVillage(a.villageId, id, async (m, g) => {
      const r = await relationTo(a.viewer, g)
      mustSee(r, g)
      mustBeOnThread(r)
      const actor = r.isRaiser ? asResident(a.viewer, g.raiserName) : a.actor
      await this.steps.attachPhotos(m, body.photoIds, g, a.viewer.accountId)
      const eventId = await this.repo.addEvent(
        m,
        g.id,
        'replied',
        { actor, at: this.clock.now(), text: body.text, photoIds: body.photoIds },
        this.checks.initial(),
      )
      await this.checks.submit(m, {
        kind: 'grievance_reply',
        itemId: eventId,
        parentId: g.id,
        villageId: g.villageId,
        authorAccountId: a.viewer.accountId,
        text: body.text,
        fileIds: body.photoIds,
      })
      await this.audit.append(m, {
        actor,
        action: 'grievance.replied',
        orgId: g.villageId,
        targetType: 'grievance',
        targetId: g.id,
        after: { id: g.id, text: body.text, photoIds: body.photoIds },
      })
      if (r.isRaiser)
        await this.steps.tell(m, actor, await this.steps.handlers(m, g), {
          orgId: g.villageId,
          kind: 'grievance.replied',
          title: '村民补充了情况',
          body: `「${g.title}」：${excerpt(body.text, 40)}`,
          link: grievancePage('committee', g.id),
        })
      else
        await this.steps.tell(m, actor, await this.steps.raiser(m, g), {
          orgId: g.villageId,
          kind: 'grievance.replied',
          title: '村委会回复了您',
          body: `「${g.title}」：${excerpt(body.text, 40)}`,
          link: grievancePage('resident', g.id),
        })
      return eventId
    })
    await this.checks.settle('grievance_reply', replyId)
    return this.reads.detail(a.viewer, a.villageId, id)
  }

  async rate(a: ActingContext, id: number, body: GrievanceRate): Promise<GrievanceView> {
    await this.steps.inVillage(a.villageId, id, async (m, g) => {
      const r = await relationTo(a.viewer, g)
      mustSee(r, g)
      const t = rateGrievance(g.state, { isRaiser: r.isRaiser })
      if (!t.ok) throw new AppException(t.code)
      const now = this.clock.now()
      const actor = asResident(a.viewer, g.raiserName)
      const comment = body.comment === '' ? null : body.comment
      await this.steps.apply(
        m,
        g,
        'rate',
        t.next,
        { rating: body.rating, ratingComment: comment, closedAt: now },
        { actor, at: now, text: comment, rating: body.rating },
      )
      await this.steps.tell(m, actor, await this.steps.handlers(m, g), {
        orgId: g.villageId,
        kind: 'grievance.rated',
        title: `村民评价了答复：${body.rating} 星`,
        body: `「${g.title}」${comment ? `：${comment}` : ''}`,
        link: grievancePage('committee', g.id),
      })
    })
    return this.reads.detail(a.viewer, a.villageId, id)
  }

  async reopen(a: ActingContext, id: number, reason: string): Promise<GrievanceView> {
    await this.steps.inVillage(a.villageId, id, async (m, g) => {
      const r = await relationTo(a.viewer, g)
      mustSee(r, g)
      const now = this.clock.now()
      const t = reopenGrievance(g.state, {
        isRaiser: r.isRaiser,
        reopenCount: g.reopenCount,
        answeredAt: g.answeredAt,
        closedAt: g.closedAt,
        now,
      })
      if (!t.ok) throw new AppException(t.code)
      const dueAt = deadlineAfter('reopen', now, g.dueAt, await this.steps.limits(g.villageId))
      const actor = asResident(a.viewer, g.raiserName)
      await this.steps.apply(
        m,
        g,
        'reopen',
        t.next,
        { reopenCount: g.reopenCount + 1, rating: null, ratingComment: null, closedAt: null, dueAt },
        { actor, at: now, text: reason },
      )
      await this.steps.tell(m, actor, await this.steps.handlers(m, g), {
        orgId: g.villageId,
        kind: 'grievance.reopened',
        title: '村民对答复不满意，重新提出了',
        body: `「${g.title}」：${excerpt(reason, 40)}。请在${day(dueAt!)}前再次答复。`,
        link: grievancePage('committee', g.id),
      })
    })
    return this.reads.detail(a.viewer, a.villageId, id)
  }

  /** "我也遇到": counted once per person, however often or however fast it is pressed. */
  async support(a: ActingContext, id: number): Promise<SupportResult> {
    const g = await this.supportable(a, id)
    try {
      await this.tx.run((m) => this.repo.addSupport(m, g.id, a.viewer.accountId))
    } catch (e) {
      if (!isUniqueViolation(e)) throw e
    }
    return this.repo.supportOf(g.id, a.viewer.accountId)
  }

  async withdrawSupport(a: ActingContext, id: number): Promise<SupportResult> {
    const g = await this.supportable(a, id)
    await this.tx.run((m) => this.repo.removeSupport(m, g.id, a.viewer.accountId))
    return this.repo.supportOf(g.id, a.viewer.accountId)
  }

  private async supportable(a: ActingContext, id: number): Promise<Grievance> {
    const g = await this.repo.find(a.villageId, id)
    if (!g) throw new AppException('NOT_FOUND')
    mustBeSupportable(a.viewer, g)
    return g
  }
}

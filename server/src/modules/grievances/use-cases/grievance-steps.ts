import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import {
  COMMITTEE_ROLES,
  GRIEVANCE_EVENT_ACTIONS,
  grievancePage,
  type GrievanceAnswer,
  type GrievanceEvent,
  type GrievanceState,
  type GrievanceTimeLimits,
} from '@xiangli/shared'
import { AuditService, type Actor } from '../../../core/audit/audit.service'
import { AppException } from '../../../core/errors/app.exception'
import { FilesService } from '../../../core/files/files.service'
import { TxService } from '../../../core/tx/tx.service'
import { ContentCheckService } from '../../content-check/content-check.service'
import { NotifyService } from '../../inbox/notify.service'
import { OrgsService } from '../../orgs/orgs.service'
import { RoleHolders } from '../../roles/role-holders'
import { RosterDirectory } from '../../roster/roster-directory'
import type { Grievance } from '../entities/grievance.entity'
import { GrievancesRepository } from '../grievances.repository'
import { excerpt, need, snapshot, type Step } from '../grievances.rules'

/**
 * The one way a grievance changes: a conditional update, its timeline step and its audit entry in the
 * caller's transaction, and the notices that follow. Steps used by more than one use case (answering,
 * by the village or the township; escalating, by the committee or the job) live here too.
 */
@Injectable()
export class GrievanceSteps {
  constructor(
    private readonly repo: GrievancesRepository,
    private readonly audit: AuditService,
    private readonly notify: NotifyService,
    private readonly files: FilesService,
    private readonly orgs: OrgsService,
    private readonly roles: RoleHolders,
    private readonly roster: RosterDirectory,
    private readonly tx: TxService,
    private readonly checks: ContentCheckService,
  ) {}

  /** Runs `work` on the village's grievance in one transaction; NOT_FOUND when it has none by that id. */
  inVillage<T>(
    villageId: number,
    id: number,
    work: (m: EntityManager, g: Grievance) => Promise<T>,
  ): Promise<T> {
    return this.tx.run(async (m) => {
      const g = await this.repo.find(villageId, id, m)
      if (!g) throw new AppException('NOT_FOUND')
      return work(m, g)
    })
  }

  /** Moves the grievance or throws GRIEVANCE_CHANGED when it moved on since it was read. */
  async apply(
    m: EntityManager,
    g: Grievance,
    event: GrievanceEvent,
    next: GrievanceState,
    changes: Partial<Grievance>,
    step: Step,
  ): Promise<number> {
    const eventId = await this.move(m, g, event, next, changes, step)
    if (eventId === null) throw new AppException('GRIEVANCE_CHANGED')
    return eventId
  }

  /**
   * The id of the timeline step it added; null when the state (or, for the job, the deadline passed in
   * `dueBefore`) changed since it was read.
   */
  async move(
    m: EntityManager,
    g: Grievance,
    event: GrievanceEvent,
    next: GrievanceState,
    changes: Partial<Grievance>,
    step: Step,
    dueBefore?: Date,
  ): Promise<number | null> {
    if (!(await this.repo.moveIf(m, g, { ...changes, state: next }, dueBefore))) return null
    const before = snapshot(g)
    Object.assign(g, changes, { state: next })
    const action = GRIEVANCE_EVENT_ACTIONS[event]
    const eventId = await this.repo.addEvent(m, g.id, action, step, step.moderation)
    await this.audit.append(m, {
      actor: step.actor,
      action: `grievance.${action}`,
      orgId: g.villageId,
      targetType: 'grievance',
      targetId: g.id,
      before,
      after: snapshot(g),
    })
    return eventId
  }

  async attachPhotos(m: EntityManager, ids: number[], g: Grievance, accountId: number): Promise<void> {
    const ok = await this.files.attach(
      m,
      ids,
      { villageId: g.villageId, accountId },
      { type: 'grievance', id: g.id },
    )
    if (!ok) throw new AppException('GRIEVANCE_PHOTO_INVALID')
  }

  /** The raiser's account: the one that raised it, or the account the roster person it was raised for logs in with. */
  async raiser(m: EntityManager, g: Grievance): Promise<number[]> {
    if (g.raiserAccountId !== null) return [g.raiserAccountId]
    if (g.raiserResidentId === null) return []
    const p = await this.roster.person(g.villageId, g.raiserResidentId, m)
    return p?.accountId != null ? [p.accountId] : []
  }

  /** Notifies people, never the person who did the thing. */
  tell(
    m: EntityManager,
    actor: Actor,
    accountIds: number[],
    n: { orgId: number | null; kind: string; title: string; body: string; link: string },
  ): Promise<void> {
    return this.notify.notify(m, { ...n, accountIds: accountIds.filter((id) => id !== actor.accountId) })
  }

  /** Who handles the item in the village: its assignee when there is one with an account, else the 两委. */
  async handlers(m: EntityManager, g: Grievance): Promise<number[]> {
    if (g.assigneeResidentId !== null) {
      const r = await this.roster.person(g.villageId, g.assigneeResidentId, m)
      if (r?.accountId) return [r.accountId]
    }
    return this.roles.accountsHolding(g.villageId, COMMITTEE_ROLES, m)
  }

  async limits(villageId: number): Promise<GrievanceTimeLimits> {
    return (await this.orgs.village(villageId)).settings!.timeLimits
  }

  /**
   * 答复, by the village or the township: the clock stops and the raiser is asked to rate it. The answer
   * is read by others (on a public item) once the content check shows it; its step's id, to settle
   * the check after the commit.
   */
  async answer(
    m: EntityManager,
    g: Grievance,
    event: 'answer' | 'township_answer',
    actor: Actor,
    body: GrievanceAnswer,
    now: Date,
  ): Promise<number> {
    const next = need(g.state, event)
    await this.attachPhotos(m, body.photoIds, g, actor.accountId!)
    const moderation = this.checks.initial()
    const eventId = await this.apply(
      m,
      g,
      event,
      next,
      {
        answeredAt: now,
        answerMinutes:
          g.answerMinutes ?? Math.max(0, Math.round((now.getTime() - g.createdAt.getTime()) / 60_000)),
        dueAt: null,
        closedAt: null,
        rating: null,
        ratingComment: null,
      },
      { actor, at: now, text: body.text, photoIds: body.photoIds, moderation },
    )
    await this.checks.submit(m, {
      kind: 'grievance_answer',
      itemId: eventId,
      parentId: g.id,
      villageId: g.villageId,
      authorAccountId: actor.accountId!,
      text: body.text,
      fileIds: body.photoIds,
    })
    const by = event === 'township_answer' ? '乡镇（街道）' : '村委会'
    await this.tell(m, actor, await this.raiser(m, g), {
      orgId: g.villageId,
      kind: `grievance.${GRIEVANCE_EVENT_ACTIONS[event]}`,
      title: `${by}答复了您反映的事`,
      body: `「${g.title}」：${excerpt(body.text, 40)}。满意请评价，不满意可在 7 天内重新提出。`,
      link: grievancePage('resident', g.id),
    })
    if (event === 'township_answer')
      await this.tell(m, actor, await this.handlers(m, g), {
        orgId: g.villageId,
        kind: 'grievance.township_answered',
        title: '乡镇答复了一件上报的事',
        body: `「${g.title}」：${excerpt(body.text, 40)}`,
        link: grievancePage('committee', g.id),
      })
    return eventId
  }

  /** Asks WeChat about an answer once it is committed (the retry job takes it if WeChat does not answer). */
  settleAnswer(eventId: number): Promise<void> {
    return this.checks.settle('grievance_answer', eventId)
  }

  /**
   * 上报: the township, the handlers and the raiser are told. False when the item moved on or is no
   * longer overdue (`dueBefore`, the job's case): someone else got there first.
   */
  async escalate(
    m: EntityManager,
    g: Grievance,
    next: GrievanceState,
    actor: Actor,
    now: Date,
    reason: string | null,
    dueBefore?: Date,
  ): Promise<boolean> {
    const text = reason ?? '超过办理时限，自动上报乡镇（街道）'
    const moved = await this.move(
      m,
      g,
      'escalate',
      next,
      { escalatedAt: now, dueAt: null },
      { actor, at: now, text },
      dueBefore,
    )
    if (moved === null) {
      if (dueBefore) return false
      throw new AppException('GRIEVANCE_CHANGED')
    }
    const village = await this.orgs.village(g.villageId)
    const officials = village.parentId
      ? await this.roles.accountsHolding(village.parentId, ['township_official'], m)
      : []
    const why = reason ? `：${excerpt(reason, 40)}` : '，已超过办理时限'
    await this.tell(m, actor, officials, {
      orgId: village.parentId,
      kind: 'grievance.escalated',
      title: `${village.name}有一件村民反映的事上报乡镇`,
      body: `「${g.title}」${why}。`,
      link: grievancePage('township', g.id),
    })
    await this.tell(m, actor, await this.handlers(m, g), {
      orgId: g.villageId,
      kind: 'grievance.escalated',
      title: reason ? '一件村民反映的事已上报乡镇' : '一件村民反映的事超时，已上报乡镇',
      body: `「${g.title}」${why}。`,
      link: grievancePage('committee', g.id),
    })
    await this.tell(m, actor, await this.raiser(m, g), {
      orgId: g.villageId,
      kind: 'grievance.escalated',
      title: '您反映的事已上报乡镇（街道）',
      body: `「${g.title}」已交乡镇（街道）督办。`,
      link: grievancePage('resident', g.id),
    })
    return true
  }
}

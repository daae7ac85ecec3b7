import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import {
  GRIEVANCE_ASSIGNEE_ROLES,
  deadlineAfter,
  grievancePage,
  type BulkAcceptResult,
  type GrievanceAnswer,
  type GrievanceView,
} from '@xiangli/shared'
import type { Actor } from '../../../core/audit/audit.service'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { Clock } from '../../../core/clock/clock'
import { AppException } from '../../../core/errors/app.exception'
import { RoleHolders } from '../../roles/role-holders'
import { RosterDirectory } from '../../roster/roster-directory'
import type { Grievance } from '../entities/grievance.entity'
import { mustAnswer, relationTo } from '../grievances.policy'
import { day, need } from '../grievances.rules'
import { GrievanceReads } from './grievance-reads'
import { GrievanceSteps } from './grievance-steps'

/** What the 两委 do with an item: accept (one or many), decline, assign, answer, send it up. */
@Injectable()
export class CommitteeHandling {
  constructor(
    private readonly steps: GrievanceSteps,
    private readonly reads: GrievanceReads,
    private readonly roles: RoleHolders,
    private readonly roster: RosterDirectory,
    private readonly clock: Clock,
  ) {}

  async accept(a: ActingContext, id: number): Promise<GrievanceView> {
    await this.steps.inVillage(a.villageId, id, (m, g) => this.acceptIn(m, g, a.actor))
    return this.reads.detail(a.viewer, a.villageId, id)
  }

  /** Each item is accepted on its own: one that cannot be accepted does not hold back the others. */
  async bulkAccept(a: ActingContext, ids: number[]): Promise<BulkAcceptResult> {
    const result: BulkAcceptResult = { accepted: [], refused: [] }
    for (const id of ids) {
      try {
        await this.steps.inVillage(a.villageId, id, (m, g) => this.acceptIn(m, g, a.actor))
        result.accepted.push(id)
      } catch (e) {
        if (!(e instanceof AppException)) throw e
        result.refused.push({ id, code: e.code })
      }
    }
    return result
  }

  async decline(a: ActingContext, id: number, reason: string): Promise<GrievanceView> {
    await this.steps.inVillage(a.villageId, id, async (m, g) => {
      const next = need(g.state, 'decline')
      const now = this.clock.now()
      await this.steps.apply(
        m,
        g,
        'decline',
        next,
        { declineReason: reason, dueAt: null },
        {
          actor: a.actor,
          at: now,
          text: reason,
        },
      )
      await this.steps.tell(m, a.actor, await this.steps.raiser(m, g), {
        orgId: g.villageId,
        kind: 'grievance.declined',
        title: '您反映的事未被受理',
        body: `「${g.title}」未被受理。原因：${reason}`,
        link: grievancePage('resident', g.id),
      })
    })
    return this.reads.detail(a.viewer, a.villageId, id)
  }

  /**
   * Hands the item to someone on the roster who holds a 两委 post or is a 网格员 or 村民小组长; they
   * and the raiser are told, and it is in their queue until they answer.
   */
  async assign(a: ActingContext, id: number, residentId: number): Promise<GrievanceView> {
    await this.steps.inVillage(a.villageId, id, async (m, g) => {
      const next = need(g.state, 'assign')
      const assignee = await this.roster.person(g.villageId, residentId, m)
      const serves =
        assignee !== null &&
        (await this.roles.residentHolds(g.villageId, residentId, GRIEVANCE_ASSIGNEE_ROLES, m))
      if (!assignee || !serves) throw new AppException('GRIEVANCE_ASSIGNEE_INVALID')
      const now = this.clock.now()
      const dueAt = deadlineAfter('assign', now, g.dueAt, await this.steps.limits(g.villageId))
      await this.steps.apply(
        m,
        g,
        'assign',
        next,
        { assigneeResidentId: assignee.id, assigneeName: assignee.name, dueAt },
        { actor: a.actor, at: now, text: `交由${assignee.name}办理` },
      )
      if (assignee.accountId !== null)
        await this.steps.tell(m, a.actor, [assignee.accountId], {
          orgId: g.villageId,
          kind: 'grievance.assigned',
          title: '有一件村民反映的事交给您办理',
          body: `「${g.title}」${dueAt ? `，请在${day(dueAt)}前答复` : ''}。`,
          link: grievancePage('committee', g.id),
        })
      await this.steps.tell(m, a.actor, await this.steps.raiser(m, g), {
        orgId: g.villageId,
        kind: 'grievance.assigned',
        title: '您反映的事已安排专人办理',
        body: `「${g.title}」已交由${assignee.name}办理。`,
        link: grievancePage('resident', g.id),
      })
    })
    return this.reads.detail(a.viewer, a.villageId, id)
  }

  /** 答复, by the 两委 or by the grid worker or group leader it was handed to. */
  async answer(a: ActingContext, id: number, body: GrievanceAnswer): Promise<GrievanceView> {
    const answer = await this.steps.inVillage(a.villageId, id, async (m, g) => {
      mustAnswer(await relationTo(a.viewer, g))
      return this.steps.answer(m, g, 'answer', a.actor, body, this.clock.now())
    })
    await this.steps.settleAnswer(answer)
    return this.reads.detail(a.viewer, a.villageId, id)
  }

  /** The committee sends an item up before its time runs out, e.g. when it needs the township. */
  async escalate(a: ActingContext, id: number, reason: string): Promise<GrievanceView> {
    await this.steps.inVillage(a.villageId, id, async (m, g) => {
      const next = need(g.state, 'escalate')
      await this.steps.escalate(m, g, next, a.actor, this.clock.now(), reason)
    })
    return this.reads.detail(a.viewer, a.villageId, id)
  }

  private async acceptIn(m: EntityManager, g: Grievance, actor: Actor): Promise<void> {
    const next = need(g.state, 'accept')
    const now = this.clock.now()
    const dueAt = deadlineAfter('accept', now, g.dueAt, await this.steps.limits(g.villageId))
    await this.steps.apply(m, g, 'accept', next, { acceptedAt: now, dueAt }, { actor, at: now })
    await this.steps.tell(m, actor, await this.steps.raiser(m, g), {
      orgId: g.villageId,
      kind: 'grievance.accepted',
      title: '您反映的事已受理',
      body: `「${g.title}」已由村委会受理，将在${day(dueAt!)}前答复。`,
      link: grievancePage('resident', g.id),
    })
  }
}

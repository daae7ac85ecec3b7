import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import {
  deliberationPage,
  findStep,
  isDeliberationClosed,
  nextActor,
  type DeliberationState,
  type NextActorView,
  type Role,
  type RoleHolder,
} from '@xiangli/shared'
import { NotifyService } from '../inbox/notify.service'
import type { Deliberation } from './entities/deliberation.entity'

interface Holder extends RoleHolder {
  accountId: number | null
}

/**
 * Who acts next on a deliberation, by name, and telling them when it becomes their turn. The names
 * come from the village's role holders as they are now (a new secretary is the one waited for).
 */
@Injectable()
export class NextActors {
  constructor(private readonly notify: NotifyService) {}

  /** The holders of the roles that record steps or confirm paper notices, by roster name. */
  async holders(m: EntityManager, villageId: number): Promise<Holder[]> {
    const rows = (await m.query(
      `SELECT ra.role, r.name, r.accountId FROM role_assignment ra
         JOIN resident r ON r.id = ra.residentId
        WHERE ra.orgId = ? AND ra.role IN ('party_secretary', 'committee_member', 'supervisor')
        ORDER BY r.id`,
      [villageId],
    )) as { role: Role; name: string; accountId: number | string | null }[]
    return rows.map((r) => ({
      role: r.role,
      name: r.name,
      accountId: r.accountId === null ? null : Number(r.accountId),
    }))
  }

  async view(
    m: EntityManager,
    d: Deliberation,
    callerRoles: readonly Role[],
    o: { awaitingPaperNotice?: boolean } = {},
  ): Promise<NextActorView | null> {
    const next = nextActor(d.procedure, d.state, await this.holders(m, d.villageId), o)
    return next ? { ...next, isMe: callerRoles.some((r) => next.roles.includes(r)) } : null
  }

  /**
   * Tells the next actors when a step becomes current, or comes back to waiting for a meeting (not
   * quorate, lapsed, cancelled): an inbox message to each holder with an account, the one who just
   * acted excepted. `before` null is a deliberation just started.
   */
  async tellWhenTheirTurn(
    m: EntityManager,
    d: Pick<Deliberation, 'id' | 'villageId' | 'title' | 'procedure'>,
    before: DeliberationState | null,
    after: DeliberationState,
    except: number | null,
    o: { awaitingPaperNotice?: boolean } = {},
  ): Promise<void> {
    if (isDeliberationClosed(after.status)) return
    const turned =
      before === null ||
      before.step !== after.step ||
      (after.phase === 'pending' && before.phase !== 'pending') ||
      o.awaitingPaperNotice === true
    if (!turned) return
    const holders = await this.holders(m, d.villageId)
    const next = nextActor(d.procedure, after, holders, o)
    const step = findStep(d.procedure, after.step)
    if (!next || !step) return
    const accounts = holders
      .filter((h) => next.roles.includes(h.role) && h.accountId !== null && h.accountId !== except)
      .map((h) => h.accountId!)
    await this.notify.notify(m, {
      accountIds: accounts,
      orgId: d.villageId,
      kind: 'deliberation.your_turn',
      title: `请${next.action}：${d.title}`,
      body: `「${d.title}」现在是“${step.label}”这一步，要由您${next.action}。`,
      link: deliberationPage(d.id),
    })
  }
}

import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import {
  transitionDeliberation,
  type DeliberationContext,
  type DeliberationEvent,
  type Role,
} from '@xiangli/shared'
import { AuditService, type Actor } from '../../core/audit/audit.service'
import { DeliberationsRepository } from './deliberations.repository'
import { contextOf, refusal, snapshot } from './deliberations.rules'
import type { Deliberation } from './entities/deliberation.entity'
import type { DeliberationMeeting } from './entities/meeting.entity'
import { MeetingsRepository } from './meetings.repository'
import { NextActors } from './next-actors'

// the module's rules these names were first exported from here with; the meeting notice uses them
export { meetingDay, refusal, snapshot } from './deliberations.rules'

/**
 * The reads and the one write every use case of a deliberation's steps shares: a deliberation and its
 * meeting scoped to the village (locked on MySQL; SQLite runs one transaction at a time), and an
 * engine event applied, saved, audited, with the next actors told when it becomes their turn.
 */
@Injectable()
export class DeliberationStore {
  constructor(
    private readonly audit: AuditService,
    private readonly nextActors: NextActors,
    private readonly deliberations: DeliberationsRepository,
    private readonly meetings: MeetingsRepository,
  ) {}

  find(m: EntityManager, villageId: number, id: number, lock = false): Promise<Deliberation> {
    return this.deliberations.find(m, villageId, id, lock)
  }

  meeting(m: EntityManager, d: Deliberation, meetingId: number, lock = false): Promise<DeliberationMeeting> {
    return this.meetings.find(m, d, meetingId, lock)
  }

  context(d: Deliberation, roles: readonly Role[], now: Date): DeliberationContext {
    return contextOf(d, roles, now)
  }

  /** Applies one engine event, saves the state and appends its audit entry; refusals are thrown. */
  async apply(
    m: EntityManager,
    d: Deliberation,
    event: DeliberationEvent,
    o: { actor: Actor; roles: readonly Role[]; now: Date; action: string; after?: Record<string, unknown> },
  ): Promise<void> {
    const t = transitionDeliberation(d.state, event, this.context(d, o.roles, o.now))
    if (!t.ok) throw refusal(t)
    const before = snapshot(d)
    await this.save(m, d, t.next, o.actor.accountId)
    await this.audit.append(m, {
      actor: o.actor,
      action: o.action,
      orgId: d.villageId,
      targetType: 'deliberation',
      targetId: d.id,
      before,
      after: { ...snapshot(d), ...o.after },
    })
  }

  /** Saves the state; the next actors (`by` excepted) are told when it becomes their turn. */
  async save(
    m: EntityManager,
    d: Deliberation,
    next: Deliberation['state'],
    by: number | null,
  ): Promise<void> {
    await this.nextActors.tellWhenTheirTurn(m, d, d.state, next, by)
    d.state = next
    d.status = next.status
    d.step = next.step
    await this.deliberations.saveState(m, d.id, next)
  }

  /** The accounts of a meeting's frozen members: those who were told its time. */
  memberAccounts(m: EntityManager, meetingId: number): Promise<number[]> {
    return this.meetings.memberAccounts(m, meetingId)
  }
}

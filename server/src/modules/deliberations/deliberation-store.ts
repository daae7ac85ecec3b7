import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import {
  isDelegated,
  transitionDeliberation,
  type DeliberationContext,
  type DeliberationEvent,
  type Role,
} from '@xiangli/shared'
import { AuditService, type Actor } from '../../core/audit/audit.service'
import { AppException } from '../../core/errors/app.exception'
import { TxService } from '../../core/tx/tx.service'
import { Deliberation } from './entities/deliberation.entity'
import { DeliberationMeeting } from './entities/meeting.entity'
import { NextActors } from './next-actors'

/** What the audit digests see of a deliberation. */
export const snapshot = (d: Deliberation) => ({
  id: d.id,
  villageId: d.villageId,
  status: d.status,
  step: d.step,
  phase: d.state.phase,
  history: d.state.history.length,
})

/** 3月5日 14:30 in Beijing time, for notices. */
export const meetingDay = (d: Date): string =>
  d.toLocaleString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })

/** A refusal of the shared rules, as the error it answers with (its reason and details kept). */
export function refusal(r: { code: AppException['code']; reason?: string; details?: unknown }): AppException {
  return new AppException(r.code, r.details, r.reason)
}

/**
 * The reads and the one write every meeting-time use case shares: a deliberation and its meeting
 * scoped to the village (locked on MySQL; SQLite runs one transaction at a time), and an engine event
 * applied, saved, audited, with the next actors told when it becomes their turn.
 */
@Injectable()
export class DeliberationStore {
  constructor(
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly nextActors: NextActors,
  ) {}

  async find(m: EntityManager, villageId: number, id: number, lock = false): Promise<Deliberation> {
    const q = m.getRepository(Deliberation).createQueryBuilder('d').where('d.id = :id AND d.villageId = :v', {
      id,
      v: villageId,
    })
    const d = lock && !this.tx.isSqlite ? await q.setLock('pessimistic_write').getOne() : await q.getOne()
    if (!d) throw new AppException('NOT_FOUND')
    return d
  }

  async meeting(
    m: EntityManager,
    d: Deliberation,
    meetingId: number,
    lock = false,
  ): Promise<DeliberationMeeting> {
    const q = m
      .getRepository(DeliberationMeeting)
      .createQueryBuilder('x')
      .where('x.id = :id AND x.deliberationId = :d', { id: meetingId, d: d.id })
    const meeting =
      lock && !this.tx.isSqlite ? await q.setLock('pessimistic_write').getOne() : await q.getOne()
    if (!meeting) throw new AppException('NOT_FOUND')
    return meeting
  }

  context(d: Deliberation, roles: readonly Role[], now: Date): DeliberationContext {
    return {
      procedure: d.procedure,
      matter: d.matterType,
      delegated: isDelegated(d.procedure, d.matterType, d.delegationResolution !== null),
      roles,
      now,
    }
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
    const previous = d.state
    d.state = t.next
    d.status = t.next.status
    d.step = t.next.step
    await m
      .getRepository(Deliberation)
      .update({ id: d.id }, { state: t.next, status: t.next.status, step: t.next.step })
    await this.audit.append(m, {
      actor: o.actor,
      action: o.action,
      orgId: d.villageId,
      targetType: 'deliberation',
      targetId: d.id,
      before,
      after: { ...snapshot(d), ...o.after },
    })
    await this.nextActors.tellWhenTheirTurn(m, d, previous, t.next, o.actor.accountId)
  }

  /** The accounts of a meeting's frozen members: those who were told its time. */
  async memberAccounts(m: EntityManager, meetingId: number): Promise<number[]> {
    const rows = (await m.query(
      `SELECT DISTINCT r.accountId FROM deliberation_meeting_member mm
         JOIN resident r ON r.id = mm.residentId
        WHERE mm.meetingId = ? AND r.accountId IS NOT NULL`,
      [meetingId],
    )) as { accountId: number | string }[]
    return rows.map((r) => Number(r.accountId))
  }
}

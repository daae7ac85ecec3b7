import { Injectable } from '@nestjs/common'
import {
  activityPlanRule,
  activityState,
  activityTransition,
  signUpRule,
  toHalfHours,
  withdrawRule,
  type ActivityCancelRequest,
  type ActivityCreate,
  type ActivityEvent,
  type ActivityView,
} from '@xiangli/shared'
import type { EntityManager } from 'typeorm'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { AuditService } from '../../../core/audit/audit.service'
import { Clock } from '../../../core/clock/clock'
import { isUniqueViolation } from '../../../core/database/dialect'
import { AppException } from '../../../core/errors/app.exception'
import { TxService } from '../../../core/tx/tx.service'
import { mustBeResident } from '../activities.policy'
import { ActivitiesRepository } from '../activities.repository'
import type { Activity } from '../entities/activity.entity'
import { ActivityReads } from './activity-reads'

/** The organiser publishes, cancels and closes an activity (audited); residents sign up and withdraw. */
@Injectable()
export class ActivityWrites {
  constructor(
    private readonly repo: ActivitiesRepository,
    private readonly reads: ActivityReads,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly tx: TxService,
  ) {}

  async create(a: ActingContext, body: ActivityCreate): Promise<ActivityView> {
    const now = this.clock.now()
    const refusal = activityPlanRule(body, now)
    if (refusal) throw new AppException(refusal)
    const row = await this.tx.run(async (m) => {
      const row = await this.repo.insert(m, {
        villageId: a.villageId,
        title: body.title,
        description: body.description,
        place: body.place,
        startsAt: body.startsAt,
        endsAt: body.endsAt,
        signUpDeadline: body.signUpDeadline,
        capacity: body.capacity,
        volunteering: body.volunteering,
        plannedHalfHours: toHalfHours(body.plannedHours) ?? 0,
        status: body.publish ? 'published' : 'draft',
        publishedAt: body.publish ? now : null,
        createdByAccountId: a.actor.accountId,
        createdByName: a.actor.name ?? '',
      })
      await this.audit.append(m, {
        actor: a.actor,
        action: body.publish ? 'activity.published' : 'activity.drafted',
        orgId: a.villageId,
        targetType: 'activity',
        targetId: row.id,
        after: {
          title: row.title,
          place: row.place,
          startsAt: row.startsAt,
          endsAt: row.endsAt,
          capacity: row.capacity,
          volunteering: row.volunteering,
          plannedHalfHours: row.plannedHalfHours,
        },
      })
      return row
    })
    return this.reads.present(a.viewer, a.villageId, row)
  }

  publish(a: ActingContext, id: number): Promise<ActivityView> {
    return this.move(a, id, 'publish', (now) => ({ publishedAt: now }))
  }

  cancel(a: ActingContext, id: number, body: ActivityCancelRequest): Promise<ActivityView> {
    return this.move(a, id, 'cancel', (now) => ({ cancelReason: body.reason, endedAt: now }), {
      reason: body.reason,
    })
  }

  close(a: ActingContext, id: number): Promise<ActivityView> {
    return this.move(a, id, 'close', (now) => ({ endedAt: now }))
  }

  /** One step of the activity's life, checked by the shared transition, the stored status compared-and-set. */
  private async move(
    a: ActingContext,
    id: number,
    event: ActivityEvent,
    change: (now: Date) => Partial<Pick<Activity, 'cancelReason' | 'publishedAt' | 'endedAt'>>,
    after: Record<string, unknown> = {},
  ): Promise<ActivityView> {
    const row = await this.tx.run(async (m) => {
      const row = await this.repo.locked(m, a.villageId, id)
      if (!row) throw new AppException('NOT_FOUND')
      const now = this.clock.now()
      const t = activityTransition(activityState(row, now), event)
      if (!t.ok) throw new AppException(t.code)
      if (!(await this.repo.setStatus(m, row.id, row.status, { status: t.next, ...change(now) })))
        throw new AppException('ACTIVITY_CHANGED')
      await this.audit.append(m, {
        actor: a.actor,
        action: `activity.${t.next}`,
        orgId: a.villageId,
        targetType: 'activity',
        targetId: row.id,
        before: { status: row.status },
        after: { status: t.next, ...after },
      })
      return { ...row, status: t.next, ...change(now) }
    })
    return this.reads.present(a.viewer, a.villageId, row)
  }

  /**
   * A resident signs up. The activity's row is locked while places are counted (MySQL; SQLite runs
   * one writer at a time), so two last-minute sign-ups cannot both take the last place.
   */
  async signUp(a: ActingContext, id: number): Promise<ActivityView> {
    const residentId = mustBeResident(a.viewer, a.villageId)
    const row = await this.once(() =>
      this.tx.run(async (m) => {
        const row = await this.mustFind(m, a.villageId, id)
        const mine = await this.repo.signUpOf(m, row.id, residentId)
        const refusal = signUpRule({
          state: activityState(row, this.clock.now()),
          capacity: row.capacity,
          taken: (await this.repo.taken([row.id], m)).get(row.id) ?? 0,
          alreadySignedUp: mine !== null && mine.withdrawnAt === null,
        })
        if (refusal) throw new AppException(refusal)
        await this.repo.signUp(m, row.id, residentId, this.clock.now())
        return row
      }),
    )
    return this.reads.present(a.viewer, a.villageId, row)
  }

  async withdraw(a: ActingContext, id: number): Promise<ActivityView> {
    const residentId = mustBeResident(a.viewer, a.villageId)
    const row = await this.tx.run(async (m) => {
      const row = await this.mustFind(m, a.villageId, id)
      const mine = await this.repo.signUpOf(m, row.id, residentId)
      const refusal = withdrawRule({
        state: activityState(row, this.clock.now()),
        signedUp: mine !== null && mine.withdrawnAt === null,
      })
      if (refusal) throw new AppException(refusal)
      if (!(await this.repo.withdraw(m, row.id, residentId, this.clock.now())))
        throw new AppException('ACTIVITY_NOT_SIGNED_UP')
      return row
    })
    return this.reads.present(a.viewer, a.villageId, row)
  }

  private async mustFind(m: EntityManager, villageId: number, id: number): Promise<Activity> {
    const row = await this.repo.locked(m, villageId, id)
    if (!row || row.status === 'draft') throw new AppException('NOT_FOUND')
    return row
  }

  /** A double tap that raced past the check meets the primary key: answered as already signed up. */
  private async once<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work()
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppException('ACTIVITY_ALREADY_SIGNED_UP')
      throw e
    }
  }
}

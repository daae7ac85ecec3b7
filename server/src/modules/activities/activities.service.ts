import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import { ActivitiesRepository } from './activities.repository'
import { ActivityHooks, type ActivityHook } from './activity-hooks'
import type { Activity } from './entities/activity.entity'

type DemoActivity = Omit<
  Activity,
  'id' | 'createdAt' | 'cancelReason' | 'endedAt' | 'createdByAccountId' | 'publishedAt'
>

/** What other modules may do with activities: subscribe to credited hours; the demo seeder writes some. */
@Injectable()
export class ActivitiesService {
  constructor(
    private readonly repo: ActivitiesRepository,
    private readonly hooks: ActivityHooks,
  ) {}

  /** A module that rewards volunteering (积分) hears of every credit, in the credit's transaction. */
  subscribe(hook: ActivityHook): void {
    this.hooks.register(hook)
  }

  /** For the demo seeder: an activity with sign-ups, check-ins and credited hours, in its transaction. */
  async seedDemo(
    m: EntityManager,
    a: DemoActivity,
    people: { residentId: number; checkedIn: boolean; halfHours: number | null }[],
  ): Promise<number> {
    const row = await this.repo.insert(m, {
      ...a,
      createdByAccountId: null,
      publishedAt: new Date(a.signUpDeadline.getTime() - 7 * 86_400_000),
      endedAt: a.status === 'closed' ? a.endsAt : null,
    })
    for (const p of people) {
      await this.repo.signUp(m, row.id, p.residentId, a.signUpDeadline)
      if (p.checkedIn)
        await this.repo.checkIn(m, {
          activityId: row.id,
          residentId: p.residentId,
          method: 'qr',
          checkedInAt: a.startsAt,
          byAccountId: null,
          byName: null,
        })
      if (p.halfHours !== null)
        await this.repo.recordHours(m, {
          villageId: a.villageId,
          residentId: p.residentId,
          source: 'activity',
          activityId: row.id,
          halfHours: p.halfHours,
          recordedByAccountId: null,
          recordedByName: a.createdByName,
          recordedAt: a.endsAt,
        })
    }
    return row.id
  }
}

import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import type { Actor } from '../../core/audit/audit.service'

/** What a hook is told when hours are credited. */
export interface RecordedHours {
  villageId: number
  activityId: number
  residentId: number
  /** in hours, half-hour steps */
  hours: number
  /** the activity's title, for what the credit is shown as elsewhere */
  title: string
  /** when the organiser recorded them, and who */
  recordedAt: Date
  actor: Actor
}

/**
 * Another module that rewards volunteering (积分) hears of every credit inside the same
 * transaction as the ledger row, so both are written together or not at all.
 */
export interface ActivityHook {
  afterHoursRecorded?(m: EntityManager, h: RecordedHours): Promise<void>
}

/** The hooks registered by other modules at start; the activities module calls them. */
@Injectable()
export class ActivityHooks {
  private readonly hooks: ActivityHook[] = []

  register(hook: ActivityHook): void {
    this.hooks.push(hook)
  }

  async afterHoursRecorded(m: EntityManager, h: RecordedHours): Promise<void> {
    for (const hook of this.hooks)
      await hook.afterHoursRecorded?.(m, {
        villageId: h.villageId,
        activityId: h.activityId,
        residentId: h.residentId,
        hours: h.hours,
        title: h.title,
        recordedAt: h.recordedAt,
        actor: h.actor,
      })
  }
}

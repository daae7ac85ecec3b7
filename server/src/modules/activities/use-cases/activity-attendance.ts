import { Inject, Injectable } from '@nestjs/common'
import QRCode from 'qrcode'
import {
  activityCheckInUrl,
  activityState,
  checkInRule,
  CHECK_IN_CODE_PERIOD_MS,
  fromHalfHours,
  hoursRule,
  toHalfHours,
  type ActivityCheckInCode,
  type ActivityCheckInResult,
  type ActivityHoursRequest,
  type ActivityRoster,
} from '@xiangli/shared'
import type { EntityManager } from 'typeorm'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { AuditService } from '../../../core/audit/audit.service'
import { Clock } from '../../../core/clock/clock'
import { APP_CONFIG, type AppConfig } from '../../../core/config/config'
import { isUniqueViolation } from '../../../core/database/dialect'
import { AppException } from '../../../core/errors/app.exception'
import { TxService } from '../../../core/tx/tx.service'
import { ActivityHooks } from '../activity-hooks'
import { mustBeResident } from '../activities.policy'
import { ActivitiesRepository } from '../activities.repository'
import { CheckInCodes } from '../check-in-codes'
import type { Activity } from '../entities/activity.entity'
import { ActivityReads } from './activity-reads'

/** The day itself: the organiser's QR code, check-ins (scanned or by hand) and the hours credited. */
@Injectable()
export class ActivityAttendance {
  constructor(
    private readonly repo: ActivitiesRepository,
    private readonly reads: ActivityReads,
    private readonly codes: CheckInCodes,
    private readonly hooks: ActivityHooks,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly tx: TxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The code of this 30-second window, as a link to the check-in page and its QR image. */
  async code(a: ActingContext, id: number): Promise<ActivityCheckInCode> {
    const row = await this.repo.find(a.villageId, id)
    if (!row) throw new AppException('NOT_FOUND')
    if (row.status !== 'published') throw new AppException('ACTIVITY_NOT_OPEN')
    const nowMs = this.clock.nowMs()
    const { token, window } = this.codes.issue(row.id, nowMs)
    const url = activityCheckInUrl(this.config.publicBaseUrl, a.villageId, row.id, token)
    // SVG, not PNG: drawn in a millisecond where PNG's deflate takes far longer, and sharp at any size
    const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
    const qrImage = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
    // the next window starts at (window + 1) × period on the server's clock; the client counts in its own
    const untilNext = (window + 1) * CHECK_IN_CODE_PERIOD_MS - nowMs
    return { token, url, qrImage, refreshAt: new Date(Date.now() + untilNext).toISOString() }
  }

  /**
   * A resident scanned the code. The token is checked first (forged or from another activity:
   * invalid; older than the window before: expired), then the rules of the day. Someone not signed
   * up is taken as a walk-in while places are left. The check-in row is insert-only; its primary
   * key refuses a second one.
   */
  async checkIn(a: ActingContext, id: number, token: string): Promise<ActivityCheckInResult> {
    const residentId = mustBeResident(a.viewer, a.villageId)
    const verdict = this.codes.verify(id, token, this.clock.nowMs())
    if (verdict === 'invalid') throw new AppException('ACTIVITY_CHECKIN_CODE_INVALID')
    if (verdict === 'expired') throw new AppException('ACTIVITY_CHECKIN_CODE_EXPIRED')
    return this.twiceRefused(() =>
      this.tx.run(async (m) => {
        const row = await this.mustFind(m, a.villageId, id)
        const { walkIn } = await this.admit(m, row, residentId)
        const at = this.clock.now()
        if (walkIn) await this.repo.signUp(m, row.id, residentId, at, true)
        await this.repo.checkIn(m, {
          activityId: row.id,
          residentId,
          method: 'qr',
          checkedInAt: at,
          byAccountId: null,
          byName: null,
        })
        return { checkedInAt: at.toISOString(), walkIn, title: row.title }
      }),
    )
  }

  /** The organiser checks in someone on the sign-up list who has no phone (代签), audited. */
  async checkInByHand(a: ActingContext, id: number, residentId: number): Promise<ActivityRoster> {
    await this.twiceRefused(() =>
      this.tx.run(async (m) => {
        const row = await this.mustFind(m, a.villageId, id)
        const { walkIn } = await this.admit(m, row, residentId)
        if (walkIn) throw new AppException('ACTIVITY_NOT_AN_ATTENDEE')
        await this.repo.checkIn(m, {
          activityId: row.id,
          residentId,
          method: 'hand',
          checkedInAt: this.clock.now(),
          byAccountId: a.actor.accountId,
          byName: a.actor.name ?? '',
        })
        await this.audit.append(m, {
          actor: a.actor,
          action: 'activity.checked_in_by_hand',
          orgId: a.villageId,
          targetType: 'activity',
          targetId: row.id,
          after: { residentId },
        })
      }),
    )
    return this.reads.roster(a.viewer, a.villageId, id)
  }

  /**
   * After the activity the organiser credits each attendee's hours: whole half-hours, no more than
   * the activity lasted, once per person (the ledger's unique key). Each credit is an insert-only
   * ledger row, and the hooks hear of it in the same transaction.
   */
  async recordHours(a: ActingContext, id: number, body: ActivityHoursRequest): Promise<ActivityRoster> {
    try {
      await this.tx.run(async (m) => {
        const row = await this.repo.locked(m, a.villageId, id)
        if (!row) throw new AppException('NOT_FOUND')
        if (!row.volunteering) throw new AppException('ACTIVITY_NOT_VOLUNTEERING')
        if (activityState(row, this.clock.now()) !== 'held') throw new AppException('ACTIVITY_NOT_HELD')
        const came = new Set((await this.repo.checkIns(row.id, m)).map((c) => c.residentId))
        const done = new Set((await this.repo.hoursOfActivity(row.id, m)).map((h) => h.residentId))
        const seen = new Set<number>()
        for (const e of body.entries) {
          if (!came.has(e.residentId)) throw new AppException('ACTIVITY_NOT_AN_ATTENDEE')
          if (done.has(e.residentId) || seen.has(e.residentId))
            throw new AppException('ACTIVITY_HOURS_ALREADY_RECORDED')
          const refusal = hoursRule(e.hours, row)
          if (refusal) throw new AppException(refusal)
          seen.add(e.residentId)
        }
        const at = this.clock.now()
        for (const e of body.entries) {
          const halfHours = toHalfHours(e.hours)!
          await this.repo.recordHours(m, {
            villageId: row.villageId,
            residentId: e.residentId,
            source: 'activity',
            activityId: row.id,
            halfHours,
            recordedByAccountId: a.actor.accountId,
            recordedByName: a.actor.name ?? '',
            recordedAt: at,
          })
          await this.hooks.afterHoursRecorded(m, {
            villageId: row.villageId,
            activityId: row.id,
            residentId: e.residentId,
            hours: fromHalfHours(halfHours),
            title: row.title,
            recordedAt: at,
            actor: a.actor,
          })
        }
        await this.audit.append(m, {
          actor: a.actor,
          action: 'activity.hours_recorded',
          orgId: a.villageId,
          targetType: 'activity',
          targetId: row.id,
          after: { entries: body.entries.map((e) => ({ residentId: e.residentId, hours: e.hours })) },
        })
      })
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppException('ACTIVITY_HOURS_ALREADY_RECORDED')
      throw e
    }
    return this.reads.roster(a.viewer, a.villageId, id)
  }

  /** Whether this person may check in now, and whether they come as a walk-in. */
  private async admit(m: EntityManager, row: Activity, residentId: number): Promise<{ walkIn: boolean }> {
    const mine = await this.repo.signUpOf(m, row.id, residentId)
    const signedUp = mine !== null && mine.withdrawnAt === null
    const refusal = checkInRule(
      row,
      {
        signedUp,
        checkedIn: (await this.repo.checkInOf(m, row.id, residentId)) !== null,
        taken: (await this.repo.taken([row.id], m)).get(row.id) ?? 0,
      },
      this.clock.now(),
    )
    if (refusal) throw new AppException(refusal)
    return { walkIn: !signedUp }
  }

  private async mustFind(m: EntityManager, villageId: number, id: number): Promise<Activity> {
    const row = await this.repo.locked(m, villageId, id)
    if (!row) throw new AppException('NOT_FOUND')
    return row
  }

  private async twiceRefused<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work()
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppException('ACTIVITY_ALREADY_CHECKED_IN')
      throw e
    }
  }
}

import { Injectable } from '@nestjs/common'
import {
  activityState,
  defaultHalfHours,
  lengthInHalfHours,
  type ActivityRoster,
  type ActivitySummary,
  type ActivityView,
  type MyVolunteerHours,
  type VillageVolunteerHours,
} from '@xiangli/shared'
import type { Viewer } from '../../../core/access/viewer'
import { Clock } from '../../../core/clock/clock'
import { AppException } from '../../../core/errors/app.exception'
import { RosterDirectory } from '../../roster/roster-directory'
import { isActivityOrganiser, mustBeResident } from '../activities.policy'
import { presentActivity, presentActivitySummary, presentAttendees } from '../activities.presenter'
import { ActivitiesRepository } from '../activities.repository'
import type { Activity } from '../entities/activity.entity'

/** Upcoming first (soonest at the top), then the past (latest at the top). */
const ORDER = { draft: 0, published: 1, signup_closed: 1, held: 2, closed: 2, cancelled: 3 } as const

/** The village's activities, one activity, its sign-up list, and volunteer hours. */
@Injectable()
export class ActivityReads {
  constructor(
    private readonly repo: ActivitiesRepository,
    private readonly people: RosterDirectory,
    private readonly clock: Clock,
  ) {}

  async list(v: Viewer, villageId: number): Promise<ActivitySummary[]> {
    const all = await this.repo.inVillage(villageId, isActivityOrganiser(v, villageId))
    const ids = all.map((a) => a.id)
    const residentId = v.residentIdIn(villageId)
    const [taken, mine, came] = await Promise.all([
      this.repo.taken(ids),
      this.repo.signedUpOf(ids, residentId),
      this.repo.checkedInOf(ids, residentId),
    ])
    const now = this.clock.now()
    return all
      .map((a) =>
        presentActivitySummary(a, {
          state: activityState(a, now),
          taken: taken.get(a.id) ?? 0,
          signedUpByMe: mine.has(a.id),
          checkedInByMe: came.has(a.id),
        }),
      )
      .sort((x, y) => {
        const byState = ORDER[x.state] - ORDER[y.state]
        if (byState !== 0) return byState
        const upcoming = ORDER[x.state] <= 1 ? 1 : -1
        return upcoming * (Date.parse(x.startsAt) - Date.parse(y.startsAt))
      })
  }

  async one(v: Viewer, villageId: number, id: number): Promise<ActivityView> {
    const a = await this.repo.find(villageId, id)
    if (!a || (a.status === 'draft' && !isActivityOrganiser(v, villageId)))
      throw new AppException('NOT_FOUND')
    return this.present(v, villageId, a)
  }

  async present(v: Viewer, villageId: number, a: Activity): Promise<ActivityView> {
    const residentId = v.residentIdIn(villageId)
    const [taken, mine, came, checkedIn, hours] = await Promise.all([
      this.repo.taken([a.id]),
      this.repo.signedUpOf([a.id], residentId),
      this.repo.checkedInOf([a.id], residentId),
      this.repo.checkedInCount(a.id),
      this.repo.hoursOfActivity(a.id),
    ])
    const myHours = residentId === null ? undefined : hours.find((h) => h.residentId === residentId)
    return presentActivity(a, this.clock.now(), {
      taken: taken.get(a.id) ?? 0,
      checkedIn,
      signedUpByMe: mine.has(a.id),
      checkedInByMe: came.has(a.id),
      myHalfHours: myHours ? myHours.halfHours : null,
      organiser: isActivityOrganiser(v, villageId),
      resident: residentId !== null,
    })
  }

  async roster(v: Viewer, villageId: number, id: number): Promise<ActivityRoster> {
    const a = await this.repo.find(villageId, id)
    if (!a) throw new AppException('NOT_FOUND')
    const [signUps, checkIns, hours] = await Promise.all([
      this.repo.signUps(a.id),
      this.repo.checkIns(a.id),
      this.repo.hoursOfActivity(a.id),
    ])
    const names = await this.people.names(signUps.map((s) => s.residentId))
    return {
      activity: await this.present(v, villageId, a),
      attendees: presentAttendees(signUps, checkIns, hours, names),
      defaultHalfHours: defaultHalfHours(a),
      maxHalfHours: lengthInHalfHours(a),
    }
  }

  async myHours(v: Viewer, villageId: number): Promise<MyVolunteerHours> {
    const residentId = mustBeResident(v, villageId)
    const rows = await this.repo.hoursOfResident(villageId, residentId)
    const activities = new Map(
      (await this.repo.titles([...new Set(rows.map((r) => r.activityId))])).map((a) => [a.id, a]),
    )
    return {
      totalHalfHours: await this.repo.sumOfResident(villageId, residentId),
      entries: rows.map((r) => ({
        activityId: r.activityId,
        title: activities.get(r.activityId)?.title ?? '',
        startsAt: activities.get(r.activityId)?.startsAt.toISOString() ?? r.recordedAt.toISOString(),
        halfHours: r.halfHours,
        recordedAt: r.recordedAt.toISOString(),
      })),
    }
  }

  async villageHours(villageId: number): Promise<VillageVolunteerHours> {
    const totals = await this.repo.totalsOfVillage(villageId)
    const names = await this.people.names(totals.map((t) => t.residentId))
    return {
      totalHalfHours: totals.reduce((n, t) => n + t.halfHours, 0),
      people: totals.map((t) => ({
        residentId: t.residentId,
        name: names.get(t.residentId) ?? '',
        totalHalfHours: t.halfHours,
        activities: t.activities,
      })),
    }
  }
}

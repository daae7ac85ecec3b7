import {
  activityState,
  activityTransition,
  checkInWindow,
  type ActivityAttendee,
  type ActivityState,
  type ActivitySummary,
  type ActivityView,
} from '@xiangli/shared'
import type { ActivityCheckIn, ActivitySignUp } from './entities/activity-attendance.entity'
import type { Activity } from './entities/activity.entity'
import type { VolunteerHours } from './entities/volunteer-hours.entity'

export const presentActivitySummary = (
  a: Activity,
  c: { state: ActivityState; taken: number; signedUpByMe: boolean; checkedInByMe: boolean },
): ActivitySummary => ({
  id: a.id,
  title: a.title,
  place: a.place,
  startsAt: a.startsAt.toISOString(),
  endsAt: a.endsAt.toISOString(),
  signUpDeadline: a.signUpDeadline.toISOString(),
  state: c.state,
  capacity: a.capacity,
  taken: c.taken,
  volunteering: a.volunteering,
  plannedHalfHours: a.plannedHalfHours,
  signedUpByMe: c.signedUpByMe,
  checkedInByMe: c.checkedInByMe,
})

/** One activity with what the viewer may do with it now. */
export function presentActivity(
  a: Activity,
  now: Date,
  c: {
    taken: number
    checkedIn: number
    signedUpByMe: boolean
    checkedInByMe: boolean
    myHalfHours: number | null
    organiser: boolean
    resident: boolean
  },
): ActivityView {
  const state = activityState(a, now)
  const w = checkInWindow(a)
  const inWindow = now >= w.opens && now < w.closes
  const may = (e: 'publish' | 'cancel' | 'close') => c.organiser && activityTransition(state, e).ok
  return {
    ...presentActivitySummary(a, { ...c, state }),
    description: a.description,
    cancelReason: a.cancelReason,
    createdByName: a.createdByName,
    checkInOpens: w.opens.toISOString(),
    checkInCloses: w.closes.toISOString(),
    checkedIn: c.checkedIn,
    myHalfHours: c.myHalfHours,
    mayManage: c.organiser,
    maySignUp: c.resident && state === 'published' && !c.signedUpByMe && c.taken < a.capacity,
    mayWithdraw: c.resident && state === 'published' && c.signedUpByMe,
    mayCheckIn: c.resident && a.status === 'published' && inWindow && !c.checkedInByMe,
    mayPublish: may('publish'),
    mayCancel: may('cancel'),
    mayClose: may('close'),
    mayRecordHours: c.organiser && state === 'held' && a.volunteering,
  }
}

/** The organiser's list: each person signed up or walked in, their check-in and hours. */
export function presentAttendees(
  signUps: ActivitySignUp[],
  checkIns: ActivityCheckIn[],
  hours: VolunteerHours[],
  names: Map<number, string>,
): ActivityAttendee[] {
  const came = new Map(checkIns.map((c) => [c.residentId, c]))
  const credited = new Map(hours.map((h) => [h.residentId, h.halfHours]))
  return signUps.map((s) => {
    const c = came.get(s.residentId)
    return {
      residentId: s.residentId,
      name: names.get(s.residentId) ?? '',
      walkIn: s.walkIn,
      signedUpAt: s.signedUpAt.toISOString(),
      checkedInAt: c ? c.checkedInAt.toISOString() : null,
      checkInMethod: c ? c.method : null,
      checkedInByName: c ? c.byName : null,
      halfHours: credited.get(s.residentId) ?? null,
    }
  })
}

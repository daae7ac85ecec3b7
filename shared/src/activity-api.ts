import type { ActivityState } from './activity'

/** 活动 / 志愿服务 as the API answers. Times are ISO strings; hours are whole half-hours. */

export interface ActivitySummary {
  id: number
  title: string
  place: string
  startsAt: string
  endsAt: string
  signUpDeadline: string
  state: ActivityState
  capacity: number
  /** people signed up (walk-ins included), by aggregate */
  taken: number
  volunteering: boolean
  plannedHalfHours: number
  signedUpByMe: boolean
  checkedInByMe: boolean
}

export interface ActivityView extends ActivitySummary {
  description: string
  cancelReason: string | null
  createdByName: string
  checkInOpens: string
  checkInCloses: string
  checkedIn: number
  /** the hours credited to me for this activity, or null */
  myHalfHours: number | null
  mayManage: boolean
  maySignUp: boolean
  mayWithdraw: boolean
  mayCheckIn: boolean
  mayPublish: boolean
  mayCancel: boolean
  mayClose: boolean
  mayRecordHours: boolean
}

/** One person on the organiser's sign-up list. */
export interface ActivityAttendee {
  residentId: number
  name: string
  /** came without signing up (现场报名) */
  walkIn: boolean
  signedUpAt: string
  checkedInAt: string | null
  /** 'qr' scanned the code; 'hand' checked in by the organiser */
  checkInMethod: 'qr' | 'hand' | null
  checkedInByName: string | null
  /** hours recorded for this activity, or null when not yet */
  halfHours: number | null
}

export interface ActivityRoster {
  activity: ActivityView
  attendees: ActivityAttendee[]
  /** what the hours form offers each attendee at first */
  defaultHalfHours: number
  maxHalfHours: number
}

/** The organiser's QR code: it changes every 30 s. */
export interface ActivityCheckInCode {
  token: string
  url: string
  /** the QR code as a PNG data URL */
  qrImage: string
  /** when to fetch the next one */
  refreshAt: string
}

export interface ActivityCheckInResult {
  checkedInAt: string
  walkIn: boolean
  title: string
}

export interface VolunteerHoursEntry {
  activityId: number
  title: string
  startsAt: string
  halfHours: number
  recordedAt: string
}

/** 我的志愿时长 */
export interface MyVolunteerHours {
  totalHalfHours: number
  entries: VolunteerHoursEntry[]
}

/** The village's list for the committee: each volunteer and their total. */
export interface VillageVolunteerHours {
  totalHalfHours: number
  people: { residentId: number; name: string; totalHalfHours: number; activities: number }[]
}

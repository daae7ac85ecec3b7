import {
  ACTIVITY_STATE_LABELS,
  activityCreateSchema,
  chinaTimeLabel,
  fromHalfHours,
  type ActivityCreateRequest,
  type ActivityState,
  type ActivitySummary,
} from '@xiangli/shared'
import type { StateTone } from '@/components/StateTag'
import { ROUTES } from '@/routes'

/** 活动 / 志愿服务: the residents' pages and the committee's. */
export const ACTIVITY_PAGES = {
  list: ROUTES.activityList,
  detail: ROUTES.activityDetail,
  checkIn: ROUTES.activityCheckIn,
  myHours: ROUTES.activityMyHours,
  bench: ROUTES.committeeActivities,
  compose: ROUTES.committeeActivityNew,
  manage: ROUTES.committeeActivity,
  qr: ROUTES.committeeActivityQr,
  villageHours: ROUTES.committeeVolunteerHours,
} as const

export const ACTIVITY_STATE_TONE: Record<ActivityState, StateTone> = {
  draft: 'waiting',
  published: 'working',
  signup_closed: 'working',
  held: 'done',
  closed: 'done',
  cancelled: 'stopped',
}
export const activityStateLabel = (s: ActivityState): string => ACTIVITY_STATE_LABELS[s]

/** 12月5日 09:00 – 12:00, or across days 12月5日 20:00 – 12月6日 02:00 (Beijing). */
export function timeSpan(startsAt: string, endsAt: string): string {
  const a = chinaTimeLabel(new Date(startsAt))
  const b = chinaTimeLabel(new Date(endsAt))
  const [dayA] = a.split(' ')
  const [dayB, timeB] = b.split(' ')
  return dayA === dayB ? `${a} – ${timeB}` : `${a} – ${b}`
}

export const hoursText = (halfHours: number): string => `${fromHalfHours(halfHours)} 小时`

export const placesText = (a: Pick<ActivitySummary, 'taken' | 'capacity'>): string =>
  a.taken >= a.capacity ? `已报满 ${a.capacity} 人` : `已报名 ${a.taken} / ${a.capacity} 人`

/** Upcoming (not yet held: published, sign-up closed, drafts) and past (held, closed, cancelled). */
export function splitByTime(list: readonly ActivitySummary[]): {
  upcoming: ActivitySummary[]
  past: ActivitySummary[]
} {
  const isPast = (a: ActivitySummary) => a.state === 'held' || a.state === 'closed' || a.state === 'cancelled'
  return { upcoming: list.filter((a) => !isPast(a)), past: list.filter(isPast) }
}

// ---------- the committee's form ----------

export interface ActivityForm {
  title: string
  description: string
  place: string
  date: string
  startTime: string
  endTime: string
  deadlineDate: string
  deadlineTime: string
  capacity: string
  volunteering: boolean
  /** in half-hours, stepped with buttons */
  plannedHalfHours: number
}

const CHINA_OFFSET_MS = 8 * 3_600_000
const chinaDate = (at: Date) => new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10)

/** A picked Beijing date and time as a moment, or null when either is missing. */
export function beijingMoment(date: string, time: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null
  const at = new Date(`${date}T${time}:00+08:00`)
  return Number.isNaN(at.getTime()) ? null : at
}

/** A new activity: three days from today, 09:00–11:00, sign-up until 18:00 the day before. */
export function blankActivityForm(now: Date): ActivityForm {
  const day = (n: number) => chinaDate(new Date(now.getTime() + n * 86_400_000))
  return {
    title: '',
    description: '',
    place: '',
    date: day(3),
    startTime: '09:00',
    endTime: '11:00',
    deadlineDate: day(2),
    deadlineTime: '18:00',
    capacity: '20',
    volunteering: true,
    plannedHalfHours: 4,
  }
}

/** The days the date pickers offer: today to 180 days ahead. */
export const dayRange = (now: Date): { start: string; end: string } => ({
  start: chinaDate(now),
  end: chinaDate(new Date(now.getTime() + 180 * 86_400_000)),
})

/** A half-hour more or less, never below half an hour nor above 24 hours. */
export const stepHalfHours = (half: number, by: 1 | -1, min = 1, max = 48): number =>
  Math.min(max, Math.max(min, half + by))

export type ActivityFormErrors = Partial<Record<keyof ActivityForm | 'when' | 'plannedHours', string>>

export function checkActivityForm(
  f: ActivityForm,
  publish: boolean,
): { ok: true; value: ActivityCreateRequest } | { ok: false; errors: ActivityFormErrors } {
  const errors: ActivityFormErrors = {}
  const startsAt = beijingMoment(f.date, f.startTime)
  const endsAt = beijingMoment(f.date, f.endTime)
  const deadline = beijingMoment(f.deadlineDate, f.deadlineTime)
  if (!startsAt || !endsAt) errors.when = '请选择活动日期和起止时间'
  else if (endsAt <= startsAt) errors.when = '结束时间要晚于开始时间'
  if (!deadline) errors.deadlineDate = '请选择报名截止时间'
  else if (startsAt && deadline > startsAt) errors.deadlineDate = '报名截止要在活动开始之前'
  const capacity = Number(f.capacity)
  if (!/^\d+$/.test(f.capacity.trim()) || capacity < 1) errors.capacity = '人数上限请填 1 以上的整数'
  const value = {
    title: f.title,
    description: f.description,
    place: f.place,
    startsAt: startsAt ?? new Date(NaN),
    endsAt: endsAt ?? new Date(NaN),
    signUpDeadline: deadline ?? new Date(NaN),
    capacity,
    volunteering: f.volunteering,
    plannedHours: f.volunteering ? fromHalfHours(f.plannedHalfHours) : 0,
    publish,
  }
  const parsed = activityCreateSchema.safeParse(value)
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0])
      const key = (
        ['startsAt', 'endsAt'].includes(field) ? 'when' : field === 'signUpDeadline' ? 'deadlineDate' : field
      ) as keyof ActivityFormErrors
      errors[key] ??= issue.message
    }
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, value }
}

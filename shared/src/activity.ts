import { z } from 'zod'

/**
 * 活动 / 志愿服务: the 两委 publish an activity, residents sign up, check in on the day by scanning
 * the organiser's QR code, and the organiser records the hours each attendee served. Hours are kept
 * as whole half-hours (integers), never floats.
 */

export const ACTIVITY_LIMITS = {
  title: 40,
  description: 1000,
  place: 60,
  cancelReason: 200,
  minCapacity: 1,
  maxCapacity: 1000,
  /** how long one activity may last */
  maxLengthHours: 24,
  /** how far ahead an activity may be set */
  maxDaysAhead: 180,
} as const

/** Check-in opens this long before the start and stays open until the end. */
export const CHECK_IN_LEAD_MS = 30 * 60_000
/** The organiser's QR code changes this often; a code is taken for this window and the one before. */
export const CHECK_IN_CODE_PERIOD_MS = 30_000

const HOUR_MS = 3_600_000
const HALF_HOUR_MS = HOUR_MS / 2

const chars = (s: string) => Array.from(s).length
const text = (what: string, max: number, min = 1) =>
  z
    .string({ required_error: `请填写${what}` })
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(min, `请填写${what}`)
        .refine((s) => chars(s) <= max, `${what}最多 ${max} 个字`),
    )
const moment = (what: string) => z.coerce.date({ errorMap: () => ({ message: `请选择${what}` }) })

export const activityCreateSchema = z.object({
  title: text('活动名称', ACTIVITY_LIMITS.title),
  description: text('活动内容', ACTIVITY_LIMITS.description, 0).default(''),
  place: text('活动地点', ACTIVITY_LIMITS.place),
  startsAt: moment('开始时间'),
  endsAt: moment('结束时间'),
  signUpDeadline: moment('报名截止时间'),
  capacity: z
    .number({ invalid_type_error: '请填写人数上限' })
    .int('人数上限要是整数')
    .min(ACTIVITY_LIMITS.minCapacity, '人数上限至少 1 人')
    .max(ACTIVITY_LIMITS.maxCapacity, `人数上限最多 ${ACTIVITY_LIMITS.maxCapacity} 人`),
  volunteering: z.boolean().default(false),
  /** planned hours per attendee of a 志愿服务 activity, in 0.5-hour steps; 0 for other activities */
  plannedHours: z.number().min(0).default(0),
  /** publish now (residents see it and may sign up) or keep it as a draft */
  publish: z.boolean().default(true),
})
export type ActivityCreateRequest = z.input<typeof activityCreateSchema>
export type ActivityCreate = z.infer<typeof activityCreateSchema>

export const activityCancelSchema = z.object({
  reason: text('取消原因', ACTIVITY_LIMITS.cancelReason),
})
export type ActivityCancelRequest = z.infer<typeof activityCancelSchema>

export const activityCheckInSchema = z.object({
  token: z.string().min(1).max(200),
})
export type ActivityCheckInRequest = z.infer<typeof activityCheckInSchema>

export const activityHandCheckInSchema = z.object({
  residentId: z.number().int().positive(),
})
export type ActivityHandCheckInRequest = z.infer<typeof activityHandCheckInSchema>

export const activityHoursSchema = z.object({
  entries: z
    .array(z.object({ residentId: z.number().int().positive(), hours: z.number().min(0) }))
    .min(1, '请至少给一位参加的人记时长')
    .max(ACTIVITY_LIMITS.maxCapacity),
})
export type ActivityHoursRequest = z.infer<typeof activityHoursSchema>

// ---------- hours as half-hours ----------

/** 2.5 hours → 5 half-hours; null when it is not a whole number of half-hours. */
export function toHalfHours(hours: number): number | null {
  const half = hours * 2
  return Number.isFinite(half) && Number.isInteger(half) && half >= 0 ? half : null
}
/** 5 half-hours → 2.5 hours (exact: a half is a power of two). */
export const fromHalfHours = (half: number): number => half / 2
/** 5 half-hours → '2.5 小时'. */
export const hoursLabel = (half: number): string => `${fromHalfHours(half)} 小时`

/** How many whole half-hours fit between the start and the end: the most anyone may be credited. */
export const lengthInHalfHours = (a: { startsAt: Date; endsAt: Date }): number =>
  Math.max(0, Math.floor((a.endsAt.getTime() - a.startsAt.getTime()) / HALF_HOUR_MS))

// ---------- the activity as the committee sets it ----------

export type ActivityPlanRefusal =
  'ACTIVITY_TIMES_INVALID' | 'ACTIVITY_START_IN_PAST' | 'ACTIVITY_DEADLINE_INVALID' | 'ACTIVITY_HOURS_INVALID'

/**
 * A plan that can happen: it starts in the future, ends after it starts, lasts at most a day, the
 * sign-up deadline is before the start, and planned hours (volunteering only) fit its length.
 */
export function activityPlanRule(p: ActivityCreate, now: Date): ActivityPlanRefusal | null {
  const start = p.startsAt.getTime()
  const end = p.endsAt.getTime()
  if (end <= start) return 'ACTIVITY_TIMES_INVALID'
  if (start <= now.getTime()) return 'ACTIVITY_START_IN_PAST'
  if (start > now.getTime() + ACTIVITY_LIMITS.maxDaysAhead * 24 * HOUR_MS) return 'ACTIVITY_TIMES_INVALID'
  if (end - start > ACTIVITY_LIMITS.maxLengthHours * HOUR_MS) return 'ACTIVITY_TIMES_INVALID'
  const deadline = p.signUpDeadline.getTime()
  if (deadline > start || deadline <= now.getTime()) return 'ACTIVITY_DEADLINE_INVALID'
  const planned = toHalfHours(p.plannedHours)
  if (planned === null) return 'ACTIVITY_HOURS_INVALID'
  if (p.volunteering && (planned === 0 || planned > lengthInHalfHours(p))) return 'ACTIVITY_HOURS_INVALID'
  if (!p.volunteering && planned !== 0) return 'ACTIVITY_HOURS_INVALID'
  return null
}

// ---------- states ----------

/** What is stored; the rest of the states follow from the clock. */
export type ActivityStatus = 'draft' | 'published' | 'closed' | 'cancelled'

/**
 * draft → published → signup_closed (past the deadline) → held (past the end, hours being
 * recorded) → closed (the organiser closed it); cancelled, with a reason, before it is held.
 */
export type ActivityState = 'draft' | 'published' | 'signup_closed' | 'held' | 'closed' | 'cancelled'

export interface ActivityTimes {
  startsAt: Date
  endsAt: Date
  signUpDeadline: Date
}

export function activityState(a: ActivityTimes & { status: ActivityStatus }, now: Date): ActivityState {
  if (a.status !== 'published') return a.status
  const t = now.getTime()
  if (t >= a.endsAt.getTime()) return 'held'
  if (t >= a.signUpDeadline.getTime()) return 'signup_closed'
  return 'published'
}

export const ACTIVITY_STATE_LABELS: Record<ActivityState, string> = {
  draft: '草稿',
  published: '报名中',
  signup_closed: '报名已截止',
  held: '已举行',
  closed: '已结束',
  cancelled: '已取消',
}

export type ActivityEvent = 'publish' | 'cancel' | 'close'

export type ActivityTransition =
  | { ok: true; next: ActivityStatus }
  | { ok: false; code: 'ACTIVITY_NOT_DRAFT' | 'ACTIVITY_CANNOT_CANCEL' | 'ACTIVITY_NOT_HELD' }

/** What the organiser may do in each state. */
export function activityTransition(state: ActivityState, event: ActivityEvent): ActivityTransition {
  switch (event) {
    case 'publish':
      return state === 'draft' ? { ok: true, next: 'published' } : { ok: false, code: 'ACTIVITY_NOT_DRAFT' }
    case 'cancel':
      return state === 'draft' || state === 'published' || state === 'signup_closed'
        ? { ok: true, next: 'cancelled' }
        : { ok: false, code: 'ACTIVITY_CANNOT_CANCEL' }
    case 'close':
      return state === 'held' ? { ok: true, next: 'closed' } : { ok: false, code: 'ACTIVITY_NOT_HELD' }
  }
}

// ---------- sign-up ----------

export type SignUpRefusal =
  'ACTIVITY_NOT_OPEN' | 'ACTIVITY_SIGNUP_CLOSED' | 'ACTIVITY_ALREADY_SIGNED_UP' | 'ACTIVITY_FULL'

/** A resident may sign up while it is published and before the deadline, once, while places are left. */
export function signUpRule(c: {
  state: ActivityState
  capacity: number
  taken: number
  alreadySignedUp: boolean
}): SignUpRefusal | null {
  if (c.state === 'signup_closed') return 'ACTIVITY_SIGNUP_CLOSED'
  if (c.state !== 'published') return 'ACTIVITY_NOT_OPEN'
  if (c.alreadySignedUp) return 'ACTIVITY_ALREADY_SIGNED_UP'
  if (c.taken >= c.capacity) return 'ACTIVITY_FULL'
  return null
}

/** One's own sign-up may be cancelled before the deadline, so the place goes to someone else in time. */
export function withdrawRule(c: {
  state: ActivityState
  signedUp: boolean
}): 'ACTIVITY_NOT_SIGNED_UP' | 'ACTIVITY_SIGNUP_CLOSED' | null {
  if (!c.signedUp) return 'ACTIVITY_NOT_SIGNED_UP'
  if (c.state !== 'published') return 'ACTIVITY_SIGNUP_CLOSED'
  return null
}

// ---------- check-in ----------

/** From 30 minutes before the start to the end. */
export const checkInWindow = (a: { startsAt: Date; endsAt: Date }): { opens: Date; closes: Date } => ({
  opens: new Date(a.startsAt.getTime() - CHECK_IN_LEAD_MS),
  closes: a.endsAt,
})

export type CheckInRefusal =
  | 'ACTIVITY_NOT_OPEN'
  | 'ACTIVITY_CHECKIN_NOT_YET'
  | 'ACTIVITY_CHECKIN_OVER'
  | 'ACTIVITY_ALREADY_CHECKED_IN'
  | 'ACTIVITY_FULL'

/**
 * Check-in on the day. Someone who did not sign up is taken as a walk-in (现场报名) while places are
 * left: turning away a neighbour who came to help, with room to spare, helps nobody; when it is
 * full they are refused like a late sign-up.
 */
export function checkInRule(
  a: ActivityTimes & { status: ActivityStatus; capacity: number },
  c: { signedUp: boolean; checkedIn: boolean; taken: number },
  now: Date,
): CheckInRefusal | null {
  if (a.status !== 'published') return 'ACTIVITY_NOT_OPEN'
  const w = checkInWindow(a)
  if (now.getTime() < w.opens.getTime()) return 'ACTIVITY_CHECKIN_NOT_YET'
  if (now.getTime() >= w.closes.getTime()) return 'ACTIVITY_CHECKIN_OVER'
  if (c.checkedIn) return 'ACTIVITY_ALREADY_CHECKED_IN'
  if (!c.signedUp && c.taken >= a.capacity) return 'ACTIVITY_FULL'
  return null
}

/** The 30-second window a moment falls in: the QR code shown then carries it. */
export const checkInCodeWindow = (nowMs: number): number => Math.floor(nowMs / CHECK_IN_CODE_PERIOD_MS)

/** A code's window is current or the one just before (a scan at the turn still counts); later is forged. */
export function checkInCodeAge(codeWindow: number, nowMs: number): 'fresh' | 'expired' | 'future' {
  const current = checkInCodeWindow(nowMs)
  if (codeWindow > current) return 'future'
  return codeWindow >= current - 1 ? 'fresh' : 'expired'
}

/** The check-in page the QR code opens (H5) and what a scan on WeChat reads the token from. */
export const ACTIVITY_CHECK_IN_PATH = '/#/subpackages/activity/pages/check-in/index'

export function activityCheckInUrl(
  publicBaseUrl: string,
  villageId: number,
  id: number,
  token: string,
): string {
  const q = `villageId=${villageId}&id=${id}&token=${encodeURIComponent(token)}`
  return `${publicBaseUrl.replace(/\/+$/, '')}${ACTIVITY_CHECK_IN_PATH}?${q}`
}

/** What a scan read, back to the activity and token: the check-in URL, or the bare token. */
export function parseCheckInScan(
  scanned: string,
): { villageId: number | null; id: number | null; token: string } | null {
  const s = scanned.trim()
  if (!s) return null
  const q = s.indexOf('?')
  if (q === -1) return /^[\w.-]+$/.test(s) ? { villageId: null, id: null, token: s } : null
  const params = new Map<string, string>()
  for (const pair of s.slice(q + 1).split('&')) {
    const [k, v = ''] = pair.split('=')
    if (k) params.set(k, decodeURIComponent(v))
  }
  const token = params.get('token')
  if (!token) return null
  const num = (k: string) => {
    const n = Number(params.get(k))
    return Number.isInteger(n) && n > 0 ? n : null
  }
  return { villageId: num('villageId'), id: num('id'), token }
}

// ---------- hours ----------

export type HoursRefusal = 'ACTIVITY_HOURS_INVALID'

/** Hours for one attendee: whole half-hours, none negative, no more than the activity lasted. */
export function hoursRule(hours: number, a: { startsAt: Date; endsAt: Date }): HoursRefusal | null {
  const half = toHalfHours(hours)
  if (half === null) return 'ACTIVITY_HOURS_INVALID'
  if (half > lengthInHalfHours(a)) return 'ACTIVITY_HOURS_INVALID'
  return null
}

/** What the hours form starts at for each attendee: the planned hours, never over the length. */
export const defaultHalfHours = (a: { plannedHalfHours: number; startsAt: Date; endsAt: Date }): number =>
  Math.min(a.plannedHalfHours, lengthInHalfHours(a))

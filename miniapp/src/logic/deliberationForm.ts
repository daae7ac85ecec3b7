/**
 * The committee's forms for 议事: starting one, scheduling the meeting of a step, publishing. Dates
 * are typed as 2026-12-05 and 14:30 and read as Beijing time, like the notice on the village board.
 */
import {
  DAY_MS,
  DELIBERATION_BODY_LABELS,
  calendarDaysBetween,
  defaultProcedureSettings,
  deliberationCreateSchema,
  earliestMeetingAt,
  isMeetingBody,
  meetingScheduleSchema,
  publishStepSchema,
  type BallotKind,
  type DeliberationBody,
  type DeliberationCreateRequest,
  type MatterType,
  type MeetingScheduleRequest,
  type NoticeRule,
  type PublishStepRequest,
  type StepKey,
} from '@xiangli/shared'

const CHINA_OFFSET_MS = 8 * 3_600_000

/** YYYY-MM-DD of a moment, in Beijing time. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10)
}

/** 12月5日 of a YYYY-MM-DD. */
export function dayLabel(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  return m ? `${Number(m[2])}月${Number(m[3])}日` : date
}

/** A typed date (and time) in Beijing time, or null when it is not a real one. */
export function parseChinaTime(date: string, time = '00:00'): Date | null {
  const d = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(date)
  const t = /^\s*(\d{1,2})[:：](\d{2})\s*$/.exec(time)
  if (!d || !t) return null
  const [y, mo, da, h, mi] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ]
  if (mo < 1 || mo > 12 || da < 1 || da > 31 || h > 23 || mi > 59) return null
  const ms = Date.UTC(y, mo - 1, da, h, mi) - CHINA_OFFSET_MS
  const at = new Date(ms)
  // 2月30日 rolls over to March: not a real date
  if (chinaDate(at) !== `${y}-${String(mo).padStart(2, '0')}-${String(da).padStart(2, '0')}`) return null
  return at
}

// ---------- starting a deliberation ----------

export type SourceKind = 'cadre' | 'grievance' | 'higher_assignment' | 'petition'

export const SOURCE_OPTIONS: readonly { value: SourceKind; label: string }[] = [
  { value: 'cadre', label: '两委干部提出' },
  { value: 'grievance', label: '村民反映的问题' },
  { value: 'higher_assignment', label: '上级交办' },
]

export interface CreateForm {
  title: string
  content: string
  matterType: MatterType
  sourceKind: SourceKind
  /** the number of the resident's issue, when the source is one */
  grievanceId: string
  reference: string
  /** the residents' petition (联名提议) this answers; set from the petition's page */
  petitionId: string
  /** the villagers' meeting resolution that empowered the representatives' meeting, if any */
  delegation: string
}

export const emptyCreateForm = (): CreateForm => ({
  title: '',
  content: '',
  matterType: 'ordinary',
  sourceKind: 'cadre',
  grievanceId: '',
  reference: '',
  petitionId: '',
  delegation: '',
})

export type FormErrors<K extends string> = Partial<Record<K, string>>

export function checkCreateForm(
  f: CreateForm,
): { ok: true; value: DeliberationCreateRequest } | { ok: false; errors: FormErrors<keyof CreateForm> } {
  const errors: FormErrors<keyof CreateForm> = {}
  let source: DeliberationCreateRequest['source'] = { kind: 'cadre' }
  if (f.sourceKind === 'grievance') {
    const id = Number(f.grievanceId.trim())
    if (!Number.isSafeInteger(id) || id <= 0) errors.grievanceId = '请填写村民说事的编号（详情页上的数字）'
    else source = { kind: 'grievance', grievanceId: id }
  } else if (f.sourceKind === 'higher_assignment')
    source = { kind: 'higher_assignment', reference: f.reference }
  else if (f.sourceKind === 'petition') {
    const id = Number(f.petitionId)
    if (!Number.isSafeInteger(id) || id <= 0) errors.petitionId = '请从联名提议的页面发起'
    else source = { kind: 'petition', petitionId: id }
  }
  const body = {
    title: f.title,
    content: f.content,
    matterType: f.matterType,
    source,
    delegation: f.delegation.trim() ? { resolution: f.delegation } : null,
  }
  const parsed = deliberationCreateSchema.safeParse(body)
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const [first, second] = issue.path
      const key: keyof CreateForm | null =
        first === 'title'
          ? 'title'
          : first === 'content'
            ? 'content'
            : first === 'source' && second === 'reference'
              ? 'reference'
              : first === 'delegation'
                ? 'delegation'
                : null
      if (key && !errors[key]) errors[key] = issue.message
    }
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, value: body }
}

// ---------- scheduling a meeting ----------

/** The notice rule of a body as the village's procedure sets it by default (the law's). */
export function noticeRuleOf(body: DeliberationBody): NoticeRule {
  if (!isMeetingBody(body)) return { minDays: 0, agendaRequired: false, planRequired: false }
  return defaultProcedureSettings().notices[body]
}

export interface ScheduleForm {
  body: DeliberationBody
  /** YYYY-MM-DD */
  date: string
  /** HH:MM */
  time: string
  location: string
  agenda: string
  ballot: BallotKind
  /** the day the paper notice went up on the village board: today, or earlier */
  noticeDate: string
  agendaPublished: boolean
  planSent: boolean
}

export function emptyScheduleForm(body: DeliberationBody, now: Date = new Date()): ScheduleForm {
  const rule = noticeRuleOf(body)
  const today = chinaDate(now)
  return {
    body,
    date: rule.minDays > 0 ? chinaDate(new Date(now.getTime() + rule.minDays * DAY_MS)) : today,
    time: '19:30',
    location: '村委会会议室',
    agenda: '',
    ballot: 'open',
    noticeDate: today,
    agendaPublished: false,
    planSent: false,
  }
}

/** The notice rule in words, shown before the committee submits. */
export function noticeRuleText(body: DeliberationBody): string | null {
  const rule = noticeRuleOf(body)
  const name = DELIBERATION_BODY_LABELS[body]
  const parts: string[] = []
  if (rule.minDays > 0) parts.push(`${name}要至少提前 ${rule.minDays} 天发通知`)
  if (rule.agendaRequired) parts.push('先公布会议议题')
  if (rule.planRequired) parts.push('开会前把方案发给参会的党员')
  return parts.length ? `${parts.join('，')}。` : null
}

export interface NoticeHint {
  /** 通知 11月25日 发出，最早 12月5日 开会 */
  text: string
  /** the chosen meeting day is too early for the notice */
  tooEarly: boolean
  days: number | null
}

export function noticeHint(f: Pick<ScheduleForm, 'body' | 'date' | 'noticeDate'>): NoticeHint | null {
  const rule = noticeRuleOf(f.body)
  if (rule.minDays === 0) return null
  const notice = parseChinaTime(f.noticeDate)
  if (!notice) return { text: '请填写通知发出的日期', tooEarly: false, days: null }
  const earliest = chinaDate(earliestMeetingAt(rule, notice))
  const meeting = parseChinaTime(f.date)
  const days = meeting ? calendarDaysBetween(notice, meeting) : null
  const tooEarly = days !== null && days < rule.minDays
  const text = `通知${dayLabel(f.noticeDate)}发出，最早${dayLabel(earliest)}开会${
    days !== null ? `；现在定的日子提前了 ${days} 天` : ''
  }`
  return { text, tooEarly, days }
}

/** The schedule request as sent: the times as ISO strings (the server's schema coerces them). */
export type ScheduleRequestBody = Omit<MeetingScheduleRequest, 'meetingAt' | 'noticeAt'> & {
  meetingAt: string
  noticeAt?: string
}

export function checkScheduleForm(
  f: ScheduleForm,
  step: StepKey,
  now: Date = new Date(),
): { ok: true; value: ScheduleRequestBody } | { ok: false; errors: FormErrors<keyof ScheduleForm> } {
  const errors: FormErrors<keyof ScheduleForm> = {}
  const meetingAt = parseChinaTime(f.date, f.time)
  if (!parseChinaTime(f.date)) errors.date = '请按 2026-12-05 这样填写开会日期'
  else if (!meetingAt) errors.time = '请按 19:30 这样填写开会时间'
  const notice = parseChinaTime(f.noticeDate)
  const today = chinaDate(now)
  if (!notice) errors.noticeDate = '请按 2026-12-05 这样填写通知日期'
  else if (f.noticeDate.trim() > today) errors.noticeDate = '通知日期不能晚于今天'
  const rule = noticeRuleOf(f.body)
  if (!errors.date && !errors.noticeDate && meetingAt && notice) {
    if (chinaDate(meetingAt) < today) errors.date = '开会日期不能早于今天'
    else if (f.noticeDate.trim() === today && meetingAt.getTime() < now.getTime())
      errors.time = '通知今天才发，开会时间不能早于现在'
    else {
      const days = calendarDaysBetween(notice, meetingAt)
      if (days < rule.minDays)
        errors.date = `要提前 ${rule.minDays} 天通知，现在只提前了 ${days} 天，最早${dayLabel(
          chinaDate(earliestMeetingAt(rule, notice)),
        )}开会`
    }
  }
  if (rule.agendaRequired && !f.agendaPublished) errors.agendaPublished = '村民会议要先公布会议议题'
  if (rule.planRequired && !f.planSent) errors.planSent = '要先把方案发给参会的党员'
  const value: ScheduleRequestBody = {
    step,
    body: f.body,
    meetingAt: meetingAt ? meetingAt.toISOString() : '',
    location: f.location,
    agenda: f.agenda,
    agendaPublished: f.agendaPublished,
    planSent: f.planSent,
    ballot: f.ballot,
  }
  // a notice posted today goes with the time of the request; an earlier paper notice with its day
  if (notice && f.noticeDate.trim() !== today)
    value.noticeAt = new Date(notice.getTime() + 9 * 3_600_000).toISOString()
  const parsed = meetingScheduleSchema.safeParse(value)
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const key = issue.path[0]
      if ((key === 'location' || key === 'agenda') && !errors[key]) errors[key] = issue.message
    }
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, value }
}

// ---------- publishing ----------

export function checkPublish(
  step: StepKey,
  title: string,
  text: string,
): { ok: true; value: PublishStepRequest } | { ok: false; errors: { title?: string; text?: string } } {
  const value: PublishStepRequest = { step, title, text }
  const parsed = publishStepSchema.safeParse(value)
  if (parsed.success) return { ok: true, value: { step, title: title.trim(), text: text.trim() } }
  const errors: { title?: string; text?: string } = {}
  for (const issue of parsed.error.issues) {
    const key = issue.path[0]
    if ((key === 'title' || key === 'text') && !errors[key]) errors[key] = issue.message
  }
  return { ok: false, errors }
}

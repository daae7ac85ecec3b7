/**
 * 安排会议 and 会议改期. The notice goes out when the server publishes it, so the form never asks when
 * it was given: it shows the earliest lawful day the server worked out (`SchedulePreview`), and a
 * paper notice already on the village board is recorded with its date and a photo, to count once a
 * supervision-committee member confirms it. Times are typed as 2026-12-05 and 19:30, Beijing time.
 * "Now" is the server's (from the preview), never the phone's clock.
 */
import {
  DELIBERATION_BODY_LABELS,
  calendarDaysBetween,
  chinaDayLabel,
  earliestMeetingAt,
  meetingRescheduleSchema,
  meetingScheduleSchema,
  type BallotKind,
  type DeliberationBody,
  type MeetingRescheduleRequest,
  type MeetingScheduleRequest,
  type NoticeRule,
  type SchedulePreview,
  type StepKey,
} from '@xiangli/shared'
import { chinaDate, dayLabel, noticeRuleOf, parseChinaTime, type FormErrors } from './deliberationForm'

export interface ScheduleForm {
  body: DeliberationBody
  /** YYYY-MM-DD */
  date: string
  /** HH:MM */
  time: string
  location: string
  agenda: string
  ballot: BallotKind
  agendaPublished: boolean
  planSent: boolean
  /** a paper notice is already up on the village board */
  paper: boolean
  /** when it went up: YYYY-MM-DD and HH:MM */
  paperDate: string
  paperTime: string
}

/** The rule the server sent for this body, or the law's default before it answered. */
const ruleOf = (body: DeliberationBody, preview: SchedulePreview | null): NoticeRule =>
  preview && preview.body === body ? preview.notice : noticeRuleOf(body)

/** The earliest lawful day on a notice sent now: the server's when it answered. */
export function earliestDay(body: DeliberationBody, preview: SchedulePreview | null, now: Date): string {
  if (preview && preview.body === body) return preview.earliestDay
  return chinaDate(earliestMeetingAt(noticeRuleOf(body), now))
}

export function emptyScheduleForm(
  body: DeliberationBody,
  preview: SchedulePreview | null = null,
  now: Date = new Date(),
): ScheduleForm {
  return {
    body,
    date: earliestDay(body, preview, now),
    time: '19:30',
    location: '村委会会议室',
    agenda: '',
    ballot: 'open',
    agendaPublished: false,
    planSent: false,
    paper: false,
    paperDate: chinaDate(now),
    paperTime: '09:00',
  }
}

/** 按今天发出通知，最早12月5日开会 — and, with a paper notice, the day it allows once confirmed. */
export function earliestText(f: ScheduleForm, preview: SchedulePreview | null, now: Date): string | null {
  const rule = ruleOf(f.body, preview)
  if (rule.minDays === 0) return null
  const today = `按今天发出通知，最早${dayLabel(earliestDay(f.body, preview, now))}开会`
  const paper = f.paper ? parseChinaTime(f.paperDate, f.paperTime) : null
  if (!paper || paper.getTime() >= now.getTime()) return `${today}。`
  return `${today}；纸质通知${chinaDayLabel(paper)}张贴的，经监督委员会确认后最早${chinaDayLabel(
    earliestMeetingAt(rule, paper),
  )}开会。`
}

/** The Art 25 warning for a representatives' meeting, in the server's words with its numbers. */
export function compositionWarnings(
  f: Pick<ScheduleForm, 'body'>,
  preview: SchedulePreview | null,
): string[] {
  if (!preview || preview.body !== f.body || !preview.composition) return []
  return preview.composition.warnings
}

/** The schedule request as sent: the times as ISO strings (the server's schema coerces them). */
export type ScheduleRequestBody = Omit<MeetingScheduleRequest, 'meetingAt' | 'noticeAt' | 'paperNotice'> & {
  meetingAt: string
  paperNotice?: { postedAt: string; photoIds: number[] }
}

/** The checked form as the schedule route takes it: its times as dates (sent as the same ISO text). */
export const scheduleRequest = (v: ScheduleRequestBody): MeetingScheduleRequest => {
  const { paperNotice, ...rest } = v
  return {
    ...rest,
    meetingAt: new Date(v.meetingAt),
    ...(paperNotice ? { paperNotice: { ...paperNotice, postedAt: new Date(paperNotice.postedAt) } } : {}),
  }
}

export function checkScheduleForm(
  f: ScheduleForm,
  step: StepKey,
  o: { now: Date; preview: SchedulePreview | null; photoIds: readonly number[] },
): { ok: true; value: ScheduleRequestBody } | { ok: false; errors: FormErrors<keyof ScheduleForm> } {
  const errors: FormErrors<keyof ScheduleForm> = {}
  const rule = ruleOf(f.body, o.preview)
  const meetingAt = parseChinaTime(f.date, f.time)
  if (!parseChinaTime(f.date)) errors.date = '请按 2026-12-05 这样填写开会日期'
  else if (!meetingAt) errors.time = '请按 19:30 这样填写开会时间'
  let notice = o.now
  if (f.paper) {
    const posted = parseChinaTime(f.paperDate, f.paperTime)
    const since = o.preview?.stepSince ? new Date(o.preview.stepSince) : null
    if (!parseChinaTime(f.paperDate)) errors.paperDate = '请按 2026-11-25 这样填写张贴日期'
    else if (!posted) errors.paperTime = '请按 09:00 这样填写张贴时间'
    else if (posted.getTime() > o.now.getTime()) errors.paperDate = '张贴时间不能晚于现在'
    else if (since && posted.getTime() < since.getTime())
      errors.paperDate = `这一步${chinaDayLabel(since)}才开始，纸质通知不能早于那时`
    else notice = posted
    if (o.photoIds.length === 0) errors.paper = '请拍一张纸质通知贴在公告栏上的照片'
  }
  if (!errors.date && !errors.time && meetingAt) {
    if (meetingAt.getTime() < o.now.getTime() - 5 * 60_000) errors.time = '开会时间不能早于现在'
    else {
      const days = calendarDaysBetween(notice, meetingAt)
      if (days < rule.minDays)
        errors.date = `要提前 ${rule.minDays} 天通知，现在只提前了 ${days} 天，最早${chinaDayLabel(
          earliestMeetingAt(rule, notice),
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
  if (f.paper && notice !== o.now)
    value.paperNotice = { postedAt: notice.toISOString(), photoIds: [...o.photoIds] }
  const parsed = meetingScheduleSchema.safeParse(value)
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const key = issue.path[0]
      if ((key === 'location' || key === 'agenda') && !errors[key]) errors[key] = issue.message
    }
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, value }
}

/** 会议改期 (or a lapsed meeting noticed afresh): the new day and time, a new notice from now. */
export type RescheduleRequestBody = Omit<MeetingRescheduleRequest, 'meetingAt'> & { meetingAt: string }

export function checkRescheduleForm(
  f: Pick<ScheduleForm, 'body' | 'date' | 'time' | 'location' | 'agendaPublished' | 'planSent'> & {
    reason: string
  },
  step: StepKey,
  o: { now: Date; preview: SchedulePreview | null },
):
  | { ok: true; value: RescheduleRequestBody }
  | { ok: false; errors: FormErrors<'date' | 'time' | 'location'> } {
  const errors: FormErrors<'date' | 'time' | 'location'> = {}
  const rule = ruleOf(f.body, o.preview)
  const meetingAt = parseChinaTime(f.date, f.time)
  if (!parseChinaTime(f.date)) errors.date = '请按 2026-12-05 这样填写开会日期'
  else if (!meetingAt) errors.time = '请按 19:30 这样填写开会时间'
  else if (meetingAt.getTime() < o.now.getTime() - 5 * 60_000) errors.time = '开会时间不能早于现在'
  else if (calendarDaysBetween(o.now, meetingAt) < rule.minDays)
    errors.date = `改期是重新通知，要从今天起提前 ${rule.minDays} 天，最早${dayLabel(earliestDay(f.body, o.preview, o.now))}开会`
  const value: RescheduleRequestBody = {
    step,
    meetingAt: meetingAt ? meetingAt.toISOString() : '',
    location: f.location,
    agendaPublished: f.agendaPublished,
    planSent: f.planSent,
    ...(f.reason.trim() ? { reason: f.reason.trim() } : {}),
  }
  const parsed = meetingRescheduleSchema.safeParse(value)
  if (!parsed.success)
    for (const issue of parsed.error.issues)
      if (issue.path[0] === 'location' && !errors.location) errors.location = issue.message
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, value }
}

/** What the confirmation dialog says before the notice goes out. */
export function confirmScheduleText(f: ScheduleForm, ruleText: string | null): string {
  const paper = f.paper ? '纸质通知要经监督委员会确认后才算数。' : ''
  return `${DELIBERATION_BODY_LABELS[f.body]}定于${dayLabel(f.date)} ${f.time}在${f.location}召开。${
    ruleText ?? ''
  }${paper}发出后，参会名单就定下来了，参会的人会收到通知。`
}

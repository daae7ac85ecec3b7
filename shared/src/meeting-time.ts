/**
 * When a meeting may do what, and which notice counts. A meeting is held at the time its notice
 * announced: whoever comes on time must find the vote still open, so nobody votes, and nobody
 * closes the vote, before that time. Check-in opens a little earlier (a village setting), and a
 * meeting not opened within a day after its time has lapsed: it is noticed afresh.
 *
 * The notice that counts for the notice days (村民会议 10 days, the plan sent to party members) is
 * the one actually given: the moment the system published it, or a paper notice on the village
 * board once a supervision-committee member confirmed its photo. Days are Beijing calendar days,
 * the way the law and the village count them.
 */
import type { ErrorCode } from './errors'
import { DAY_MS } from './grievance'
import type { NoticeRule } from './procedure'

const CHINA_OFFSET_MS = 8 * 3_600_000
const MINUTE_MS = 60_000

export type TimeRefusal = { ok: false; code: ErrorCode; reason: string; details?: Record<string, unknown> }
export type TimeVerdict = { ok: true } | TimeRefusal

// ---------- Beijing calendar days ----------

/** The calendar day in China (UTC+8, no daylight saving) as a day number. */
export const chinaCalendarDay = (at: Date): number => Math.floor((at.getTime() + CHINA_OFFSET_MS) / DAY_MS)

/** Whole calendar days from one day to another: notice on the 1st, meeting on the 11th is 10 days. */
export const calendarDaysBetween = (from: Date, to: Date): number =>
  chinaCalendarDay(to) - chinaCalendarDay(from)

/** YYYY-MM-DD in Beijing time. */
export const chinaDay = (at: Date): string =>
  new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10)

/** 3月5日 in Beijing time. */
export function chinaDayLabel(at: Date): string {
  const d = new Date(at.getTime() + CHINA_OFFSET_MS)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
}

/** 3月5日 19:30 in Beijing time. */
export function chinaTimeLabel(at: Date): string {
  const d = new Date(at.getTime() + CHINA_OFFSET_MS)
  const hh = String(d.getUTCHours()).padStart(2, '0')
  const mm = String(d.getUTCMinutes()).padStart(2, '0')
  return `${chinaDayLabel(at)} ${hh}:${mm}`
}

// ---------- the notice ----------

/**
 * How far a meeting may be set before its notice: the form takes minutes, and a clerk calling a
 * meeting of the two committees on the spot types the minute it is now, which has begun already.
 */
export const MEETING_AT_GRACE_MS = 5 * MINUTE_MS

/** The first moment a meeting may be held after a notice given at `noticeAt` (00:00 China time). */
export const earliestMeetingAt = (rule: NoticeRule, noticeAt: Date): Date =>
  new Date(
    Math.max((chinaCalendarDay(noticeAt) + rule.minDays) * DAY_MS - CHINA_OFFSET_MS, noticeAt.getTime()),
  )

/** What a refusal about notice days says in `details`, so a page can offer the earliest lawful day. */
export function earliestDetails(rule: NoticeRule, noticeAt: Date): Record<string, unknown> {
  const earliest = earliestMeetingAt(rule, noticeAt)
  return {
    minDays: rule.minDays,
    noticeAt: noticeAt.toISOString(),
    earliestMeetingAt: earliest.toISOString(),
    earliestDay: chinaDay(earliest),
  }
}

/** The days between the counted notice and the meeting, and the meeting not before the notice. */
export function checkNoticeDays(rule: NoticeRule, noticeAt: Date, meetingAt: Date): TimeVerdict {
  const earliest = chinaDayLabel(earliestMeetingAt(rule, noticeAt))
  if (meetingAt.getTime() < noticeAt.getTime() - MEETING_AT_GRACE_MS)
    return {
      ok: false,
      code: 'DELIBERATION_NOTICE_TOO_SHORT',
      reason: `开会时间早于通知时间；按${chinaTimeLabel(noticeAt)}发出的通知，最早${earliest}开会`,
      details: earliestDetails(rule, noticeAt),
    }
  const days = calendarDaysBetween(noticeAt, meetingAt)
  if (days < rule.minDays)
    return {
      ok: false,
      code: 'DELIBERATION_NOTICE_TOO_SHORT',
      reason: `要提前 ${rule.minDays} 天通知，现在只提前了 ${days} 天；按${chinaDayLabel(noticeAt)}发出的通知，最早${earliest}开会`,
      details: { ...earliestDetails(rule, noticeAt), days },
    }
  return { ok: true }
}

export function checkMeetingNotice(
  rule: NoticeRule,
  notice: { noticeAt: Date; meetingAt: Date; agendaPublished: boolean; planSent: boolean },
): { ok: true } | { ok: false; code: ErrorCode; reason?: string; details?: Record<string, unknown> } {
  const days = checkNoticeDays(rule, notice.noticeAt, notice.meetingAt)
  if (!days.ok) return days
  if (rule.agendaRequired && !notice.agendaPublished)
    return { ok: false, code: 'DELIBERATION_AGENDA_NOT_PUBLISHED' }
  if (rule.planRequired && !notice.planSent) return { ok: false, code: 'DELIBERATION_PLAN_NOT_SENT' }
  return { ok: true }
}

/**
 * A paper notice posted on the board before the system's notice. It cannot lie in the future, nor
 * before the step it announces a meeting of began (the meeting could not be called then). The
 * refusal says the earliest day a notice given now allows.
 */
export function checkPaperNotice(
  postedAt: Date,
  o: { stepSince: Date | null; now: Date; rule: NoticeRule },
): TimeVerdict {
  if (Number.isNaN(postedAt.getTime()))
    return { ok: false, code: 'VALIDATION_FAILED', reason: '请填写纸质通知张贴的日期和时间' }
  const fresh = `按现在发出通知，最早${chinaDayLabel(earliestMeetingAt(o.rule, o.now))}开会`
  if (postedAt.getTime() > o.now.getTime())
    return {
      ok: false,
      code: 'DELIBERATION_PAPER_NOTICE_INVALID',
      reason: `纸质通知的张贴时间（${chinaTimeLabel(postedAt)}）晚于现在；${fresh}`,
      details: earliestDetails(o.rule, o.now),
    }
  if (o.stepSince && postedAt.getTime() < o.stepSince.getTime())
    return {
      ok: false,
      code: 'DELIBERATION_PAPER_NOTICE_INVALID',
      reason: `纸质通知的张贴时间（${chinaTimeLabel(postedAt)}）早于这一步开始的时间（${chinaTimeLabel(o.stepSince)}），那时还不能通知这次会议；${fresh}`,
      details: earliestDetails(o.rule, o.now),
    }
  return { ok: true }
}

/**
 * The notice that counts: the system's publication, or the paper notice on the board when a
 * supervisor confirmed it and it went up earlier. An unconfirmed paper notice counts for nothing.
 */
export function countedNoticeAt(m: {
  noticeAt: Date
  paperNoticeAt: Date | null
  paperNoticeConfirmedAt: Date | null
}): Date {
  if (m.paperNoticeAt && m.paperNoticeConfirmedAt && m.paperNoticeAt.getTime() < m.noticeAt.getTime())
    return m.paperNoticeAt
  return m.noticeAt
}

// ---------- the meeting's own time ----------

/** Check-in opens this long before the meeting unless the village set otherwise. */
export const DEFAULT_CHECK_IN_LEAD_MINUTES = 30
export const MAX_CHECK_IN_LEAD_MINUTES = 180
/** A meeting not opened within this long after its announced time has lapsed. */
export const MEETING_LAPSE_MS = DAY_MS

export interface MeetingTimes {
  checkInOpensAt: Date
  /** the announced time: the meeting opens, ballots are cast and the vote closes from then on */
  votingOpensAt: Date
  lapsesAt: Date
}

export function meetingTimes(meetingAt: Date, checkInLeadMinutes: number): MeetingTimes {
  return {
    checkInOpensAt: new Date(meetingAt.getTime() - checkInLeadMinutes * MINUTE_MS),
    votingOpensAt: meetingAt,
    lapsesAt: new Date(meetingAt.getTime() + MEETING_LAPSE_MS),
  }
}

/** Where a meeting not yet opened stands against the clock. */
export type MeetingMoment = 'before_check_in' | 'check_in' | 'due' | 'lapsed'

export function meetingMoment(meetingAt: Date, checkInLeadMinutes: number, now: Date): MeetingMoment {
  const t = meetingTimes(meetingAt, checkInLeadMinutes)
  if (now.getTime() >= t.lapsesAt.getTime()) return 'lapsed'
  if (now.getTime() >= t.votingOpensAt.getTime()) return 'due'
  if (now.getTime() >= t.checkInOpensAt.getTime()) return 'check_in'
  return 'before_check_in'
}

export type MeetingRowStatus = 'scheduled' | 'in_session' | 'closed' | 'cancelled' | 'lapsed' | 'voided'

export interface TimedMeeting {
  status: MeetingRowStatus
  meetingAt: Date
  checkInLeadMinutes: number
}

const timeDetails = (m: TimedMeeting) => {
  const t = meetingTimes(m.meetingAt, m.checkInLeadMinutes)
  return {
    meetingAt: m.meetingAt.toISOString(),
    checkInOpensAt: t.checkInOpensAt.toISOString(),
    lapsesAt: t.lapsesAt.toISOString(),
  }
}

const lapsed = (m: TimedMeeting): TimeRefusal => ({
  ok: false,
  code: 'DELIBERATION_MEETING_LAPSED',
  reason: `会议定于${chinaTimeLabel(m.meetingAt)}召开，过了一天还没有开始，已经失效，请重新安排会议`,
  details: timeDetails(m),
})

/** 开始会议: from the announced time, and not once the meeting has lapsed. */
export function openTimeRule(m: Omit<TimedMeeting, 'status'>, now: Date): TimeVerdict {
  const moment = meetingMoment(m.meetingAt, m.checkInLeadMinutes, now)
  if (moment === 'lapsed') return lapsed({ ...m, status: 'scheduled' })
  if (moment !== 'due')
    return {
      ok: false,
      code: 'DELIBERATION_MEETING_TOO_EARLY',
      reason: `会议通知的开会时间是${chinaTimeLabel(m.meetingAt)}，到时才能开始会议`,
      details: timeDetails({ ...m, status: 'scheduled' }),
    }
  return { ok: true }
}

/** 签到: from a little before the announced time while the meeting waits to open, and while it sits. */
export function checkInTimeRule(m: TimedMeeting, now: Date): TimeVerdict {
  if (m.status === 'closed' || m.status === 'cancelled' || m.status === 'voided')
    return { ok: false, code: 'DELIBERATION_VOTING_CLOSED', reason: '表决已经结束，不能再签到' }
  if (m.status === 'lapsed') return lapsed(m)
  const moment = meetingMoment(m.meetingAt, m.checkInLeadMinutes, now)
  if (moment === 'before_check_in')
    return {
      ok: false,
      code: 'DELIBERATION_CHECK_IN_NOT_YET',
      reason: `会议${chinaTimeLabel(m.meetingAt)}开始，${chinaTimeLabel(meetingTimes(m.meetingAt, m.checkInLeadMinutes).checkInOpensAt)}起可以签到`,
      details: timeDetails(m),
    }
  if (m.status === 'scheduled' && moment === 'lapsed') return lapsed(m)
  return { ok: true }
}

/** 投票 and 结束表决: only in session, and never before the announced time, whatever the row says. */
export function votingTimeRule(m: TimedMeeting, now: Date): TimeVerdict {
  if (m.status === 'closed' || m.status === 'cancelled' || m.status === 'voided')
    return { ok: false, code: 'DELIBERATION_VOTING_CLOSED', reason: '表决已经结束' }
  if (m.status === 'lapsed') return lapsed(m)
  if (now.getTime() < m.meetingAt.getTime())
    return {
      ok: false,
      code: 'DELIBERATION_VOTING_NOT_YET',
      reason: `会议通知的开会时间是${chinaTimeLabel(m.meetingAt)}，到时才能表决`,
      details: timeDetails(m),
    }
  if (m.status !== 'in_session')
    return { ok: false, code: 'DELIBERATION_MEETING_NOT_OPEN', reason: '会议还没有开始，开始后才能表决' }
  return { ok: true }
}

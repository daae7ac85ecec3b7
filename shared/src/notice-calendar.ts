/**
 * The publication calendar of Art 30: 村务 at least quarterly, 财务 monthly or quarterly (as the
 * village sets), major matters at once; what is met, running, due or overdue for a village.
 */
import {
  addIsoDays,
  beijingDate,
  beijingDayEnd,
  beijingDayStart,
  daysInMonth,
  type IsoDate,
} from './beijing-date'
import type { NoticeCategory, PublicityPeriod } from './notice'

const DAY_MS = 86_400_000

export const FINANCE_CADENCES = ['monthly', 'quarterly'] as const
export type FinanceCadence = (typeof FINANCE_CADENCES)[number]
export const FINANCE_CADENCE_LABELS: Record<FinanceCadence, string> = {
  monthly: '每月公开',
  quarterly: '每季度公开',
}

export interface CalendarSettings {
  financeCadence: FinanceCadence
  /** days after a period ends by which its publication is due (e.g. 次月 10 日前) */
  graceDays: number
  /** major matters are published "at once": a major draft left unpublished this many days is overdue */
  majorDays: number
}

export const DEFAULT_CALENDAR_SETTINGS: CalendarSettings = {
  financeCadence: 'monthly',
  graceDays: 10,
  majorDays: 3,
}

/** '2026-11' or '2026-Q4' */
export type CalendarPeriod = string
export const MONTH_PERIOD_RE = /^(\d{4})-(0[1-9]|1[0-2])$/
export const QUARTER_PERIOD_RE = /^(\d{4})-Q([1-4])$/

/** The first and last Beijing calendar day of a month or quarter period; null when malformed. */
export function periodBounds(p: CalendarPeriod): PublicityPeriod | null {
  let m = MONTH_PERIOD_RE.exec(p)
  if (m) {
    const y = Number(m[1])
    const mo = Number(m[2])
    return {
      start: `${m[1]}-${m[2]}-01`,
      end: `${m[1]}-${m[2]}-${String(daysInMonth(y, mo)).padStart(2, '0')}`,
    }
  }
  m = QUARTER_PERIOD_RE.exec(p)
  if (m) {
    const y = Number(m[1])
    const q = Number(m[2])
    const first = (q - 1) * 3 + 1
    const last = first + 2
    const mm = (n: number) => String(n).padStart(2, '0')
    return { start: `${y}-${mm(first)}-01`, end: `${y}-${mm(last)}-${mm(daysInMonth(y, last))}` }
  }
  return null
}

export const monthOf = (day: IsoDate): CalendarPeriod => day.slice(0, 7)
export function quarterOf(day: IsoDate): CalendarPeriod {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`
}

/** The months of a quarter period, e.g. 2026-Q1 → 2026-01, 2026-02, 2026-03. */
export function monthsOfQuarter(q: CalendarPeriod): CalendarPeriod[] {
  const m = QUARTER_PERIOD_RE.exec(q)
  if (!m) return []
  const first = (Number(m[2]) - 1) * 3 + 1
  return [0, 1, 2].map((i) => `${m[1]}-${String(first + i).padStart(2, '0')}`)
}

/** Consecutive periods from the one containing `from` to the one containing `to`, inclusive. */
export function periodsBetween(kind: 'month' | 'quarter', from: IsoDate, to: IsoDate): CalendarPeriod[] {
  const out: CalendarPeriod[] = []
  let y = Number(from.slice(0, 4))
  let mo = Number(from.slice(5, 7))
  const ty = Number(to.slice(0, 4))
  const tm = Number(to.slice(5, 7))
  if (kind === 'quarter') mo = Math.floor((mo - 1) / 3) * 3 + 1
  const step = kind === 'month' ? 1 : 3
  while (y < ty || (y === ty && mo <= tm)) {
    out.push(kind === 'month' ? `${y}-${String(mo).padStart(2, '0')}` : `${y}-Q${(mo - 1) / 3 + 1}`)
    mo += step
    if (mo > 12) {
      mo -= 12
      y += 1
    }
  }
  return out
}

export const CALENDAR_OBLIGATIONS = ['village', 'finance', 'major'] as const
export type CalendarObligation = (typeof CALENDAR_OBLIGATIONS)[number]
export const CALENDAR_OBLIGATION_LABELS: Record<CalendarObligation, string> = {
  village: '村务公开（至少每季度一次）',
  finance: '财务公开',
  major: '重大事项（随时公开）',
}

/** met: published in time or late (see `late`); running: the period is not over yet; due: in its grace days; overdue: past due and not published. */
export const CALENDAR_STATUSES = ['met', 'running', 'due', 'overdue'] as const
export type CalendarStatus = (typeof CALENDAR_STATUSES)[number]
export const CALENDAR_STATUS_LABELS: Record<CalendarStatus, string> = {
  met: '已公开',
  running: '本期进行中',
  due: '待公开',
  overdue: '已逾期未公开',
}

/** What the calendar needs to know about a published notice. */
export interface CalendarPublication {
  noticeId: number
  category: NoticeCategory
  publishedAt: Date
  /** finance notices: the month or quarter they report */
  coversPeriod: CalendarPeriod | null
}

/** A major matter waiting to be published (a draft or a notice in review flagged major). */
export interface CalendarPendingMajor {
  noticeId: number
  title: string
  createdAt: Date
}

export interface CalendarItem {
  obligation: CalendarObligation
  /** '2026-Q3', '2026-10'; null for a major matter */
  period: CalendarPeriod | null
  label: string
  /** the last moment it may be published in time (exclusive: due while now < dueAt) */
  dueAt: string
  status: CalendarStatus
  /** met after dueAt */
  late: boolean
  noticeId: number | null
}

function publishedWithin(pubs: readonly CalendarPublication[], start: Date, endExclusive: Date) {
  return pubs
    .filter(
      (p) => p.publishedAt.getTime() >= start.getTime() && p.publishedAt.getTime() < endExclusive.getTime(),
    )
    .sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime())
}

function periodicStatus(
  bounds: PublicityPeriod,
  dueAt: Date,
  metAt: Date | null,
  now: Date,
): { status: CalendarStatus; late: boolean } {
  if (metAt) return { status: 'met', late: metAt.getTime() >= dueAt.getTime() }
  if (now.getTime() < beijingDayEnd(bounds.end).getTime()) return { status: 'running', late: false }
  if (now.getTime() < dueAt.getTime()) return { status: 'due', late: false }
  return { status: 'overdue', late: false }
}

function periodLabel(p: CalendarPeriod): string {
  const q = QUARTER_PERIOD_RE.exec(p)
  if (q) return `${q[1]}年第${['一', '二', '三', '四'][Number(q[2]) - 1]}季度`
  const m = MONTH_PERIOD_RE.exec(p)
  return m ? `${m[1]}年${Number(m[2])}月` : p
}

/**
 * The Art 30 obligations of one village from `from` (a Beijing day) until `now`:
 * - 村务: each quarter needs a 村务 notice published between the quarter's first day and its due date
 *   (the quarter's end + graceDays);
 * - 财务: each month (or quarter) needs a finance notice that reports it (coversPeriod), published by the
 *   period's end + graceDays; with quarterly cadence, notices for all three months also satisfy it;
 * - major matters: each pending major draft is due `majorDays` after it was created.
 */
export function computeCalendar(input: {
  settings: CalendarSettings
  from: IsoDate
  now: Date
  publications: readonly CalendarPublication[]
  pendingMajors: readonly CalendarPendingMajor[]
}): CalendarItem[] {
  const { settings, now, publications } = input
  const today = beijingDate(now)
  const items: CalendarItem[] = []

  // each 村务 notice counts once, for the earliest quarter whose window [quarter start, due) it falls in
  const village = publications
    .filter((p) => p.category === 'village')
    .sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime())
  const used = new Set<number>()
  for (const q of periodsBetween('quarter', input.from, today)) {
    const bounds = periodBounds(q)!
    const dueAt = beijingDayEnd(addIsoDays(bounds.end, settings.graceDays))
    const hit =
      publishedWithin(village, beijingDayStart(bounds.start), dueAt).find((p) => !used.has(p.noticeId)) ??
      null
    if (hit) used.add(hit.noticeId)
    items.push({
      obligation: 'village',
      period: q,
      label: `${periodLabel(q)}村务公开`,
      dueAt: dueAt.toISOString(),
      ...periodicStatus(bounds, dueAt, hit?.publishedAt ?? null, now),
      noticeId: hit?.noticeId ?? null,
    })
  }

  const finance = publications.filter((p) => p.category === 'finance' && p.coversPeriod !== null)
  const firstFor = (period: CalendarPeriod) =>
    finance
      .filter((p) => p.coversPeriod === period)
      .sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime())[0] ?? null
  const kind = settings.financeCadence === 'monthly' ? 'month' : 'quarter'
  for (const period of periodsBetween(kind, input.from, today)) {
    const bounds = periodBounds(period)!
    const dueAt = beijingDayEnd(addIsoDays(bounds.end, settings.graceDays))
    let hit = firstFor(period)
    let metAt = hit?.publishedAt ?? null
    if (!hit && kind === 'quarter') {
      const months = monthsOfQuarter(period).map(firstFor)
      if (months.every((x) => x !== null)) {
        const last = months.reduce((a, b) => (a!.publishedAt.getTime() >= b!.publishedAt.getTime() ? a : b))!
        hit = last
        metAt = last.publishedAt
      }
    }
    items.push({
      obligation: 'finance',
      period,
      label: `${periodLabel(period)}财务公开`,
      dueAt: dueAt.toISOString(),
      ...periodicStatus(bounds, dueAt, metAt, now),
      noticeId: hit?.noticeId ?? null,
    })
  }

  for (const m of input.pendingMajors) {
    const dueAt = new Date(m.createdAt.getTime() + settings.majorDays * DAY_MS)
    items.push({
      obligation: 'major',
      period: null,
      label: m.title,
      dueAt: dueAt.toISOString(),
      status: now.getTime() < dueAt.getTime() ? 'due' : 'overdue',
      late: false,
      noticeId: m.noticeId,
    })
  }
  return items
}

export function summariseCalendar(items: readonly CalendarItem[]): {
  met: number
  due: number
  overdue: number
} {
  return {
    met: items.filter((i) => i.status === 'met').length,
    due: items.filter((i) => i.status === 'due').length,
    overdue: items.filter((i) => i.status === 'overdue').length,
  }
}

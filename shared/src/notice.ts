/**
 * 村务公开 / 公示: public notices, their publicity period (公示期), objections (异议) and the
 * publication calendar of Art 30 (村务 at least quarterly, 财务 monthly or quarterly, major matters at once).
 *
 * A published version is never edited in place: a correction is a new version with a stated reason, and
 * every version's content hash goes into the audit chain. The canonical serialisation that is hashed lives
 * here so that anyone (the server, an auditor's script) computes the same bytes.
 */
import type { ErrorCode } from './errors'
import { COMMITTEE_ROLES, OVERSIGHT_ROLES, type Role } from './roles'

// ---------- who works on notices ----------

/** The 两委 draft, publish, correct and pin notices and keep the publication calendar. */
export const NOTICE_WRITERS: readonly Role[] = COMMITTEE_ROLES
/** The supervision committee reviews a draft (when the village asks it to) and gives its opinion once published. */
export const NOTICE_REVIEWERS: readonly Role[] = ['supervisor']
/** Those who see every notice in every state, every objection, the acknowledgements and the calendar. */
export const NOTICE_OVERSEERS: readonly Role[] = OVERSIGHT_ROLES
/**
 * Only the 两委 answer an objection: the committee guarantees what it published and answers for it
 * (Art 30); a supervisor or a resident is told so (NOTICE_REPLY_NOT_ALLOWED).
 */
export const OBJECTION_ANSWERERS: readonly Role[] = COMMITTEE_ROLES

// ---------- categories ----------

/** 党务, 村务, 财务 (三务公开), 决议公开 and 实施结果公开 (四议两公开 steps 5–6), 其他 */
export const NOTICE_CATEGORIES = [
  'party',
  'village',
  'finance',
  'resolution',
  'implementation',
  'other',
] as const
export type NoticeCategory = (typeof NOTICE_CATEGORIES)[number]

export const NOTICE_CATEGORY_LABELS: Record<NoticeCategory, string> = {
  party: '党务公开',
  village: '村务公开',
  finance: '财务公开',
  resolution: '决议公开',
  implementation: '实施结果公开',
  other: '其他',
}

/** The publicity period (公示期) a new notice gets when the committee does not set one, in calendar days. */
export const NOTICE_CATEGORY_DEFAULT_DAYS: Record<NoticeCategory, number> = {
  party: 7,
  village: 7,
  finance: 7,
  resolution: 7,
  implementation: 7,
  other: 5,
}

export const MAX_PUBLICITY_DAYS = 90
export const MAX_NOTICE_ATTACHMENTS = 9

// ---------- finance lines (amounts in integer fen, 分) ----------

export const FINANCE_LINE_KINDS = ['income', 'expense'] as const
export type FinanceLineKind = (typeof FINANCE_LINE_KINDS)[number]
export const FINANCE_LINE_KIND_LABELS: Record<FinanceLineKind, string> = { income: '收入', expense: '支出' }

export interface FinanceLine {
  kind: FinanceLineKind
  /** 项目, e.g. 村道修缮 */
  item: string
  /** in fen (分); 1 yuan = 100 fen. Never a float. */
  amountFen: number
  note?: string
}

/** The totals a finance notice states; the server recomputes them from the lines and refuses a mismatch. */
export interface FinanceTotals {
  totalIncomeFen: number
  totalExpenseFen: number
  /** 期初余额 and 期末余额; when both are given, opening + income − expense must equal closing */
  openingBalanceFen?: number | null
  closingBalanceFen?: number | null
}

export function sumFinanceLines(lines: readonly FinanceLine[]): { income: number; expense: number } {
  let income = 0
  let expense = 0
  for (const l of lines) {
    if (l.kind === 'income') income += l.amountFen
    else expense += l.amountFen
  }
  return { income, expense }
}

/** Checks the stated totals against the lines. Integer arithmetic only. */
export function checkFinanceTotals(
  lines: readonly FinanceLine[],
  totals: FinanceTotals,
): { ok: true } | { ok: false; code: ErrorCode; reason: string } {
  const { income, expense } = sumFinanceLines(lines)
  if (!Number.isSafeInteger(income) || !Number.isSafeInteger(expense))
    return { ok: false, code: 'NOTICE_FINANCE_TOTALS_MISMATCH', reason: '金额太大了' }
  if (income !== totals.totalIncomeFen)
    return {
      ok: false,
      code: 'NOTICE_FINANCE_TOTALS_MISMATCH',
      reason: `收入合计应为 ${formatFen(income)} 元，填的是 ${formatFen(totals.totalIncomeFen)} 元`,
    }
  if (expense !== totals.totalExpenseFen)
    return {
      ok: false,
      code: 'NOTICE_FINANCE_TOTALS_MISMATCH',
      reason: `支出合计应为 ${formatFen(expense)} 元，填的是 ${formatFen(totals.totalExpenseFen)} 元`,
    }
  const { openingBalanceFen: open, closingBalanceFen: close } = totals
  if (open !== undefined && open !== null && close !== undefined && close !== null) {
    if (open + income - expense !== close)
      return {
        ok: false,
        code: 'NOTICE_FINANCE_TOTALS_MISMATCH',
        reason: `期末余额应为 ${formatFen(open + income - expense)} 元，填的是 ${formatFen(close)} 元`,
      }
  }
  return { ok: true }
}

/** 123456 → "1,234.56"; −5 → "-0.05". For display only. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(Math.trunc(fen))
  const yuan = Math.floor(abs / 100)
  const cents = String(abs % 100).padStart(2, '0')
  return `${sign}${yuan.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`
}

/** "12.5" / "12.50" / "12" → 1250 fen; null when it is not an amount with at most two decimals. */
export function parseYuanToFen(text: string): number | null {
  const m = /^\s*(-?)(\d{1,13})(?:\.(\d{1,2}))?\s*$/.exec(text)
  if (!m) return null
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'))
  return m[1] === '-' ? -fen : fen
}

// ---------- the notice lifecycle ----------

/**
 * draft → (in_review → approved | returned, when the village asks the supervision committee to review)
 * → published (objections open) → ended (period over: archived, still public).
 */
export const NOTICE_STATES = ['draft', 'in_review', 'returned', 'approved', 'published', 'ended'] as const
export type NoticeState = (typeof NOTICE_STATES)[number]

export const NOTICE_STATE_LABELS: Record<NoticeState, string> = {
  draft: '草稿',
  in_review: '待监督委员会审核',
  returned: '监督委员会退回修改',
  approved: '审核通过待发布',
  published: '公示中',
  ended: '公示期满（已归档）',
}

export const NOTICE_EVENTS = ['edit', 'submit', 'approve', 'return', 'publish', 'correct', 'end'] as const
export type NoticeEvent = (typeof NOTICE_EVENTS)[number]

export interface NoticeContext {
  /** village setting: publicity.supervisionReview */
  reviewRequired: boolean
}

export function transitionNotice(
  state: NoticeState,
  event: NoticeEvent,
  ctx: NoticeContext,
): { ok: true; next: NoticeState } | { ok: false; code: ErrorCode } {
  const refuse = (code: ErrorCode) => ({ ok: false as const, code })
  const go = (next: NoticeState) => ({ ok: true as const, next })
  switch (event) {
    case 'edit':
      if (state === 'draft' || state === 'returned') return go(state)
      if (state === 'published' || state === 'ended') return refuse('NOTICE_PUBLISHED_IMMUTABLE')
      return refuse('NOTICE_IN_REVIEW')
    case 'submit':
      if (!ctx.reviewRequired) return refuse('NOTICE_REVIEW_NOT_REQUIRED')
      if (state === 'draft' || state === 'returned') return go('in_review')
      return refuse(
        state === 'in_review' || state === 'approved' ? 'NOTICE_IN_REVIEW' : 'NOTICE_ALREADY_PUBLISHED',
      )
    case 'approve':
    case 'return':
      if (state === 'in_review') return go(event === 'approve' ? 'approved' : 'returned')
      return refuse('NOTICE_NOT_IN_REVIEW')
    case 'publish':
      if (state === 'published' || state === 'ended') return refuse('NOTICE_ALREADY_PUBLISHED')
      if (state === 'approved') return go('published')
      if (state === 'in_review') return refuse('NOTICE_IN_REVIEW')
      return ctx.reviewRequired ? refuse('NOTICE_REVIEW_REQUIRED') : go('published')
    case 'correct':
      // a correction is a new version; the notice stays where it is (an archived notice stays archived)
      if (state === 'published' || state === 'ended') return go(state)
      return refuse('NOTICE_NOT_PUBLISHED')
    case 'end':
      if (state === 'published') return go('ended')
      return refuse(state === 'ended' ? 'NOTICE_PERIOD_ENDED' : 'NOTICE_NOT_PUBLISHED')
  }
}

export const noticeEventsFrom = (state: NoticeState, ctx: NoticeContext): NoticeEvent[] =>
  NOTICE_EVENTS.filter((e) => transitionNotice(state, e, ctx).ok)

// ---------- Beijing calendar days ----------

/** China has no daylight saving: Beijing time is UTC+8 all year. */
const BEIJING_OFFSET_MS = 8 * 3_600_000
const DAY_MS = 86_400_000

/** A calendar day as 'YYYY-MM-DD'. */
export type IsoDate = string
export const ISO_DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/

export function isValidIsoDate(s: string): boolean {
  if (!ISO_DATE_RE.test(s)) return false
  const [y, m, d] = s.split('-').map(Number) as [number, number, number]
  return d <= daysInMonth(y, m)
}

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!
}

/** The Beijing calendar day an instant falls on. */
export function beijingDate(at: Date): IsoDate {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10)
}

/** 00:00 Beijing time of a day, as an instant. */
export function beijingDayStart(day: IsoDate): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - BEIJING_OFFSET_MS)
}

/** The first instant after a day (24:00 Beijing time): a period "until day D" is open while now < this. */
export function beijingDayEnd(day: IsoDate): Date {
  return new Date(beijingDayStart(day).getTime() + DAY_MS)
}

export function addIsoDays(day: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** Days from a to b (b − a), both calendar days. */
export function isoDaysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00.000Z`) - Date.parse(`${a}T00:00:00.000Z`)) / DAY_MS)
}

// ---------- the publicity period ----------

export interface PublicityPeriod {
  /** first day, inclusive */
  start: IsoDate
  /** last day, inclusive */
  end: IsoDate
}

/** The default period: starting on `start`, lasting `days` calendar days including the first. */
export function defaultPeriod(start: IsoDate, days: number): PublicityPeriod {
  return { start, end: addIsoDays(start, Math.max(1, days) - 1) }
}

export function checkPeriod(p: PublicityPeriod): { ok: true } | { ok: false; code: ErrorCode } {
  if (!isValidIsoDate(p.start) || !isValidIsoDate(p.end)) return { ok: false, code: 'NOTICE_PERIOD_INVALID' }
  const days = isoDaysBetween(p.start, p.end) + 1
  if (days < 1) return { ok: false, code: 'NOTICE_PERIOD_INVALID' }
  if (days > MAX_PUBLICITY_DAYS) return { ok: false, code: 'NOTICE_PERIOD_TOO_LONG' }
  return { ok: true }
}

export type PeriodPhase = 'before' | 'open' | 'ended'

/** Where `now` stands against a period of Beijing calendar days. */
export function periodPhase(p: PublicityPeriod, now: Date): PeriodPhase {
  if (now.getTime() < beijingDayStart(p.start).getTime()) return 'before'
  if (now.getTime() < beijingDayEnd(p.end).getTime()) return 'open'
  return 'ended'
}

/** The state a reader sees: a published notice whose period is over reads as ended even before the job runs. */
export function effectiveNoticeState(state: NoticeState, periodEnd: IsoDate | null, now: Date): NoticeState {
  if (state === 'published' && periodEnd !== null && now.getTime() >= beijingDayEnd(periodEnd).getTime())
    return 'ended'
  return state
}

/** Objections are taken while the notice is published and its period is open. */
export function canObject(
  n: { state: NoticeState; period: PublicityPeriod | null },
  now: Date,
): { ok: true } | { ok: false; code: ErrorCode } {
  if (n.state !== 'published' && n.state !== 'ended') return { ok: false, code: 'NOTICE_NOT_PUBLISHED' }
  if (!n.period) return { ok: false, code: 'NOTICE_NOT_PUBLISHED' }
  const phase = periodPhase(n.period, now)
  if (phase === 'before') return { ok: false, code: 'NOTICE_PERIOD_NOT_STARTED' }
  if (phase === 'ended' || n.state === 'ended') return { ok: false, code: 'NOTICE_PERIOD_ENDED' }
  return { ok: true }
}

// ---------- objections (异议) ----------

export const OBJECTION_STATES = [
  'submitted',
  'answered',
  'accepted',
  'escalated',
  'township_answered',
] as const
export type ObjectionState = (typeof OBJECTION_STATES)[number]

export const OBJECTION_STATE_LABELS: Record<ObjectionState, string> = {
  submitted: '待答复',
  answered: '已答复',
  accepted: '已认可答复',
  escalated: '已反映到乡镇',
  township_answered: '乡镇已答复',
}

export const OBJECTION_EVENTS = ['answer', 'accept', 'escalate', 'township_answer'] as const
export type ObjectionEvent = (typeof OBJECTION_EVENTS)[number]

export interface ObjectionContext {
  /** the committee's answer is late (no answer within the village's objectionReplyDays) */
  overdue: boolean
}

/**
 * The committee answers; the objector accepts the answer or takes it to the township. An objection left
 * unanswered past its limit may be taken to the township too (Art 31).
 */
export function transitionObjection(
  state: ObjectionState,
  event: ObjectionEvent,
  ctx: ObjectionContext,
): { ok: true; next: ObjectionState } | { ok: false; code: ErrorCode } {
  const refuse = (code: ErrorCode) => ({ ok: false as const, code })
  switch (event) {
    case 'answer':
      return state === 'submitted' ? { ok: true, next: 'answered' } : refuse('OBJECTION_ALREADY_ANSWERED')
    case 'accept':
      if (state === 'answered') return { ok: true, next: 'accepted' }
      return refuse(state === 'submitted' ? 'OBJECTION_NOT_ANSWERED' : 'OBJECTION_CLOSED')
    case 'escalate':
      if (state === 'answered') return { ok: true, next: 'escalated' }
      if (state === 'submitted')
        return ctx.overdue ? { ok: true, next: 'escalated' } : refuse('OBJECTION_NOT_ANSWERED')
      return refuse('OBJECTION_CLOSED')
    case 'township_answer':
      return state === 'escalated'
        ? { ok: true, next: 'township_answered' }
        : refuse('OBJECTION_NOT_ESCALATED')
  }
}

export const DEFAULT_OBJECTION_REPLY_DAYS = 15

export const objectionDueAt = (submittedAt: Date, replyDays: number): Date =>
  new Date(submittedAt.getTime() + replyDays * DAY_MS)

/** Unanswered after the limit (the township sees these). */
export function isObjectionOverdue(
  o: { state: ObjectionState; submittedAt: Date | string },
  replyDays: number,
  now: Date,
): boolean {
  return (
    o.state === 'submitted' && now.getTime() > objectionDueAt(new Date(o.submittedAt), replyDays).getTime()
  )
}

// ---------- the content a version hashes ----------

export interface NoticeContent {
  title: string
  body: string
  /** finance notices only; [] otherwise */
  lines: FinanceLine[]
  totals: FinanceTotals | null
  /** the stored files, in the order shown, each with the sha256 of its bytes */
  attachments: { fileId: number; sha256: string }[]
}

/**
 * The canonical bytes of a version: JSON with keys in a fixed order, no whitespace, amounts as integers.
 * The same content always gives the same string, whatever order a client sent the keys in.
 */
export function canonicalNoticeContent(c: NoticeContent): string {
  const totals = c.totals
    ? {
        totalIncomeFen: c.totals.totalIncomeFen,
        totalExpenseFen: c.totals.totalExpenseFen,
        openingBalanceFen: c.totals.openingBalanceFen ?? null,
        closingBalanceFen: c.totals.closingBalanceFen ?? null,
      }
    : null
  return JSON.stringify({
    v: 1,
    title: c.title,
    body: c.body,
    lines: c.lines.map((l) => ({ kind: l.kind, item: l.item, amountFen: l.amountFen, note: l.note ?? '' })),
    totals,
    attachments: c.attachments.map((a) => ({ fileId: a.fileId, sha256: a.sha256 })),
  })
}

// ---------- the publication calendar (Art 30) ----------

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

/** The miniapp pages a notification about a notice opens. */
export const NOTICE_PAGES = {
  resident: '/subpackages/notice/pages/detail/index',
  committee: '/subpackages/committee/pages/notice/index',
  township: '/subpackages/township/pages/notice/index',
} as const
export const noticePage = (audience: keyof typeof NOTICE_PAGES, id: number): string =>
  `${NOTICE_PAGES[audience]}?id=${id}`

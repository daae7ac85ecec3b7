/**
 * 村务公开 / 公示: public notices, their publicity period (公示期), objections (异议) and the
 * publication calendar of Art 30 (村务 at least quarterly, 财务 monthly or quarterly, major matters at once).
 *
 * A published version is never edited in place: a correction is a new version with a stated reason, and
 * every version's content hash goes into the audit chain. The canonical serialisation that is hashed lives
 * here so that anyone (the server, an auditor's script) computes the same bytes.
 */
import {
  addIsoDays,
  beijingDayEnd,
  beijingDayStart,
  isoDaysBetween,
  isValidIsoDate,
  type IsoDate,
} from './beijing-date'
import type { ErrorCode } from './errors'
import type { FinanceLine, FinanceTotals } from './notice-finance'
import { COMMITTEE_ROLES, OVERSIGHT_ROLES, type Role } from './roles'

const DAY_MS = 86_400_000

// the parts of 村务公开 kept in their own files, read through this one too
export * from './beijing-date'
export * from './notice-finance'
export * from './notice-calendar'

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

/** The miniapp pages a notification about a notice opens. */
export const NOTICE_PAGES = {
  resident: '/subpackages/notice/pages/detail/index',
  committee: '/subpackages/committee/pages/notice/index',
  township: '/subpackages/township/pages/notice/index',
} as const
export const noticePage = (audience: keyof typeof NOTICE_PAGES, id: number): string =>
  `${NOTICE_PAGES[audience]}?id=${id}`

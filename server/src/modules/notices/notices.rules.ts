import {
  DEFAULT_OBJECTION_REPLY_DAYS,
  NOTICE_CATEGORY_DEFAULT_DAYS,
  beijingDate,
  checkFinanceTotals,
  checkPeriod,
  defaultPeriod,
  transitionNotice,
  transitionObjection,
  type FinanceLine,
  type FinanceTotals,
  type NoticeCategory,
  type NoticeEvent,
  type NoticePublishRequest,
  type NoticeState,
  type ObjectionEvent,
  type ObjectionState,
  type PublicityPeriod,
  type VillageSettings,
} from '@xiangli/shared'
import { AppException } from '../../core/errors/app.exception'
import type { NoticeObjection } from './entities/notice-objection.entity'
import type { PublicNotice } from './entities/public-notice.entity'

/** The attachedType of files on a notice and on an objection. */
export const FILES_OF_NOTICE = 'notice'
export const FILES_OF_OBJECTION = 'notice_objection'
export const PUBLISHED_STATES: readonly NoticeState[] = ['published', 'ended']
export const DRAFT_STATES: readonly NoticeState[] = ['draft', 'in_review', 'returned', 'approved']
export const isPublished = (n: Pick<PublicNotice, 'state'>): boolean => PUBLISHED_STATES.includes(n.state)

/** Published and past the content check: what anyone, residents and strangers, may read. */
export const isPublic = (n: Pick<PublicNotice, 'state' | 'moderation'>): boolean =>
  isPublished(n) && n.moderation === 'shown'

/** how many notices one run of the period-end job archives; the next run takes the rest */
export const PERIOD_END_BATCH = 500

/** The village settings a notice depends on. */
export type VillagePublicity = { settings: VillageSettings | null }

/** What the audit digests see of a notice. */
export const snapshot = (n: PublicNotice) => ({
  id: n.id,
  villageId: n.villageId,
  category: n.category,
  state: n.state,
  version: n.version,
  periodStart: n.periodStart,
  periodEnd: n.periodEnd,
  pinned: n.pinned,
  audienceGroupId: n.audienceGroupId,
})

export const excerpt = (s: string, n: number): string =>
  Array.from(s).length > n ? Array.from(s).slice(0, n).join('') + '…' : s

/** A name as the 30 characters a name column holds. */
export const name30 = (s: string): string => Array.from(s).slice(0, 30).join('')

/** The content of a draft, a correction or a deliberation's notice: what a version hashes, files by id. */
export interface Content {
  title: string
  body: string
  lines: FinanceLine[]
  totals: FinanceTotals | null
  attachmentIds: number[]
}

export const contentOf = (body: Content): Content => ({
  title: body.title,
  body: body.body,
  lines: body.lines,
  totals: body.totals,
  attachmentIds: body.attachmentIds,
})

/** The content as the notice row stores it: no lines is null. */
export const columns = (c: Content) => ({
  title: c.title,
  body: c.body,
  lines: c.lines.length ? c.lines : null,
  totals: c.totals,
  attachmentIds: c.attachmentIds,
})

/** A finance notice has lines that add up and the month or quarter it reports; other categories have no lines. */
export function checkContent(category: NoticeCategory, c: Content, coversPeriod: string | null): void {
  if (category === 'finance') {
    if (c.lines.length === 0 || !c.totals) throw new AppException('NOTICE_FINANCE_LINES_REQUIRED')
    const totals = checkFinanceTotals(c.lines, c.totals)
    if (!totals.ok) throw new AppException(totals.code, undefined, totals.reason)
    if (!coversPeriod) throw new AppException('NOTICE_COVERS_PERIOD_REQUIRED')
  } else if (c.lines.length > 0 || c.totals) throw new AppException('NOTICE_LINES_NOT_FINANCE')
}

/** A period a draft names must be a real one. */
export function checkDraftPeriod(start: string | null, end: string | null): void {
  if (!start || !end) return
  const p = checkPeriod({ start, end })
  if (!p.ok) throw new AppException(p.code)
}

/** Whether the village asks its supervision committee to review a notice before publication. */
export const reviewRequired = (village: VillagePublicity): boolean =>
  village.settings?.publicity.supervisionReview ?? false

/** The next state of a notice for an event, or the refusal as an exception. */
export function need(
  n: Pick<PublicNotice, 'state'>,
  event: NoticeEvent,
  village: VillagePublicity,
): NoticeState {
  const t = transitionNotice(n.state, event, { reviewRequired: reviewRequired(village) })
  if (!t.ok) throw new AppException(t.code)
  return t.next
}

/**
 * The period a publication gets: what was asked, else from today for the category's days (at least the
 * village's). A period already over is refused: nobody could object during it.
 */
export function periodFor(
  n: Pick<PublicNotice, 'category' | 'periodStart' | 'periodEnd'>,
  village: VillagePublicity,
  body: NoticePublishRequest,
  now: Date,
): PublicityPeriod {
  const today = beijingDate(now)
  const start = body.periodStart ?? n.periodStart ?? today
  const days = Math.max(
    NOTICE_CATEGORY_DEFAULT_DAYS[n.category],
    village.settings?.publicity.defaultDays ?? 0,
  )
  const end = body.periodEnd ?? (body.periodStart ? null : n.periodEnd) ?? defaultPeriod(start, days).end
  const p = checkPeriod({ start, end })
  if (!p.ok) throw new AppException(p.code)
  if (end < today)
    throw new AppException('NOTICE_PERIOD_INVALID', undefined, '公示期已经过去了，请重新选择日期')
  return { start, end }
}

/** The days the committee has to answer an objection, as the village set them when it was submitted. */
export const replyDays = (village: VillagePublicity): number =>
  village.settings?.publicity.objectionReplyDays ?? DEFAULT_OBJECTION_REPLY_DAYS

/**
 * Unanswered past its limit. The limit is the one fixed when it was submitted: a later change of the
 * village's setting does not move it.
 */
export const isOverdue = (o: Pick<NoticeObjection, 'state' | 'dueAt'>, now: Date): boolean =>
  o.state === 'submitted' && o.dueAt.getTime() < now.getTime()

/** The next state of an objection for an event, or the refusal as an exception. */
export function needObjection(
  o: Pick<NoticeObjection, 'state' | 'dueAt'>,
  event: ObjectionEvent,
  now: Date,
): ObjectionState {
  const t = transitionObjection(o.state, event, { overdue: isOverdue(o, now) })
  if (!t.ok) throw new AppException(t.code)
  return t.next
}

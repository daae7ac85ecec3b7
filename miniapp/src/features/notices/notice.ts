/**
 * 村务公开 as the pages show it: category chips, how a state looks, who may do what next with an
 * objection, and the publication calendar (Art 30) as rows. The rules themselves are in
 * `@xiangli/shared` (notice.ts); the server decides for real.
 */
import {
  NOTICE_REVIEWERS,
  NOTICE_WRITERS,
  OBJECTION_ANSWERERS,
  isSelfGoverningUnit,
  CALENDAR_OBLIGATION_LABELS,
  CALENDAR_STATUS_LABELS,
  NOTICE_CATEGORIES,
  NOTICE_CATEGORY_LABELS,
  NOTICE_STATE_LABELS,
  OBJECTION_STATE_LABELS,
  beijingDate,
  transitionObjection,
  type CalendarItem,
  type CalendarObligation,
  type CalendarStatus,
  type Membership,
  type NoticeCategory,
  type NoticeState,
  type NoticeSummary,
  type ObjectionState,
  type ObjectionView,
  type Role,
  type VillageNoticeCalendar,
} from '@xiangli/shared'
import { formatTime } from '@/logic/format'
import type { StateTone } from '@/components/StateTag'
import { formatIsoDate } from './noticePeriod'

// ---------- who works on notices ----------

export interface NoticeBench {
  /** 两委: draft, publish, correct, answer objections, see acknowledgements and the calendar */
  manage: boolean
  /** 监督委员会: review drafts when the village asks for it, give an opinion, see everything */
  supervise: boolean
}

const holdsIn = (membership: Pick<Membership, 'orgKind' | 'roles'> | null, roles: readonly Role[]): boolean =>
  membership !== null &&
  isSelfGoverningUnit(membership.orgKind) &&
  membership.roles.some((r) => roles.includes(r))

/** What the 村委工作台 offers about notices: the roles the notice routes let in. The server decides for real. */
export function noticeBench(membership: Pick<Membership, 'orgKind' | 'roles'> | null): NoticeBench {
  return { manage: holdsIn(membership, NOTICE_WRITERS), supervise: holdsIn(membership, NOTICE_REVIEWERS) }
}

/** Whether the caller may answer an objection: the answer form shows only to them. */
export const answersObjections = (membership: Pick<Membership, 'orgKind' | 'roles'> | null): boolean =>
  holdsIn(membership, OBJECTION_ANSWERERS)

// ---------- categories ----------

/** 全部 first, then the categories with their short names (公开 is the tab's name already). */
export const CATEGORY_CHIPS: readonly { value: NoticeCategory | null; label: string }[] = [
  { value: null, label: '全部' },
  ...NOTICE_CATEGORIES.map((c) => ({ value: c, label: shortCategory(c) })),
]

export function shortCategory(c: NoticeCategory): string {
  return c === 'other' ? '其他' : NOTICE_CATEGORY_LABELS[c].replace(/公开$/, '')
}

/** The chip label with the unread count, e.g. 财务 2. */
export function chipWithUnread(label: string, unread: number | undefined): string {
  return unread && unread > 0 ? `${label} ${unread > 99 ? '99+' : unread}` : label
}

// ---------- states ----------

const NOTICE_TONES: Record<NoticeState, StateTone> = {
  draft: 'stopped',
  in_review: 'waiting',
  returned: 'township',
  approved: 'working',
  published: 'done',
  ended: 'stopped',
}
export const noticeTone = (s: NoticeState): StateTone => NOTICE_TONES[s]
export const noticeStateLabel = (s: NoticeState): string => NOTICE_STATE_LABELS[s]

const OBJECTION_TONES: Record<ObjectionState, StateTone> = {
  submitted: 'waiting',
  answered: 'working',
  accepted: 'done',
  escalated: 'township',
  township_answered: 'done',
}
export const objectionTone = (s: ObjectionState): StateTone => OBJECTION_TONES[s]
export const objectionStateLabel = (s: ObjectionState): string => OBJECTION_STATE_LABELS[s]

/** Pinned first, then the newest published; the server sorts the same way, this keeps a merged page in order. */
export function sortFeed<T extends Pick<NoticeSummary, 'pinned' | 'publishedAt' | 'id'>>(
  items: readonly T[],
): T[] {
  return [...items].sort((a, b) => {
    if (a.pinned !== b.pinned) return a.pinned ? -1 : 1
    const at = a.publishedAt ?? ''
    const bt = b.publishedAt ?? ''
    if (at !== bt) return at < bt ? 1 : -1
    return b.id - a.id
  })
}

/** The notice the person opened is read now: drop its marker in the list they come back to. */
export const markReadInList = <T extends Pick<NoticeSummary, 'id' | 'unread'>>(items: T[], id: number): T[] =>
  items.map((n) => (n.id === id && n.unread ? { ...n, unread: false } : n))

// ---------- objections ----------

export interface ObjectorActions {
  accept: boolean
  escalate: boolean
}

/** What the objector may do with the committee's answer (or a late answer) now. */
export function objectorActions(o: Pick<ObjectionView, 'state' | 'overdue' | 'mine'>): ObjectorActions {
  if (!o.mine) return { accept: false, escalate: false }
  return {
    accept: transitionObjection(o.state, 'accept', { overdue: o.overdue }).ok,
    escalate: transitionObjection(o.state, 'escalate', { overdue: o.overdue }).ok,
  }
}

/** 答复期限 12月10日 / 答复已超时 3 天 / null once answered. */
export function objectionDeadline(
  o: Pick<ObjectionView, 'state' | 'dueAt' | 'overdue'>,
  now: Date = new Date(),
): { text: string; overdue: boolean } | null {
  if (o.state !== 'submitted') return null
  const due = new Date(o.dueAt).getTime()
  if (Number.isNaN(due)) return null
  if (o.overdue || now.getTime() > due) {
    const days = Math.floor((now.getTime() - due) / 86_400_000)
    return { text: days >= 1 ? `答复已超时 ${days} 天` : '答复已超时', overdue: true }
  }
  return { text: `村委会应在 ${formatTime(o.dueAt, now)} 前答复`, overdue: false }
}

// ---------- the publication calendar ----------

export interface CalendarRow {
  key: string
  label: string
  status: CalendarStatus
  statusLabel: string
  /** 截止 1月10日 / 逾期 5 天 / 按时公开 / 晚了公开 */
  note: string
  tone: 'ok' | 'info' | 'warn' | 'bad'
  noticeId: number | null
}

export interface CalendarGroup {
  obligation: CalendarObligation
  title: string
  rows: CalendarRow[]
  overdue: number
  due: number
}

const TONE: Record<CalendarStatus, CalendarRow['tone']> = {
  met: 'ok',
  running: 'info',
  due: 'warn',
  overdue: 'bad',
}
const ORDER: Record<CalendarStatus, number> = { overdue: 0, due: 1, running: 2, met: 3 }

function rowNote(item: CalendarItem, now: Date): string {
  const dueAt = new Date(item.dueAt)
  // dueAt is the first instant after the last day (Beijing time); the last day is the one before
  const lastDay = formatIsoDate(beijingDate(new Date(dueAt.getTime() - 1)), now)
  switch (item.status) {
    case 'met':
      return item.late ? '已公开（晚于期限）' : '已按时公开'
    case 'running':
      return `本期结束后，${lastDay}前公开`
    case 'due':
      return `请在 ${lastDay}前公开`
    case 'overdue': {
      const days = Math.floor((now.getTime() - dueAt.getTime()) / 86_400_000)
      return days >= 1 ? `已逾期 ${days} 天` : '已逾期'
    }
  }
}

/**
 * The calendar as the committee reads it: one group per obligation (村务, 财务, 重大事项), the
 * pressing rows (overdue, then due) first, newest period first within the same status.
 */
export function calendarGroups(items: readonly CalendarItem[], now: Date = new Date()): CalendarGroup[] {
  const obligations: CalendarObligation[] = ['finance', 'village', 'major']
  return obligations
    .map((obligation) => {
      const mine = items.filter((i) => i.obligation === obligation)
      const rows = mine
        .map((item, index) => ({ item, index }))
        .sort((a, b) => ORDER[a.item.status] - ORDER[b.item.status] || b.index - a.index)
        .map(({ item, index }): CalendarRow => ({
          key: `${obligation}-${item.period ?? item.noticeId ?? index}`,
          label: item.label,
          status: item.status,
          statusLabel: CALENDAR_STATUS_LABELS[item.status],
          note: rowNote(item, now),
          tone: TONE[item.status],
          noticeId: item.noticeId,
        }))
      return {
        obligation,
        title: CALENDAR_OBLIGATION_LABELS[obligation],
        rows,
        overdue: mine.filter((i) => i.status === 'overdue').length,
        due: mine.filter((i) => i.status === 'due').length,
      }
    })
    .filter((g) => g.rows.length > 0)
}

/** One line per village for the township: 逾期 2 项 · 待公开 1 项 · 超时未答复异议 1 件. */
export function complianceLine(
  v: Pick<VillageNoticeCalendar, 'overdue' | 'due' | 'met'> & { overdueObjections: number },
): {
  text: string
  ok: boolean
} {
  const parts: string[] = []
  if (v.overdue > 0) parts.push(`逾期未公开 ${v.overdue} 项`)
  if (v.due > 0) parts.push(`待公开 ${v.due} 项`)
  if (v.overdueObjections > 0) parts.push(`超时未答复异议 ${v.overdueObjections} 件`)
  if (parts.length === 0) return { text: `已公开 ${v.met} 项，没有逾期`, ok: true }
  return { text: parts.join(' · '), ok: v.overdue === 0 && v.overdueObjections === 0 }
}

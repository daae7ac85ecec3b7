/**
 * 村民说事 as the pages show it. Which buttons appear comes from the shared state machine and rules
 * (`@xiangli/shared`); this file only turns them into what a page needs: tones, short sentences,
 * queries. The server decides for real.
 */
import {
  COMMITTEE_ROLES,
  GRIEVANCE_ASSIGNEE_ROLES,
  ROLE_ORDER,
  DAY_MS,
  DEADLINE_STATES,
  GRIEVANCE_ERRORS,
  GRIEVANCE_ACTION_LABELS,
  GRIEVANCE_STATE_LABELS,
  GRIEVANCE_STATES,
  ROLE_LABELS,
  ROLES,
  grievanceEventsFrom,
  isOverdue,
  rateGrievance,
  reopenGrievance,
  transitionGrievance,
  type BulkAcceptResult,
  type GrievanceEvent,
  type GrievanceLocation,
  type GrievanceQueueQuery,
  type GrievanceState,
  type GrievanceSummary,
  type GrievanceTimelineEntry,
  type GrievanceView,
  type Role,
  type RoleHolderView,
} from '@xiangli/shared'
import type { StateTone } from '@/components/StateTag'
import { formatTime } from '@/logic/format'
import { messageFor } from '@/api/core'

// ---------- how a state looks ----------

const TONES: Record<GrievanceState, StateTone> = {
  submitted: 'waiting',
  accepted: 'working',
  assigned: 'working',
  reopened: 'working',
  returned: 'working',
  answered: 'done',
  closed: 'done',
  declined: 'stopped',
  escalated: 'township',
}

export const stateTone = (state: GrievanceState): StateTone => TONES[state]
export const stateLabel = (state: GrievanceState): string => GRIEVANCE_STATE_LABELS[state]

/**
 * The time limit of an item still running against one, in words: 受理期限 3月12日 08:00, 答复已超时 3 天.
 * Null when no limit runs (answered, closed, declined, with the township).
 */
export function deadlineNote(
  g: Pick<GrievanceSummary, 'state' | 'dueAt'>,
  now: Date = new Date(),
): { text: string; overdue: boolean } | null {
  if (g.dueAt === null || !DEADLINE_STATES.includes(g.state)) return null
  const due = new Date(g.dueAt).getTime()
  if (Number.isNaN(due)) return null
  const stage = g.state === 'submitted' ? '受理' : '答复'
  if (isOverdue(g, now)) {
    const days = Math.floor((now.getTime() - due) / DAY_MS)
    return { text: days >= 1 ? `${stage}已超时 ${days} 天` : `${stage}已超时`, overdue: true }
  }
  return { text: `${stage}期限 ${formatTime(g.dueAt, now)}`, overdue: false }
}

export const RATING_LABELS: Record<number, string> = {
  1: '很不满意',
  2: '不满意',
  3: '一般',
  4: '满意',
  5: '很满意',
}

/** ★★★★☆ for 4, with the words: easier to read at a glance than a number. */
export function ratingText(rating: number): string {
  const n = Math.max(0, Math.min(5, Math.round(rating)))
  return `${'★'.repeat(n)}${'☆'.repeat(5 - n)} ${RATING_LABELS[n] ?? ''}`.trim()
}

export function locationText(location: GrievanceLocation | null): string | null {
  if (!location) return null
  const address = location.address?.trim()
  if (address) return address
  if (location.lat !== undefined && location.lng !== undefined)
    return `地图位置（${location.lat.toFixed(5)}，${location.lng.toFixed(5)}）`
  return null
}

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value)

/** 张丽（村（居）委会成员）· 受理. Residents are shown by name only; the system as 系统. */
export function timelineHeadline(
  e: Pick<GrievanceTimelineEntry, 'actorName' | 'actorRole' | 'action'>,
): string {
  const role =
    e.actorRole && e.actorRole !== 'resident' && isRole(e.actorRole) ? ROLE_LABELS[e.actorRole] : null
  const who = e.actorRole === 'system' ? '系统' : role ? `${e.actorName}（${role}）` : e.actorName
  return `${who} · ${GRIEVANCE_ACTION_LABELS[e.action]}`
}

// ---------- what each person may do now ----------

export interface ResidentActions {
  /** add to the timeline (a question, a photo of the progress) */
  reply: boolean
  rate: boolean
  reopen: boolean
  /** "+1 同样的问题" on someone else's public item */
  support: boolean
}

const toDate = (iso: string | null): Date | null => (iso ? new Date(iso) : null)

export function residentActions(g: GrievanceView, now: Date = new Date()): ResidentActions {
  const isRaiser = g.mine
  return {
    reply: isRaiser,
    rate: rateGrievance(g.state, { isRaiser }).ok,
    reopen: reopenGrievance(g.state, {
      isRaiser,
      reopenCount: g.reopenCount,
      answeredAt: toDate(g.answeredAt),
      closedAt: toDate(g.closedAt),
      now,
    }).ok,
    support: !isRaiser && g.visibility === 'public' && g.state !== 'declined',
  }
}

export type CommitteeAction = Extract<GrievanceEvent, 'accept' | 'decline' | 'assign' | 'answer' | 'escalate'>
const COMMITTEE_EVENTS: readonly GrievanceEvent[] = ['accept', 'decline', 'assign', 'answer', 'escalate']

/** The buttons the 两委 get for an item in this state, in the state machine's order. */
export const committeeActions = (state: GrievanceState): CommitteeAction[] =>
  grievanceEventsFrom(state).filter((e): e is CommitteeAction => COMMITTEE_EVENTS.includes(e))

export type TownshipAction = Extract<GrievanceEvent, 'township_answer' | 'township_return'>
const TOWNSHIP_EVENTS: readonly GrievanceEvent[] = ['township_answer', 'township_return']

export const townshipActions = (state: GrievanceState): TownshipAction[] =>
  grievanceEventsFrom(state).filter((e): e is TownshipAction => TOWNSHIP_EVENTS.includes(e))

export const canAccept = (state: GrievanceState): boolean => transitionGrievance(state, 'accept').ok

// ---------- the committee's queue ----------

export type AssigneeFilter = 'me' | 'none' | number

export interface QueueFilters {
  status: GrievanceState | null
  category: string | null
  assignee: AssigneeFilter | null
  /** only the items past their time limit */
  overdue: boolean
  /** only the items accepted and waiting for an answer (the home page's 待答复) */
  toAnswer: boolean
}

export const NO_FILTERS: QueueFilters = {
  status: null,
  category: null,
  assignee: null,
  overdue: false,
  toAnswer: false,
}

/** The filters a link opens the queue with: `status`, `overdue=true`, `toAnswer=true`, as the home page sends. */
export function filtersFromLink(params: Record<string, string | undefined>): QueueFilters {
  const status = GRIEVANCE_STATES.find((s) => s === params.status) ?? null
  return { ...NO_FILTERS, status, overdue: params.overdue === 'true', toAnswer: params.toAnswer === 'true' }
}

export const STATUS_FILTERS: readonly { value: GrievanceState | null; label: string }[] = [
  { value: null, label: '全部' },
  ...GRIEVANCE_STATES.map((s) => ({ value: s, label: GRIEVANCE_STATE_LABELS[s] })),
]

/**
 * A page of a 村民说事 list: the first without `after`, each later one after the last item shown (the
 * `nextAfter` of the page before), never `page=N`, which would make the server skip N pages of rows.
 */
export const pageAfter = (
  after: number | undefined,
  pageSize: number,
): { after?: number; pageSize: number } => (after !== undefined ? { after, pageSize } : { pageSize })

export function queueQuery(
  f: QueueFilters,
  after: number | undefined,
  pageSize: number,
): GrievanceQueueQuery {
  return {
    ...pageAfter(after, pageSize),
    ...(f.status ? { status: f.status } : {}),
    ...(f.category ? { category: f.category } : {}),
    ...(f.assignee !== null ? { assignee: f.assignee } : {}),
    ...(f.overdue ? { overdue: 'true' as const } : {}),
    ...(f.toAnswer ? { toAnswer: 'true' as const } : {}),
  }
}

export const hasFilters = (f: QueueFilters): boolean =>
  f.status !== null || f.category !== null || f.assignee !== null || f.overdue || f.toAnswer

/** The people an item can be handed to: the 两委 members on the roster, each once, by name. */
export function committeeMembers(holders: readonly RoleHolderView[]): { residentId: number; name: string }[] {
  const byResident = new Map<number, string>()
  for (const h of holders)
    if (h.residentId !== null && COMMITTEE_ROLES.includes(h.role)) byResident.set(h.residentId, h.name)
  return [...byResident.entries()]
    .map(([residentId, name]) => ({ residentId, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN'))
}

/**
 * Who an issue can be handed to: the 两委 first, then the 网格员 and 村民小组长, each once with the post
 * that lets them take it (the server's GRIEVANCE_ASSIGNEE_ROLES).
 */
export function assigneeChoices(
  holders: readonly RoleHolderView[],
): { residentId: number; name: string; post: string }[] {
  const best = new Map<number, RoleHolderView>()
  for (const h of holders) {
    if (h.residentId === null || !GRIEVANCE_ASSIGNEE_ROLES.includes(h.role)) continue
    const had = best.get(h.residentId)
    if (!had || ROLE_ORDER[h.role] < ROLE_ORDER[had.role]) best.set(h.residentId, h)
  }
  return [...best.values()]
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name, 'zh-Hans-CN'))
    .map((h) => ({ residentId: h.residentId!, name: h.name, post: ROLE_LABELS[h.role] }))
}

const GRIEVANCE_WORDS: Record<string, string | undefined> = Object.fromEntries(
  Object.entries(GRIEVANCE_ERRORS).map(([code, e]) => [code, e.message]),
)

/** What a bulk accept did, in one sentence: how many were accepted, and why the others were not. */
export function bulkAcceptSummary(result: BulkAcceptResult): string {
  const done = `已受理 ${result.accepted.length} 件`
  if (result.refused.length === 0) return done
  const reasons = [...new Set(result.refused.map((r) => GRIEVANCE_WORDS[r.code] ?? messageFor(r.code)))]
  return `${done}，${result.refused.length} 件没有受理：${reasons.join('；')}`
}

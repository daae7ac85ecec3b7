/**
 * 村民说事: a resident raises a problem or a suggestion; the committee accepts (受理) or declines it,
 * assigns it to one of its members, answers it; the resident rates the answer and may reopen it once.
 * An item past its time limit goes up to the township (乡镇), which answers it or sends it back.
 */
import type { ErrorCode } from './errors'
import type { VillageSettings } from './org'

export const GRIEVANCE_STATES = [
  'submitted',
  'accepted',
  'declined',
  'assigned',
  'answered',
  'closed',
  'reopened',
  'escalated',
  'returned',
] as const
export type GrievanceState = (typeof GRIEVANCE_STATES)[number]

export const GRIEVANCE_EVENTS = [
  'accept',
  'decline',
  'assign',
  'answer',
  'rate',
  'reopen',
  'escalate',
  'township_answer',
  'township_return',
] as const
export type GrievanceEvent = (typeof GRIEVANCE_EVENTS)[number]

export const GRIEVANCE_STATE_LABELS: Record<GrievanceState, string> = {
  submitted: '待受理',
  accepted: '已受理',
  declined: '不予受理',
  assigned: '办理中',
  answered: '已答复',
  closed: '已办结',
  reopened: '重新办理',
  escalated: '已上报乡镇',
  returned: '乡镇退回村里办理',
}

/** The moves the workflow allows; anything not listed is refused with the code from `refusal`. */
const NEXT: Record<GrievanceState, Partial<Record<GrievanceEvent, GrievanceState>>> = {
  submitted: { accept: 'accepted', decline: 'declined', escalate: 'escalated' },
  accepted: { assign: 'assigned', answer: 'answered', escalate: 'escalated' },
  // assigning again hands the item to someone else
  assigned: { assign: 'assigned', answer: 'answered', escalate: 'escalated' },
  reopened: { assign: 'assigned', answer: 'answered', escalate: 'escalated' },
  // the township sent it back with instructions: the village handles it as if accepted
  returned: { assign: 'assigned', answer: 'answered', escalate: 'escalated' },
  answered: { rate: 'closed', reopen: 'reopened' },
  closed: { reopen: 'reopened' },
  declined: {},
  escalated: { township_answer: 'answered', township_return: 'returned' },
}

function refusal(state: GrievanceState, event: GrievanceEvent): ErrorCode {
  if (state === 'declined') return 'GRIEVANCE_DECLINED'
  if (state === 'escalated') return 'GRIEVANCE_AT_TOWNSHIP'
  switch (event) {
    case 'township_answer':
    case 'township_return':
      return 'GRIEVANCE_NOT_ESCALATED'
    case 'accept':
    case 'decline':
      return 'GRIEVANCE_ALREADY_ACCEPTED'
    case 'assign':
    case 'answer':
      return state === 'submitted' ? 'GRIEVANCE_NOT_ACCEPTED' : 'GRIEVANCE_ALREADY_ANSWERED'
    case 'escalate':
      return 'GRIEVANCE_ALREADY_ANSWERED'
    case 'rate':
      return state === 'closed' ? 'GRIEVANCE_ALREADY_RATED' : 'GRIEVANCE_NOT_ANSWERED'
    case 'reopen':
      return state === 'reopened' ? 'GRIEVANCE_REOPEN_USED' : 'GRIEVANCE_NOT_ANSWERED'
  }
}

export function transitionGrievance(
  state: GrievanceState,
  event: GrievanceEvent,
): { ok: true; next: GrievanceState } | { ok: false; code: ErrorCode } {
  const next = NEXT[state][event]
  return next ? { ok: true, next } : { ok: false, code: refusal(state, event) }
}

/** The events a grievance in this state accepts, e.g. to decide which buttons a page shows. */
export const grievanceEventsFrom = (state: GrievanceState): GrievanceEvent[] =>
  GRIEVANCE_EVENTS.filter((e) => NEXT[state][e] !== undefined)

// ---------- who may do what, beyond the state ----------

/** A resident may reopen an answer once, within this many days of the answer (or of closing it). */
export const REOPEN_WINDOW_DAYS = 7
export const MAX_REOPENS = 1

export interface ReopenContext {
  isRaiser: boolean
  reopenCount: number
  answeredAt: Date | null
  closedAt: Date | null
  now: Date
}

/** The last moment the raiser may reopen; null when nothing was answered yet. */
export function reopenDeadline(g: { answeredAt: Date | null; closedAt: Date | null }): Date | null {
  const from = g.closedAt ?? g.answeredAt
  return from ? addDays(from, REOPEN_WINDOW_DAYS) : null
}

export function reopenGrievance(
  state: GrievanceState,
  ctx: ReopenContext,
): { ok: true; next: GrievanceState } | { ok: false; code: ErrorCode } {
  if (!ctx.isRaiser) return { ok: false, code: 'GRIEVANCE_NOT_YOURS' }
  const t = transitionGrievance(state, 'reopen')
  if (!t.ok) return t
  if (ctx.reopenCount >= MAX_REOPENS) return { ok: false, code: 'GRIEVANCE_REOPEN_USED' }
  const until = reopenDeadline(ctx)
  if (!until || ctx.now.getTime() > until.getTime()) return { ok: false, code: 'GRIEVANCE_REOPEN_EXPIRED' }
  return t
}

export function rateGrievance(
  state: GrievanceState,
  ctx: { isRaiser: boolean },
): { ok: true; next: GrievanceState } | { ok: false; code: ErrorCode } {
  if (!ctx.isRaiser) return { ok: false, code: 'GRIEVANCE_NOT_YOURS' }
  return transitionGrievance(state, 'rate')
}

// ---------- time limits ----------

export const DAY_MS = 86_400_000
export type GrievanceTimeLimits = Pick<VillageSettings['timeLimits'], 'issueAcceptDays' | 'issueAnswerDays'>

/** Time limits count calendar days from the moment the stage began, to the millisecond. */
export const addDays = (at: Date, days: number): Date => new Date(at.getTime() + days * DAY_MS)

export const acceptDeadline = (submittedAt: Date, limits: GrievanceTimeLimits): Date =>
  addDays(submittedAt, limits.issueAcceptDays)

export const answerDeadline = (from: Date, limits: GrievanceTimeLimits): Date =>
  addDays(from, limits.issueAnswerDays)

/** The states that run against a deadline: waiting for acceptance, or accepted and waiting for an answer. */
export const DEADLINE_STATES: readonly GrievanceState[] = [
  'submitted',
  'accepted',
  'assigned',
  'reopened',
  'returned',
]

/** Accepted (or reopened, or returned by the township) and waiting for the committee's answer. */
export const TO_ANSWER_STATES: readonly GrievanceState[] = DEADLINE_STATES.filter((s) => s !== 'submitted')

/** Not yet answered, declined or closed; the township's "open" count. */
export const OPEN_STATES: readonly GrievanceState[] = [...DEADLINE_STATES, 'escalated']

/**
 * The deadline a grievance carries after an event at `at`. Accepting, reopening and a township's
 * return start the answer clock; reassigning keeps it running; every other event stops it.
 */
export function deadlineAfter(
  event: GrievanceEvent,
  at: Date,
  current: Date | null,
  limits: GrievanceTimeLimits,
): Date | null {
  switch (event) {
    case 'accept':
    case 'reopen':
    case 'township_return':
      return answerDeadline(at, limits)
    case 'assign':
      return current
    case 'decline':
    case 'answer':
    case 'rate':
    case 'escalate':
    case 'township_answer':
      return null
  }
}

export function isOverdue(g: { state: GrievanceState; dueAt: Date | string | null }, now: Date): boolean {
  if (!DEADLINE_STATES.includes(g.state) || g.dueAt === null) return false
  return now.getTime() > new Date(g.dueAt).getTime()
}

// ---------- categories and reply templates ----------

export const DEFAULT_GRIEVANCE_CATEGORIES: readonly string[] = [
  '环境卫生',
  '道路交通',
  '水电设施',
  '治安安全',
  '邻里纠纷',
  '意见建议',
  '其他',
]

/**
 * Categories whose items only the 两委 (and the township) see unless the raiser chooses otherwise:
 * a quarrel between neighbours names people who did not ask to be on the village's wall.
 */
export const DEFAULT_SENSITIVE_CATEGORIES: readonly string[] = ['邻里纠纷']

/** Who sees an item when the raiser does not say: the committee alone for a sensitive category. */
export const defaultVisibility = (
  category: string,
  sensitiveCategories: readonly string[],
): GrievanceVisibility => (sensitiveCategories.includes(category) ? 'committee' : 'public')

export interface ReplyTemplate {
  title: string
  text: string
}

export const DEFAULT_REPLY_TEMPLATES: readonly ReplyTemplate[] = [
  { title: '已收到', text: '您反映的问题我们已经收到，会尽快安排人员处理，请耐心等待。' },
  { title: '已安排', text: '已安排专人到现场查看，处理好后会第一时间告诉您。' },
  { title: '已办好', text: '问题已经处理好了，请您看一看。如果还不满意，可以在 7 天内重新提出。' },
  { title: '需协调', text: '这件事需要和有关部门协调，我们正在联系，有进展会及时告诉您。' },
]

export const MAX_GRIEVANCE_PHOTOS = 9

/** The miniapp pages a notification about a grievance opens, by who receives it. */
export const GRIEVANCE_PAGES = {
  resident: '/subpackages/grievance/pages/detail/index',
  committee: '/subpackages/committee/pages/grievance/index',
  township: '/subpackages/township/pages/grievance/index',
} as const
export const grievancePage = (audience: keyof typeof GRIEVANCE_PAGES, id: number): string =>
  `${GRIEVANCE_PAGES[audience]}?id=${id}`

export const GRIEVANCE_VISIBILITIES = ['public', 'committee'] as const
export type GrievanceVisibility = (typeof GRIEVANCE_VISIBILITIES)[number]
export const GRIEVANCE_VISIBILITY_LABELS: Record<GrievanceVisibility, string> = {
  public: '公开（姓名隐去）',
  committee: '仅村委会可见',
}

/**
 * 村民说事: a resident raises a problem or a suggestion; the committee accepts (受理) or declines it,
 * assigns it to one of its members, answers it; the resident rates the answer and may reopen it once.
 * An item past its time limit goes up to the township (乡镇), which answers it or sends it back.
 */
import { z } from 'zod'
import type { ErrorCode } from './errors'
import type { Page } from './api'
import type { VillageSettings } from './org'
import type { ModerationView } from './content-check'
import { onBehalfSchema, type ProxyLine } from './proxy'

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

// ---------- requests ----------

const photoIds = z
  .array(z.number().int().positive())
  .max(MAX_GRIEVANCE_PHOTOS, `最多只能放 ${MAX_GRIEVANCE_PHOTOS} 张照片`)
  .refine((ids) => new Set(ids).size === ids.length, '同一张照片放了两次')
  .default([])

const nonBlank = (what: string, max: number) =>
  z
    .string({ required_error: `请填写${what}` })
    .trim()
    .min(1, `请填写${what}`)
    .max(max, `${what}最多 ${max} 个字`)

export const GRIEVANCE_VISIBILITIES = ['public', 'committee'] as const
export type GrievanceVisibility = (typeof GRIEVANCE_VISIBILITIES)[number]
export const GRIEVANCE_VISIBILITY_LABELS: Record<GrievanceVisibility, string> = {
  public: '公开（姓名隐去）',
  committee: '仅村委会可见',
}

export const grievanceLocationSchema = z
  .object({
    lat: z.number().min(-90).max(90).optional(),
    lng: z.number().min(-180).max(180).optional(),
    address: z.string().trim().max(100, '地址最多 100 个字').optional(),
  })
  .refine((l) => (l.lat === undefined) === (l.lng === undefined), '位置的经纬度要一起填写')
  .refine((l) => l.lat !== undefined || (l.address ?? '') !== '', '请在地图上选点或填写地址')
export type GrievanceLocation = z.infer<typeof grievanceLocationSchema>

export const grievanceCreateSchema = z.object({
  category: nonBlank('分类', 16),
  title: nonBlank('标题', 40),
  text: nonBlank('要反映的事', 1000),
  photoIds,
  location: grievanceLocationSchema.optional(),
  /** left out: the category decides (see defaultVisibility) */
  visibility: z.enum(GRIEVANCE_VISIBILITIES).optional(),
  /** 代办: raised for this resident, with their consent */
  onBehalf: onBehalfSchema.optional(),
})
/** What a client sends (defaults may be left out) and what the server reads after parsing. */
export type GrievanceCreateRequest = z.input<typeof grievanceCreateSchema>
export type GrievanceCreate = z.infer<typeof grievanceCreateSchema>

/** A message on the timeline that moves nothing: a question, a photo of the progress. */
export const grievanceReplySchema = z.object({ text: nonBlank('回复内容', 500), photoIds })
export type GrievanceReplyRequest = z.input<typeof grievanceReplySchema>
export type GrievanceReply = z.infer<typeof grievanceReplySchema>

export const grievanceAnswerSchema = z.object({ text: nonBlank('答复内容', 1000), photoIds })
export type GrievanceAnswerRequest = z.input<typeof grievanceAnswerSchema>
export type GrievanceAnswer = z.infer<typeof grievanceAnswerSchema>

export const grievanceDeclineSchema = z.object({ reason: nonBlank('不予受理的原因', 200) })
export type GrievanceDeclineRequest = z.infer<typeof grievanceDeclineSchema>

/** Assign to a committee member, grid worker or group leader, named by their roster row. */
export const grievanceAssignSchema = z.object({ residentId: z.number().int().positive() })
export type GrievanceAssignRequest = z.infer<typeof grievanceAssignSchema>

export const grievanceRateSchema = z.object({
  rating: z
    .number({ required_error: '请打分' })
    .int('请打 1 到 5 分')
    .min(1, '请打 1 到 5 分')
    .max(5, '请打 1 到 5 分'),
  comment: z.string().trim().max(200, '评价最多 200 个字').default(''),
})
export type GrievanceRateRequest = z.input<typeof grievanceRateSchema>
export type GrievanceRate = z.infer<typeof grievanceRateSchema>

export const grievanceReopenSchema = z.object({ reason: nonBlank('不满意的原因', 200) })
export type GrievanceReopenRequest = z.infer<typeof grievanceReopenSchema>

/** The committee sends an item up to the township before its time runs out. */
export const grievanceEscalateSchema = z.object({ reason: nonBlank('上报的原因', 200) })
export type GrievanceEscalateRequest = z.infer<typeof grievanceEscalateSchema>

export const townshipReturnSchema = z.object({ instructions: nonBlank('办理意见', 500) })
export type TownshipReturnRequest = z.infer<typeof townshipReturnSchema>

export const bulkAcceptSchema = z.object({
  ids: z
    .array(z.number().int().positive())
    .min(1, '请选择要受理的事项')
    .max(50, '一次最多受理 50 件')
    .refine((ids) => new Set(ids).size === ids.length, '有事项选了两次'),
})
export type BulkAcceptRequest = z.infer<typeof bulkAcceptSchema>

export const grievanceSettingsSchema = z.object({
  categories: z
    .array(z.string().trim().min(1).max(16, '分类最多 16 个字'))
    .min(1, '至少保留一个分类')
    .max(20, '分类最多 20 个')
    .refine((c) => new Set(c).size === c.length, '分类名称重复了'),
  replyTemplates: z
    .array(
      z.object({
        title: z.string().trim().min(1, '请填写模板名称').max(16),
        text: z.string().trim().min(1, '请填写模板内容').max(500),
      }),
    )
    .max(20, '回复模板最多 20 条'),
  /** categories kept from the village's wall unless the raiser chooses otherwise; left out: unchanged */
  sensitiveCategories: z
    .array(z.string().trim().min(1).max(16, '分类最多 16 个字'))
    .max(20, '分类最多 20 个')
    .optional(),
})
export type GrievanceSettingsUpdate = z.infer<typeof grievanceSettingsSchema>
/** A village's settings as stored and read: the sensitive categories always said (邻里纠纷 by default). */
export type GrievanceSettings = Required<GrievanceSettingsUpdate>

const pageFields = {
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  /** keyset pagination: the items after this one (the `nextAfter` of the page before); `page` is then ignored */
  after: z.coerce.number().int().positive().optional(),
}
/** A page of one of the lists of 村民说事 (by `page`, or after an item by `after`). */
export const grievancePageQuerySchema = z.object(pageFields)
const queryBool = z.enum(['true', 'false']).transform((v) => v === 'true')

/** The committee's queue. `assignee` is a roster id, `me` (the caller) or `none` (not assigned). */
export const grievanceQueueQuerySchema = z.object({
  ...pageFields,
  status: z.enum(GRIEVANCE_STATES).optional(),
  category: z.string().trim().min(1).max(16).optional(),
  assignee: z.union([z.literal('me'), z.literal('none'), z.coerce.number().int().positive()]).optional(),
  overdue: queryBool.optional(),
  /** only the items accepted and waiting for an answer (受理后待答复), as the home page counts them */
  toAnswer: queryBool.optional(),
})
export type GrievanceQueueQuery = z.input<typeof grievanceQueueQuerySchema>

export const publicWallQuerySchema = z.object({
  ...pageFields,
  category: z.string().trim().min(1).max(16).optional(),
})
export type PublicWallQuery = z.input<typeof publicWallQuerySchema>

/** The township's list: `escalated` (sent up), `overdue` (past a village limit) or both. */
export const townshipGrievanceQuerySchema = z.object({
  ...pageFields,
  scope: z.enum(['attention', 'escalated', 'overdue']).default('attention'),
  villageId: z.coerce.number().int().positive().optional(),
})
export type TownshipGrievanceQuery = z.input<typeof townshipGrievanceQuerySchema>

// ---------- responses ----------

export const GRIEVANCE_ACTIONS = [
  'submitted',
  'accepted',
  'declined',
  'assigned',
  'answered',
  'rated',
  'reopened',
  'escalated',
  'township_answered',
  'township_returned',
  'replied',
] as const
export type GrievanceAction = (typeof GRIEVANCE_ACTIONS)[number]

export const GRIEVANCE_ACTION_LABELS: Record<GrievanceAction, string> = {
  submitted: '提出',
  accepted: '受理',
  declined: '不予受理',
  assigned: '交办',
  answered: '答复',
  rated: '评价',
  reopened: '重新提出',
  escalated: '上报乡镇',
  township_answered: '乡镇答复',
  township_returned: '乡镇退回办理',
  replied: '留言',
}

/** The timeline action an event leaves behind. */
export const GRIEVANCE_EVENT_ACTIONS: Record<GrievanceEvent, GrievanceAction> = {
  accept: 'accepted',
  decline: 'declined',
  assign: 'assigned',
  answer: 'answered',
  rate: 'rated',
  reopen: 'reopened',
  escalate: 'escalated',
  township_answer: 'township_answered',
  township_return: 'township_returned',
}

export interface GrievanceTimelineEntry {
  at: string
  /** masked (王*英) when a resident reads another resident's words on a public item */
  actorName: string
  /** 'resident', 'committee_member', 'township_official', 'system' … */
  actorRole: string | null
  action: GrievanceAction
  text: string | null
  photoUrls: string[]
  /** the score, on a 'rated' entry */
  rating: number | null
  /** a reply's content check; only its writer and the 两委 see a reply that is not shown */
  moderation: ModerationView
}

export interface GrievanceSummary {
  id: number
  villageId: number
  villageName: string
  category: string
  title: string
  /** the first 60 characters of the text */
  excerpt: string
  state: GrievanceState
  visibility: GrievanceVisibility
  /** masked for anyone but the raiser, the committee and the township */
  raiserName: string
  assigneeName: string | null
  createdAt: string
  dueAt: string | null
  overdue: boolean
  supportCount: number
  supportedByMe: boolean
  /** raised by the person asking: no "+1" for it, and it shows as theirs on the public wall */
  mine: boolean
  /** signed links that work without a login for about an hour (`<Image src>` sends no token) */
  photoUrls: string[]
  rating: number | null
  /** the content check: others see the item only once it is shown; the raiser reads the note */
  moderation: ModerationView
  /** 民情收集: the grid worker who raised it from their rounds, or null for a resident's own issue */
  collectedBy: string | null
}

/** An item on the public wall (公开墙): someone else's public issue, the raiser's name masked. */
export type PublicWallItem = GrievanceSummary

export interface GrievanceView extends GrievanceSummary {
  text: string
  location: GrievanceLocation | null
  assigneeResidentId: number | null
  acceptedAt: string | null
  answeredAt: string | null
  closedAt: string | null
  escalatedAt: string | null
  ratingComment: string | null
  reopenCount: number
  /** when the raiser may still reopen it; null when that is no longer possible */
  reopenableUntil: string | null
  timeline: GrievanceTimelineEntry[]
  /** 代办人, when someone filed it for the raiser */
  proxy: ProxyLine | null
}

export type GrievancePage = Page<GrievanceSummary>

export interface BulkAcceptResult {
  accepted: number[]
  refused: { id: number; code: ErrorCode }[]
}

export interface SupportResult {
  supportCount: number
  supportedByMe: boolean
}

export interface VillageGrievanceStats {
  villageId: number
  villageName: string
  total: number
  /** not yet answered, declined or closed */
  open: number
  overdue: number
  escalated: number
  /** from raising to the first answer, over the items answered so far */
  averageHoursToAnswer: number | null
  /** the mean of the residents' ratings (1–5) */
  satisfactionAverage: number | null
  ratedCount: number
}

export interface TownshipGrievanceStats {
  townshipId: number
  villages: VillageGrievanceStats[]
}

export interface StoredFileView {
  id: number
  url: string
  mime: string
  size: number
  width?: number
  height?: number
}

/**
 * The requests and answers of the 村民说事 API: what a resident, the committee and the township send,
 * and the views they get back. The rules (states, time limits, who may do what) are in grievance.ts;
 * the routes in contract/grievances.ts.
 */
import { z } from 'zod'
import type { ErrorCode } from './errors'
import type { Page } from './api'
import type { ModerationView } from './content-check'
import type { ProxyLine } from './proxy'
import { onBehalfSchema } from './proxy-schemas'
import {
  GRIEVANCE_STATES,
  GRIEVANCE_VISIBILITIES,
  MAX_GRIEVANCE_PHOTOS,
  type GrievanceEvent,
  type GrievanceState,
  type GrievanceVisibility,
} from './grievance'

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

/**
 * The requests and answers of the public-notice API (村务公开 / 公示). Its routes, with who may call
 * each, are declared in contract/notices.ts.
 *
 * Amounts are integer fen. Dates of a publicity period are Beijing calendar days 'YYYY-MM-DD' (inclusive);
 * instants are ISO strings.
 */
import { z } from 'zod'
import { onBehalfSchema } from './proxy-schemas'
import {
  FINANCE_CADENCES,
  FINANCE_LINE_KINDS,
  MAX_NOTICE_ATTACHMENTS,
  NOTICE_CATEGORIES,
  NOTICE_STATES,
  OBJECTION_STATES,
  isValidIsoDate,
  MONTH_PERIOD_RE,
  QUARTER_PERIOD_RE,
  type CalendarSettings,
} from './notice'

const nonBlank = (what: string, max: number) =>
  z
    .string({ required_error: `请填写${what}` })
    .trim()
    .min(1, `请填写${what}`)
    .max(max, `${what}最多 ${max} 个字`)

const isoDate = z
  .string()
  .refine(isValidIsoDate, '日期的格式不对，应为 年-月-日')
  .describe('a Beijing calendar day, YYYY-MM-DD')

/** at most 10 亿元 a line; totals and balances of 100 lines stay far inside safe integers */
const MAX_LINE_FEN = 100_000_000_000
const MAX_TOTAL_FEN = 100 * MAX_LINE_FEN

const fen = (what: string, max = MAX_LINE_FEN) =>
  z
    .number({ required_error: `请填写${what}`, invalid_type_error: `${what}要填数字` })
    .int(`${what}以分为单位，只能是整数`)
    .min(0, `${what}不能是负数`)
    .max(max, `${what}太大了`)

const balance = (what: string) =>
  z
    .number({ invalid_type_error: `${what}要填数字` })
    .int(`${what}以分为单位，只能是整数`)
    .min(-MAX_TOTAL_FEN, `${what}太小了`)
    .max(MAX_TOTAL_FEN, `${what}太大了`)
    .nullable()
    .optional()

const fileIds = (max: number, what: string) =>
  z
    .array(z.number().int().positive())
    .max(max, `最多只能放 ${max} 个${what}`)
    .refine((ids) => new Set(ids).size === ids.length, `同一个${what}放了两次`)
    .default([])

export const financeLineSchema = z.object({
  kind: z.enum(FINANCE_LINE_KINDS, { errorMap: () => ({ message: '请选择收入或支出' }) }),
  item: nonBlank('项目名称', 40),
  amountFen: fen('金额'),
  note: z.string().trim().max(60, '备注最多 60 个字').optional(),
})

export const financeTotalsSchema = z.object({
  totalIncomeFen: fen('收入合计', MAX_TOTAL_FEN),
  totalExpenseFen: fen('支出合计', MAX_TOTAL_FEN),
  openingBalanceFen: balance('期初余额'),
  closingBalanceFen: balance('期末余额'),
})

const coversPeriod = z
  .string()
  .refine(
    (s) => MONTH_PERIOD_RE.test(s) || QUARTER_PERIOD_RE.test(s),
    '公开的期间应为 2026-10 或 2026-Q4 的格式',
  )

/** Who a notice is for: the whole village, or one villager group (村民小组, an org of kind `group`). */
export const noticeAudienceSchema = z.union([
  z.object({ kind: z.literal('village') }),
  z.object({ kind: z.literal('group'), groupId: z.number().int().positive() }),
])
export type NoticeAudience = z.infer<typeof noticeAudienceSchema>

const content = {
  title: nonBlank('标题', 80),
  body: z.string().trim().max(20_000, '正文最多 20000 个字').default(''),
  /** finance notices: the lines and the totals they must add up to */
  // bounded so that a version's lines fit the 64 KB text column of MySQL
  lines: z.array(financeLineSchema).max(100, '明细最多 100 行，更多的请作为表格附件上传').default([]),
  totals: financeTotalsSchema.nullable().default(null),
  /** stored files (images, PDF, spreadsheets) uploaded via POST V/uploads */
  attachmentIds: fileIds(MAX_NOTICE_ATTACHMENTS, '附件'),
}

/**
 * A draft. Category rules are checked by the server with codes: a finance notice needs lines and totals
 * that add up (NOTICE_FINANCE_LINES_REQUIRED, NOTICE_FINANCE_TOTALS_MISMATCH); other categories take no
 * lines (NOTICE_LINES_NOT_FINANCE); an end before the start is NOTICE_PERIOD_INVALID.
 */
export const noticeDraftSchema = z.object({
  category: z.enum(NOTICE_CATEGORIES, { errorMap: () => ({ message: '请选择公开类别' }) }),
  ...content,
  audience: noticeAudienceSchema.default({ kind: 'village' }),
  /** 公示期; left out: from the publishing day for the category's default days */
  periodStart: isoDate.nullable().default(null),
  periodEnd: isoDate.nullable().default(null),
  /** ask each household to acknowledge (e.g. a meeting notice) */
  requiresAck: z.boolean().default(false),
  /** a major matter (重大事项): the calendar expects it published at once */
  major: z.boolean().default(false),
  /** 财务公开: the month or quarter it reports, e.g. '2026-10' or '2026-Q4' */
  coversPeriod: coversPeriod.nullable().default(null),
})
export type NoticeDraftRequest = z.input<typeof noticeDraftSchema>
export type NoticeDraft = z.infer<typeof noticeDraftSchema>

export const noticePublishSchema = z.object({
  /** overrides the draft's period; both left out: today + the category's default days */
  periodStart: isoDate.optional(),
  periodEnd: isoDate.optional(),
})
export type NoticePublishRequest = z.infer<typeof noticePublishSchema>

export const noticeReviewSchema = z
  .object({
    decision: z.enum(['approve', 'return'], { errorMap: () => ({ message: '请选择同意发布或退回修改' }) }),
    /** approve: the supervision committee's opinion (optional); return: the reason (required) */
    opinion: z.string().trim().max(500, '意见最多 500 个字').default(''),
  })
  .refine((r) => r.decision === 'approve' || r.opinion.length > 0, {
    message: '退回修改时请写明原因',
    path: ['opinion'],
  })
export type NoticeReviewRequest = z.input<typeof noticeReviewSchema>

export const noticePinSchema = z.object({ pinned: z.boolean() })
export type NoticePinRequest = z.infer<typeof noticePinSchema>

export const noticeCorrectionSchema = z.object({
  reason: nonBlank('更正的原因', 200),
  ...content,
})
export type NoticeCorrectionRequest = z.input<typeof noticeCorrectionSchema>
export type NoticeCorrection = z.infer<typeof noticeCorrectionSchema>

export const noticeOpinionSchema = z.object({ opinion: nonBlank('监督委员会意见', 500) })
export type NoticeOpinionRequest = z.infer<typeof noticeOpinionSchema>

const pageFields = {
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
}
const queryBool = z.enum(['true', 'false']).transform((v) => v === 'true')

export const noticeFeedQuerySchema = z.object({
  ...pageFields,
  category: z.enum(NOTICE_CATEGORIES).optional(),
  /** search in title and body */
  q: z.string().trim().min(1).max(40).optional(),
  unread: queryBool.optional(),
})
export type NoticeFeedQuery = z.input<typeof noticeFeedQuerySchema>

export const noticeManageQuerySchema = z.object({
  ...pageFields,
  category: z.enum(NOTICE_CATEGORIES).optional(),
  state: z.enum(NOTICE_STATES).optional(),
  q: z.string().trim().min(1).max(40).optional(),
})
export type NoticeManageQuery = z.input<typeof noticeManageQuerySchema>

export const MAX_OBJECTION_PHOTOS = 9

export const objectionCreateSchema = z.object({
  text: nonBlank('异议内容', 1000),
  photoIds: fileIds(MAX_OBJECTION_PHOTOS, '照片'),
  /** 代办: objected for this resident, with their consent */
  onBehalf: onBehalfSchema.optional(),
})
export type ObjectionCreateRequest = z.input<typeof objectionCreateSchema>
export type ObjectionCreate = z.infer<typeof objectionCreateSchema>

export const objectionAnswerSchema = z.object({
  text: nonBlank('答复内容', 1000),
  photoIds: fileIds(MAX_OBJECTION_PHOTOS, '照片'),
})
export type ObjectionAnswerRequest = z.input<typeof objectionAnswerSchema>
export type ObjectionAnswer = z.infer<typeof objectionAnswerSchema>

export const objectionEscalateSchema = z.object({ reason: nonBlank('向乡镇反映的理由', 500) })
export type ObjectionEscalateRequest = z.infer<typeof objectionEscalateSchema>

export const objectionQueueQuerySchema = z.object({
  ...pageFields,
  state: z.enum(OBJECTION_STATES).optional(),
  overdue: queryBool.optional(),
})
export type ObjectionQueueQuery = z.input<typeof objectionQueueQuerySchema>

export const townshipObjectionQuerySchema = z.object({
  ...pageFields,
  /** attention = overdue or escalated */
  scope: z.enum(['attention', 'overdue', 'escalated']).default('attention'),
  villageId: z.coerce.number().int().positive().optional(),
})
export type TownshipObjectionQuery = z.input<typeof townshipObjectionQuerySchema>

/**
 * The township's publication calendar, a page of villages at a time in the order of their ids:
 * the first page without `after`, each later one with `after` = the `nextAfter` of the page before.
 * `only=overdue`: just the villages with an item past its due date.
 */
export const townshipCalendarQuerySchema = z.object({
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  after: z.coerce.number().int().positive().optional(),
  only: z.enum(['overdue']).optional(),
})
export type TownshipCalendarQuery = z.input<typeof townshipCalendarQuerySchema>

export const noticeSettingsSchema = z.object({
  financeCadence: z.enum(FINANCE_CADENCES, { errorMap: () => ({ message: '请选择每月或每季度公开财务' }) }),
  graceDays: z.number().int().min(0, '宽限天数不能是负数').max(31, '宽限天数最多 31 天'),
  majorDays: z.number().int().min(1, '重大事项至少 1 天内公开').max(30, '重大事项最多 30 天内公开'),
  /** the calendar counts obligations from this day; left out: unchanged (at first, the quarter the village joined) */
  calendarFrom: isoDate.optional(),
})
export type NoticeSettingsRequest = z.infer<typeof noticeSettingsSchema>
/** the calendar settings and the day the calendar starts */
export type NoticeSettings = CalendarSettings & { calendarFrom: string }

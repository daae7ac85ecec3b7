/**
 * 便民服务 (一门式 / 一站式): the village desk takes a resident's request for a service of a higher
 * office (social and medical insurance, elderly allowance, disability card…), handles it itself or
 * carries the papers to the township (帮办代办), records each hand-off and brings the result back.
 * The catalogue of services is data per county; these are the rules both sides agree on.
 */
import { z } from 'zod'
import type { ErrorCode } from './errors'
import { addIsoDays, beijingDate, beijingDayEnd, type IsoDate } from './notice'
import { onBehalfSchema, type ProxyLine } from './proxy'

// ---------- the catalogue ----------

/** Whether the village desk finishes the matter itself or carries it to the office that decides. */
export const SERVICE_HANDLINGS = ['desk', 'forward'] as const
export type ServiceHandling = (typeof SERVICE_HANDLINGS)[number]
export const SERVICE_HANDLING_LABELS: Record<ServiceHandling, string> = {
  desk: '村里直接办',
  forward: '村里代办，送乡镇或部门办理',
}

/** How a time limit counts: 工作日 (Monday to Friday) or 自然日 (every day). */
export const SERVICE_DAY_KINDS = ['working', 'calendar'] as const
export type ServiceDayKind = (typeof SERVICE_DAY_KINDS)[number]
export const SERVICE_DAY_KIND_LABELS: Record<ServiceDayKind, string> = {
  working: '个工作日',
  calendar: '天',
}

export const SERVICE_LIMITS = {
  code: 32,
  name: 30,
  office: 40,
  material: 60,
  maxMaterials: 12,
  description: 300,
  maxDays: 180,
  note: 300,
  maxPhotos: 6,
  reason: 200,
  receiver: 30,
} as const

const chars = (s: string) => Array.from(s).length
const text = (what: string, max: number) =>
  z
    .string({ required_error: `请填写${what}` })
    .transform((s) => s.trim().replace(/\s+/g, ' '))
    .pipe(
      z
        .string()
        .min(1, `请填写${what}`)
        .refine((s) => chars(s) <= max, `${what}最多 ${max} 个字`),
    )
const optionalText = (what: string, max: number) =>
  z
    .string()
    .default('')
    .transform((s) => s.trim())
    .refine((s) => chars(s) <= max, `${what}最多 ${max} 个字`)

/** A service as a county lists it: who handles it, what to bring, how long it takes. */
export const serviceItemSchema = z.object({
  name: text('事项名称', SERVICE_LIMITS.name),
  /** the office that decides it, e.g. 乡镇社会事务办, 县医保局 */
  office: text('办理单位', SERVICE_LIMITS.office),
  materials: z
    .array(text('材料', SERVICE_LIMITS.material))
    .min(1, '至少列出一样要带的材料')
    .max(SERVICE_LIMITS.maxMaterials, `材料最多 ${SERVICE_LIMITS.maxMaterials} 样`)
    .refine((m) => new Set(m).size === m.length, '同一样材料写了两次'),
  timeLimitDays: z
    .number()
    .int()
    .min(1, '办理时限至少 1 天')
    .max(SERVICE_LIMITS.maxDays, `办理时限最多 ${SERVICE_LIMITS.maxDays} 天`),
  dayKind: z.enum(SERVICE_DAY_KINDS).default('working'),
  handling: z.enum(SERVICE_HANDLINGS),
  description: optionalText('说明', SERVICE_LIMITS.description),
  /** a stopped service stays in the records but is no longer offered */
  active: z.boolean().default(true),
})
export type ServiceItemInput = z.input<typeof serviceItemSchema>
export type ServiceItemFields = z.infer<typeof serviceItemSchema>

export const serviceItemCodeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,31}$/, '事项编号只能用小写字母、数字和下划线，字母开头')

export const serviceItemCreateSchema = serviceItemSchema.extend({ code: serviceItemCodeSchema })
export type ServiceItemCreate = z.infer<typeof serviceItemCreateSchema>

/** One service of a county's catalogue as everyone reads it. */
export interface ServiceItem extends ServiceItemFields {
  code: string
  /** raised on every edit; a request keeps the version it was filed under */
  version: number
  updatedAt: string
  updatedByName: string
}

/** The default catalogue a county starts from (the demo county has it). */
export const DEFAULT_SERVICE_CATALOGUE: readonly (ServiceItemFields & { code: string })[] = [
  {
    code: 'pension_enrol',
    name: '城乡居民养老保险参保登记',
    office: '乡镇社会保障服务站',
    materials: ['居民身份证', '户口簿', '银行卡（社保卡）'],
    timeLimitDays: 5,
    dayKind: 'working',
    handling: 'forward',
    description: '年满16周岁、未参加职工养老保险的城乡居民，可以参加城乡居民养老保险。',
    active: true,
  },
  {
    code: 'medical_insurance',
    name: '城乡居民医保参保缴费',
    office: '县医疗保障局',
    materials: ['居民身份证', '户口簿'],
    timeLimitDays: 3,
    dayKind: 'working',
    handling: 'desk',
    description: '每年集中缴费期内在村里登记缴费，次年享受医保待遇。',
    active: true,
  },
  {
    code: 'elderly_allowance',
    name: '高龄津贴申领',
    office: '乡镇社会事务办',
    materials: ['居民身份证', '户口簿', '本人银行卡或社保卡'],
    timeLimitDays: 15,
    dayKind: 'working',
    handling: 'forward',
    description: '年满80周岁的老人，按月领取高龄津贴。',
    active: true,
  },
  {
    code: 'disability_card',
    name: '残疾人证申领',
    office: '县残疾人联合会',
    materials: ['居民身份证', '户口簿', '近期免冠2寸白底照片3张', '医院病历或诊断证明'],
    timeLimitDays: 20,
    dayKind: 'working',
    handling: 'forward',
    description: '先由村里代为申请，再到指定医院评定残疾等级，县残联审核后发证。',
    active: true,
  },
  {
    code: 'temporary_relief',
    name: '临时救助申请',
    office: '乡镇社会事务办',
    materials: ['居民身份证', '户口簿', '困难情况说明', '医疗费票据等相关证明'],
    timeLimitDays: 10,
    dayKind: 'working',
    handling: 'forward',
    description: '因突发事件、意外事故、重大疾病等导致基本生活暂时困难的家庭可以申请。',
    active: true,
  },
  {
    code: 'minimum_living',
    name: '最低生活保障申请',
    office: '乡镇社会事务办',
    materials: ['家庭成员身份证', '户口簿', '家庭收入和财产情况说明', '授权核对家庭经济状况的承诺书'],
    timeLimitDays: 30,
    dayKind: 'working',
    handling: 'forward',
    description: '家庭人均收入低于当地低保标准、财产符合规定的家庭，以户为单位申请。',
    active: true,
  },
  {
    code: 'one_child_reward',
    name: '独生子女父母奖励',
    office: '乡镇卫生健康办',
    materials: ['夫妻双方身份证', '户口簿', '独生子女父母光荣证'],
    timeLimitDays: 20,
    dayKind: 'working',
    handling: 'forward',
    description: '符合条件的独生子女父母，按规定领取奖励扶助金。',
    active: true,
  },
  {
    code: 'dilapidated_house',
    name: '农村危房改造申请',
    office: '乡镇村镇建设办',
    materials: ['户主身份证', '户口簿', '房屋现状照片', '宅基地或房屋权属证明'],
    timeLimitDays: 30,
    dayKind: 'working',
    handling: 'forward',
    description: '住房经鉴定为危房的低收入农户可以申请改造补助，村里先入户核实。',
    active: true,
  },
]

// ---------- the request's life ----------

export const SERVICE_REQUEST_STATES = [
  'submitted',
  'accepted',
  'forwarded',
  'result_back',
  'done',
  'refused',
  'withdrawn',
] as const
export type ServiceRequestState = (typeof SERVICE_REQUEST_STATES)[number]

export const SERVICE_REQUEST_STATE_LABELS: Record<ServiceRequestState, string> = {
  submitted: '待受理',
  accepted: '已受理',
  forwarded: '已递交办理单位',
  result_back: '结果已取回',
  done: '已办结',
  refused: '未能办理',
  withdrawn: '已撤回',
}

/**
 * The hand-offs staff record (帮办代办), in order: 材料已收取 from the resident (the desk accepts),
 * 已递交 to the office, 结果已取回, 已送达 the resident. A matter the desk handles itself goes from
 * accepted straight to its result.
 */
export const SERVICE_HANDOFFS = ['accept', 'hand_over', 'receive_result', 'deliver'] as const
export type ServiceHandoff = (typeof SERVICE_HANDOFFS)[number]

export const SERVICE_REQUEST_EVENTS = [...SERVICE_HANDOFFS, 'refuse', 'withdraw'] as const
export type ServiceRequestEvent = (typeof SERVICE_REQUEST_EVENTS)[number]

export const SERVICE_EVENT_LABELS: Record<ServiceRequestEvent, string> = {
  accept: '材料已收取',
  hand_over: '已递交办理单位',
  receive_result: '结果已取回',
  deliver: '已送达本人',
  refuse: '未能办理',
  withdraw: '本人撤回',
}

/** What a timeline entry says: the hand-offs, and the request itself and how it ended. */
export type ServiceStepKind = 'submitted' | ServiceRequestEvent

export const SERVICE_STEP_LABELS: Record<ServiceStepKind, string> = {
  submitted: '提交申请',
  ...SERVICE_EVENT_LABELS,
}

/** A desk-handled matter's result is the desk's own: 已办好, not 取回. */
export const serviceStepLabel = (kind: ServiceStepKind, handling: ServiceHandling): string =>
  kind === 'receive_result' && handling === 'desk' ? '已办好' : SERVICE_STEP_LABELS[kind]

const NEXT: Record<ServiceRequestState, Partial<Record<ServiceRequestEvent, ServiceRequestState>>> = {
  submitted: { accept: 'accepted', refuse: 'refused', withdraw: 'withdrawn' },
  accepted: { hand_over: 'forwarded', receive_result: 'result_back', refuse: 'refused' },
  forwarded: { receive_result: 'result_back', refuse: 'refused' },
  result_back: { deliver: 'done' },
  done: {},
  refused: {},
  withdrawn: {},
}

export const SERVICE_CLOSED_STATES: readonly ServiceRequestState[] = ['done', 'refused', 'withdrawn']

function refusal(state: ServiceRequestState, event: ServiceRequestEvent): ErrorCode {
  if (SERVICE_CLOSED_STATES.includes(state)) return 'SERVICE_REQUEST_CLOSED'
  if (event === 'withdraw') return 'SERVICE_WITHDRAW_AFTER_ACCEPT'
  return 'SERVICE_WRONG_STEP'
}

/**
 * The request's state machine. `handling` says whether the matter is carried to an office: one the
 * desk handles itself is never handed over, and one that is carried gets its result only from the office.
 */
export function transition(
  state: ServiceRequestState,
  event: ServiceRequestEvent,
  handling: ServiceHandling = 'forward',
): { ok: true; next: ServiceRequestState } | { ok: false; code: ErrorCode } {
  if (state === 'accepted' && handling === 'desk' && event === 'hand_over')
    return { ok: false, code: 'SERVICE_HANDLED_AT_DESK' }
  if (state === 'accepted' && handling === 'forward' && event === 'receive_result')
    return { ok: false, code: 'SERVICE_WRONG_STEP' }
  const next = NEXT[state][event]
  return next ? { ok: true, next } : { ok: false, code: refusal(state, event) }
}

/** The events a request in this state takes, for the buttons a page shows. */
export const serviceEventsFrom = (
  state: ServiceRequestState,
  handling: ServiceHandling,
): ServiceRequestEvent[] => SERVICE_REQUEST_EVENTS.filter((e) => transition(state, e, handling).ok)

// ---------- time limits ----------

/** Monday to Friday; public holidays and their make-up days are not modelled (a county sets calendar days where that matters). */
export const isWorkingDay = (day: IsoDate): boolean => {
  const wd = new Date(`${day}T00:00:00.000Z`).getUTCDay()
  return wd !== 0 && wd !== 6
}

/**
 * The last day of a time limit counted from the day a request was filed (Beijing time): the
 * filing day itself is not counted, as with any administrative time limit.
 */
export function serviceDueOn(filedAt: Date, days: number, kind: ServiceDayKind): IsoDate {
  let day = beijingDate(filedAt)
  if (kind === 'calendar') return addIsoDays(day, days)
  let left = days
  while (left > 0) {
    day = addIsoDays(day, 1)
    if (isWorkingDay(day)) left--
  }
  return day
}

/** Still open after the end of its last day (Beijing). A closed request is never overdue. */
export const isServiceOverdue = (r: { state: ServiceRequestState; dueOn: IsoDate }, now: Date): boolean =>
  !SERVICE_CLOSED_STATES.includes(r.state) && now.getTime() >= beijingDayEnd(r.dueOn).getTime()

/** Average days from filing to 办结, to one decimal; null when none is done. */
export function averageDays(durationsMs: readonly number[]): number | null {
  if (durationsMs.length === 0) return null
  const total = durationsMs.reduce((a, b) => a + b, 0)
  return Math.round(total / durationsMs.length / 8_640_000) / 10
}

// ---------- requests (API bodies) ----------

export const serviceRequestCreateSchema = z.object({
  itemCode: serviceItemCodeSchema,
  /** the catalogue's materials the resident ticked as brought */
  materials: z.array(z.string().max(SERVICE_LIMITS.material)).max(SERVICE_LIMITS.maxMaterials).default([]),
  note: optionalText('备注', SERVICE_LIMITS.note),
  photoIds: z
    .array(z.number().int().positive())
    .max(SERVICE_LIMITS.maxPhotos, `最多 ${SERVICE_LIMITS.maxPhotos} 张照片`)
    .refine((ids) => new Set(ids).size === ids.length, '同一张照片放了两次')
    .default([]),
  /** 代办: filed for this resident, with their consent */
  onBehalf: onBehalfSchema.optional(),
})
export type ServiceRequestCreateRequest = z.input<typeof serviceRequestCreateSchema>
export type ServiceRequestCreate = z.infer<typeof serviceRequestCreateSchema>

/** Ticked materials must be the item's own; an unknown one is a stale page. */
export const materialsRule = (item: { materials: readonly string[] }, ticked: readonly string[]): boolean =>
  new Set(ticked).size === ticked.length && ticked.every((m) => item.materials.includes(m))

export const serviceHandoffSchema = z
  .object({
    kind: z.enum(SERVICE_HANDOFFS),
    /** 已递交: the office it went to (the catalogue's by default) */
    office: z.string().trim().max(SERVICE_LIMITS.office).default(''),
    /** 已递交: who received it there */
    receiver: z.string().trim().max(SERVICE_LIMITS.receiver).default(''),
    note: optionalText('备注', SERVICE_LIMITS.note),
    /** a photo of the receipt (回执) */
    photoId: z.number().int().positive().nullable().default(null),
  })
  .refine((h) => h.kind !== 'hand_over' || h.receiver !== '', {
    message: '请填写办理单位的接收人',
    path: ['receiver'],
  })
export type ServiceHandoffRequest = z.input<typeof serviceHandoffSchema>
export type ServiceHandoffBody = z.infer<typeof serviceHandoffSchema>

export const serviceRefuseSchema = z.object({ reason: text('原因', SERVICE_LIMITS.reason) })
export type ServiceRefuseRequest = z.infer<typeof serviceRefuseSchema>

export const serviceQueueQuerySchema = z.object({
  state: z.enum(SERVICE_REQUEST_STATES).optional(),
  overdue: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
})
export type ServiceQueueQuery = z.input<typeof serviceQueueQuerySchema>

export const serviceStatsQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
})

// ---------- answers ----------

export interface ServiceStep {
  kind: ServiceStepKind
  label: string
  at: string
  byName: string
  office: string | null
  receiver: string | null
  note: string | null
  /** a signed link to the receipt's photo */
  photoUrl: string | null
}

export interface ServiceRequestSummary {
  id: number
  itemCode: string
  itemName: string
  residentName: string
  state: ServiceRequestState
  dueOn: IsoDate
  overdue: boolean
  submittedAt: string
}

export interface ServiceRequestView extends ServiceRequestSummary {
  office: string
  handling: ServiceHandling
  timeLimitDays: number
  dayKind: ServiceDayKind
  /** every material the catalogue asked for, and whether it was brought */
  materials: { name: string; brought: boolean }[]
  note: string
  /** signed links to the resident's photos */
  photoUrls: string[]
  proxy: ProxyLine | null
  refuseReason: string | null
  steps: ServiceStep[]
  /** what the caller may do now */
  actions: ServiceRequestEvent[]
}

export interface ServiceStatsRow {
  villageId: number
  villageName: string
  itemCode: string
  itemName: string
  requested: number
  done: number
  overdue: number
  /** days from filing to 办结, one decimal; null when none is done */
  averageDays: number | null
}

export interface ServiceStats {
  townshipId: number
  year: number
  rows: ServiceStatsRow[]
}

/** Where the inbox links point: one detail page, whose actions follow who opens it. */
export const SERVICE_PAGES = { detail: '/subpackages/service/pages/detail/index' } as const
export const servicePage = (id: number, villageId: number): string =>
  `${SERVICE_PAGES.detail}?id=${id}&villageId=${villageId}`

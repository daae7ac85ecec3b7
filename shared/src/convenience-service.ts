/**
 * 便民服务 (一门式 / 一站式): the village desk takes a resident's request for a service of a higher
 * office (social and medical insurance, elderly allowance, disability card…), handles it itself or
 * carries the papers to the township (帮办代办), records each hand-off and brings the result back.
 * The catalogue of services is data per county; these are the rules both sides agree on.
 */
import { z } from 'zod'
import type { ErrorCode } from './errors'
import { addIsoDays, beijingDate, beijingDayEnd, type IsoDate } from './notice'

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
/** Trimmed text of at most `max` characters, required; a villager's sentence when it is missing or long. */
export const serviceText = (what: string, max: number) =>
  z
    .string({ required_error: `请填写${what}` })
    .transform((s) => s.trim().replace(/\s+/g, ' '))
    .pipe(
      z
        .string()
        .min(1, `请填写${what}`)
        .refine((s) => chars(s) <= max, `${what}最多 ${max} 个字`),
    )
export const serviceOptionalText = (what: string, max: number) =>
  z
    .string()
    .default('')
    .transform((s) => s.trim())
    .refine((s) => chars(s) <= max, `${what}最多 ${max} 个字`)

/** A service as a county lists it: who handles it, what to bring, how long it takes. */
export const serviceItemSchema = z.object({
  name: serviceText('事项名称', SERVICE_LIMITS.name),
  /** the office that decides it, e.g. 乡镇社会事务办, 县医保局 */
  office: serviceText('办理单位', SERVICE_LIMITS.office),
  materials: z
    .array(serviceText('材料', SERVICE_LIMITS.material))
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
  description: serviceOptionalText('说明', SERVICE_LIMITS.description),
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

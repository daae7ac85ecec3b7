/** 便民服务: what the API takes and answers (the rules are in convenience-service.ts). */
import { z } from 'zod'
import {
  SERVICE_HANDOFFS,
  SERVICE_LIMITS,
  SERVICE_REQUEST_STATES,
  serviceItemCodeSchema,
  serviceOptionalText,
  serviceText,
  type ServiceDayKind,
  type ServiceHandling,
  type ServiceRequestEvent,
  type ServiceRequestState,
  type ServiceStepKind,
} from './convenience-service'
import type { IsoDate } from './notice'
import type { ProxyLine } from './proxy'
import { onBehalfSchema } from './proxy-schemas'

// ---------- requests (API bodies) ----------

export const serviceRequestCreateSchema = z.object({
  itemCode: serviceItemCodeSchema,
  /** the catalogue's materials the resident ticked as brought */
  materials: z.array(z.string().max(SERVICE_LIMITS.material)).max(SERVICE_LIMITS.maxMaterials).default([]),
  note: serviceOptionalText('备注', SERVICE_LIMITS.note),
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
    note: serviceOptionalText('备注', SERVICE_LIMITS.note),
    /** a photo of the receipt (回执) */
    photoId: z.number().int().positive().nullable().default(null),
  })
  .refine((h) => h.kind !== 'hand_over' || h.receiver !== '', {
    message: '请填写办理单位的接收人',
    path: ['receiver'],
  })
export type ServiceHandoffRequest = z.input<typeof serviceHandoffSchema>
export type ServiceHandoffBody = z.infer<typeof serviceHandoffSchema>

export const serviceRefuseSchema = z.object({ reason: serviceText('原因', SERVICE_LIMITS.reason) })
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

import { z } from 'zod'
import type { ProxyLine } from '../proxy'
import type { NegativeListAnswer } from './catalogue'
import { isIsoDate, type CertificateField } from './fields'
import type { CertificateCommitment } from './positive-list'
import { CERTIFICATE_REQUEST_STATES, type CertificateRequestState } from './certificate'

/** What the certificates API answers, and the queries it reads; the server and the miniapp both use these. */

export interface CatalogueItemView {
  code: string
  name: string
  aliases: string[]
  legalBasis: string
  purpose: string
  materials: string[]
  fields: CertificateField[]
  timeLimitDays: number
  commitment: CertificateCommitment
}

export interface CatalogueView {
  positive: CatalogueItemView[]
  negative: NegativeListAnswer[]
  notes: { source: 'region' | 'village'; itemCode: string; problem: string }[]
}

export type CatalogueSearchHit =
  | { kind: 'positive'; matched: string; item: CatalogueItemView }
  | { kind: 'negative'; matched: string; answer: NegativeListAnswer }

export interface CertificateRequestView {
  id: number
  villageId: number
  itemCode: string
  itemName: string
  purpose: string
  fields: Record<string, string>
  materials: { id: number; url: string }[]
  copies: number
  state: CertificateRequestState
  stateLabel: string
  dueAt: string | null
  overdue: boolean
  infoRequest: string | null
  refuseReason: string | null
  decidedByName: string | null
  decidedAt: string | null
  number: string | null
  /** shown to the holder and the committee only, as printed: K7QM-3XPA */
  verificationCode: string | null
  verificationUrl: string | null
  issuedAt: string | null
  revokedAt: string | null
  revokeReason: string | null
  applicantName: string
  /** so a committee member's app can leave out 同意 on their own request (the server refuses it anyway) */
  applicantAccountId: number | null
  /** 代办人, when someone applied for the applicant */
  proxy: ProxyLine | null
  createdAt: string
  /** the API path of the PDF, once issued */
  pdfPath: string | null
}

/** What an admin edits: the stored changes of the village and of its region, as saved, and the result. */
export interface CatalogueOverrides {
  /** VillageSettings.certificateRegion, or 'default' */
  region: string
  regionOverride: unknown
  villageOverride: unknown
  catalogue: CatalogueView
}

export interface CertificateStats {
  townshipId: number
  year: number
  villages: {
    villageId: number
    villageName: string
    issued: number
    revoked: number
    items: { itemCode: string; itemName: string; issued: number; revoked: number }[]
  }[]
  items: { itemCode: string; itemName: string; issued: number; revoked: number }[]
}

export const certificateQueueQuerySchema = z.object({
  status: z.enum(CERTIFICATE_REQUEST_STATES).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})
export type CertificateQueueQuery = z.infer<typeof certificateQueueQuerySchema>

const day = z.string().refine(isIsoDate, '日期要写成 2026-01-31 的样子')
export const sealRegisterQuerySchema = z
  .object({ from: day, to: day })
  .refine((q) => q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['to'] })
export type SealRegisterQuery = z.infer<typeof sealRegisterQuerySchema>

/**
 * A catalogue change as sent: the server checks it against villageOverrideSchema or regionOverrideSchema
 * and the region's list, and answers CERTIFICATE_CATALOGUE_INVALID naming each problem, so it is taken
 * here as it comes.
 */
export const catalogueOverrideBodySchema = z
  .unknown()
  .describe(
    '对证明清单的调整：本村为 { remove: 事项编码[], timeLimitDays: { 事项编码: 天数 } }，地区另可 add 事项；不合规时回答 CERTIFICATE_CATALOGUE_INVALID 并逐项说明',
  )

export const catalogueSearchQuerySchema = z.object({ q: z.string().trim().min(1).max(50) })

export const certificateStatsQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(9999),
})

/** The miniapp pages a notification about a request opens (the app's routes test checks they exist). */
export const CERTIFICATE_PAGES = {
  resident: '/subpackages/certificate/pages/detail/index',
  committee: '/subpackages/committee/pages/certificate/index',
} as const
export const certificatePage = (
  audience: keyof typeof CERTIFICATE_PAGES,
  id: number,
  villageId: number,
): string => `${CERTIFICATE_PAGES[audience]}?id=${id}&villageId=${villageId}`

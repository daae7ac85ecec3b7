/**
 * A certificate request (证明申请) from submission to a numbered certificate, and the rules around it:
 * who may decide, time limits, the seal-use register (用印登记).
 */
import { z } from 'zod'
import type { ErrorCode } from '../errors'
import { addDays } from '../grievance'
import { maskPhone, normalizePhone } from '../identity'
import { COMMITTEE_ROLES, type Role } from '../roles'
import { itemCodeSchema } from './positive-list'
import { onBehalfSchema } from '../proxy-schemas'

// ---------- the request's life ----------

export const CERTIFICATE_REQUEST_STATES = [
  'submitted',
  'more_info_requested',
  'resubmitted',
  'approved',
  'refused',
  'issued',
  'revoked',
  'withdrawn',
] as const
export type CertificateRequestState = (typeof CERTIFICATE_REQUEST_STATES)[number]

export const CERTIFICATE_REQUEST_EVENTS = [
  'approve',
  'refuse',
  'request_info',
  'resubmit',
  'withdraw',
  'issue',
  'revoke',
] as const
export type CertificateRequestEvent = (typeof CERTIFICATE_REQUEST_EVENTS)[number]

export const CERTIFICATE_REQUEST_STATE_LABELS: Record<CertificateRequestState, string> = {
  submitted: '待审核',
  more_info_requested: '待补充材料',
  resubmitted: '已补充，待审核',
  approved: '已同意，待出具',
  refused: '不予出具',
  issued: '已出具',
  revoked: '已作废',
  withdrawn: '已撤回',
}

export const CERTIFICATE_REQUEST_EVENT_LABELS: Record<CertificateRequestEvent, string> = {
  approve: '同意出具',
  refuse: '不予出具',
  request_info: '要求补充材料',
  resubmit: '补充后重新提交',
  withdraw: '撤回申请',
  issue: '出具证明',
  revoke: '作废证明',
}

/** Who moves a request on each event: the applicant, or a committee member who passes `canApprove`. */
export const CERTIFICATE_EVENT_ACTORS: Record<CertificateRequestEvent, 'applicant' | 'committee'> = {
  approve: 'committee',
  refuse: 'committee',
  request_info: 'committee',
  resubmit: 'applicant',
  withdraw: 'applicant',
  issue: 'committee',
  revoke: 'committee',
}

const NEXT: Record<
  CertificateRequestState,
  Partial<Record<CertificateRequestEvent, CertificateRequestState>>
> = {
  submitted: {
    approve: 'approved',
    refuse: 'refused',
    request_info: 'more_info_requested',
    withdraw: 'withdrawn',
  },
  more_info_requested: { resubmit: 'resubmitted', withdraw: 'withdrawn' },
  resubmitted: {
    approve: 'approved',
    refuse: 'refused',
    request_info: 'more_info_requested',
    withdraw: 'withdrawn',
  },
  // numbering happens on issue; the server may approve and issue in one transaction
  approved: { issue: 'issued' },
  issued: { revoke: 'revoked' },
  refused: {},
  revoked: {},
  withdrawn: {},
}

const DECIDED: readonly CertificateRequestState[] = ['approved', 'issued', 'revoked']

function refusal(state: CertificateRequestState, event: CertificateRequestEvent): ErrorCode {
  if (state === 'withdrawn') return 'CERTIFICATE_REQUEST_WITHDRAWN'
  switch (event) {
    case 'approve':
    case 'refuse':
    case 'request_info':
    case 'withdraw':
      if (state === 'more_info_requested') return 'CERTIFICATE_AWAITING_MORE_INFO'
      return DECIDED.includes(state) ? 'CERTIFICATE_ALREADY_APPROVED' : 'CERTIFICATE_ALREADY_DECIDED'
    case 'resubmit':
      return state === 'submitted' || state === 'resubmitted'
        ? 'CERTIFICATE_NOT_AWAITING_INFO'
        : 'CERTIFICATE_ALREADY_DECIDED'
    case 'issue':
      return state === 'issued' || state === 'revoked'
        ? 'CERTIFICATE_ALREADY_ISSUED'
        : 'CERTIFICATE_NOT_APPROVED'
    case 'revoke':
      return state === 'revoked' ? 'CERTIFICATE_ALREADY_REVOKED' : 'CERTIFICATE_NOT_ISSUED'
  }
}

export function transitionCertificateRequest(
  state: CertificateRequestState,
  event: CertificateRequestEvent,
): { ok: true; next: CertificateRequestState } | { ok: false; code: ErrorCode } {
  const next = NEXT[state][event]
  return next ? { ok: true, next } : { ok: false, code: refusal(state, event) }
}

/** The events a request in this state accepts, e.g. to decide which buttons a page shows. */
export const certificateEventsFrom = (state: CertificateRequestState): CertificateRequestEvent[] =>
  CERTIFICATE_REQUEST_EVENTS.filter((e) => NEXT[state][e] !== undefined)

// ---------- who may decide ----------

/**
 * 临聘人员 / 网格员 who help at the office hold no committee role, but a village may record them, and
 * the rule is explicit: they never approve or issue, whatever else they are marked as.
 */
/**
 * The body that issues a certificate, named in full as the certificate must name it: a village's
 * 村民委员会 (柳林村村民委员会), a community's 居民委员会 (新华社区居民委员会), never the place alone.
 */
export const issuingBodyName = (kind: 'village' | 'community' | string, name: string): string =>
  `${name}${kind === 'community' ? '居民委员会' : '村民委员会'}`

export const TEMPORARY_STAFF_ROLE = 'temporary_staff'
export type ApproverRole = Role | typeof TEMPORARY_STAFF_ROLE

export interface ApprovalContext {
  /** the roles the person holds in the request's village (the server checks the village first) */
  approverRoles: readonly ApproverRole[]
  approverAccountId: number | string
  /** null: applied for (代办) by someone for a resident who has no account yet */
  applicantAccountId: number | string | null
  /** 代办: whoever applied for the resident may not approve it either */
  proxyAccountId?: number | string | null
}

/**
 * A committee member or the party secretary may approve, refuse, ask for more, issue or revoke; temporary
 * staff may not; nobody decides their own request.
 */
export function canApprove(ctx: ApprovalContext): { ok: true } | { ok: false; code: ErrorCode } {
  if (ctx.approverRoles.includes(TEMPORARY_STAFF_ROLE))
    return { ok: false, code: 'CERTIFICATE_APPROVER_NOT_ALLOWED' }
  if (!ctx.approverRoles.some((r) => (COMMITTEE_ROLES as readonly string[]).includes(r)))
    return { ok: false, code: 'CERTIFICATE_APPROVER_NOT_ALLOWED' }
  if (String(ctx.approverAccountId) === String(ctx.applicantAccountId))
    return { ok: false, code: 'CERTIFICATE_OWN_REQUEST' }
  if (ctx.proxyAccountId != null && String(ctx.approverAccountId) === String(ctx.proxyAccountId))
    return { ok: false, code: 'CERTIFICATE_PROXY_OWN_FILING' }
  return { ok: true }
}

// ---------- time limits ----------

/**
 * The clock runs while the committee owes the next step: from submission (or resubmission) until the
 * certificate is issued or refused. While the applicant gathers more material it stops; resubmitting
 * starts a fresh limit, since the committee checks the whole request again.
 */
export const CERTIFICATE_DEADLINE_STATES: readonly CertificateRequestState[] = [
  'submitted',
  'resubmitted',
  'approved',
]

export const certificateDeadline = (from: Date, timeLimitDays: number): Date => addDays(from, timeLimitDays)

/** The deadline a request carries after an event at `at`; `current` is the one it had before. */
export function certificateDeadlineAfter(
  event: CertificateRequestEvent,
  at: Date,
  current: Date | null,
  timeLimitDays: number,
): Date | null {
  switch (event) {
    case 'resubmit':
      return certificateDeadline(at, timeLimitDays)
    case 'approve':
      return current
    case 'refuse':
    case 'request_info':
    case 'withdraw':
    case 'issue':
    case 'revoke':
      return null
  }
}

export function isCertificateRequestOverdue(
  r: { state: CertificateRequestState; dueAt: Date | string | null },
  now: Date,
): boolean {
  if (!CERTIFICATE_DEADLINE_STATES.includes(r.state) || r.dueAt === null) return false
  return now.getTime() > new Date(r.dueAt).getTime()
}

// ---------- requests (API bodies) ----------

const nonBlank = (what: string, max: number) =>
  z
    .string({ required_error: `请填写${what}` })
    .trim()
    .min(1, `请填写${what}`)
    .max(max, `${what}最多 ${max} 个字`)

export const MAX_CERTIFICATE_MATERIALS = 9
export const MAX_CERTIFICATE_COPIES = 5

const materialIds = z
  .array(z.number().int().positive())
  .max(MAX_CERTIFICATE_MATERIALS, `最多只能放 ${MAX_CERTIFICATE_MATERIALS} 份材料`)
  .refine((ids) => new Set(ids).size === ids.length, '同一份材料放了两次')
  .default([])

/** Checked against the item's form by `validateCertificateFields` once the item is known. */
const fieldValues = z.record(z.string().max(32), z.union([z.string().max(500), z.number()])).default({})

export const certificateRequestCreateSchema = z.object({
  itemCode: itemCodeSchema,
  /** what the resident needs it for, e.g. 孩子上小学报名 */
  purpose: nonBlank('用途', 100),
  fields: fieldValues,
  materialIds,
  copies: z
    .number()
    .int()
    .min(1, '至少 1 份')
    .max(MAX_CERTIFICATE_COPIES, `最多 ${MAX_CERTIFICATE_COPIES} 份`)
    .default(1),
  /** 代办: applied for this resident, with their consent */
  onBehalf: onBehalfSchema.optional(),
})
export type CertificateRequestCreateRequest = z.input<typeof certificateRequestCreateSchema>
export type CertificateRequestCreate = z.infer<typeof certificateRequestCreateSchema>

export const certificateResubmitSchema = z.object({
  fields: fieldValues,
  materialIds,
  note: z.string().trim().max(200, '说明最多 200 个字').default(''),
})
export type CertificateResubmitRequest = z.input<typeof certificateResubmitSchema>
export type CertificateResubmit = z.infer<typeof certificateResubmitSchema>

export const certificateRefuseSchema = z.object({ reason: nonBlank('不予出具的原因', 200) })
export type CertificateRefuseRequest = z.infer<typeof certificateRefuseSchema>

export const certificateRequestInfoSchema = z.object({ message: nonBlank('需要补充的内容', 200) })
export type CertificateRequestInfoRequest = z.infer<typeof certificateRequestInfoSchema>

export const certificateRevokeSchema = z.object({ reason: nonBlank('作废的原因', 200) })
export type CertificateRevokeRequest = z.infer<typeof certificateRevokeSchema>

// ---------- the seal-use register ----------

/** 用印登记: one line per issuance, as the paper register has it. */
export interface SealUseEntry {
  /** ISO time of use */
  at: string
  certificateNumber: string
  itemCode: string
  itemName: string
  copies: number
  approverName: string
  /** 经办人: who printed and stamped it */
  handlerName: string
  applicantName: string
  /** 138****1234: the register is read by many; the full number stays with the request */
  applicantPhoneMasked: string
}

export function sealUseEntry(
  e: Omit<SealUseEntry, 'at' | 'applicantPhoneMasked'> & { at: Date; applicantPhone: string },
): SealUseEntry {
  return {
    at: e.at.toISOString(),
    certificateNumber: e.certificateNumber,
    itemCode: e.itemCode,
    itemName: e.itemName,
    copies: e.copies,
    approverName: e.approverName,
    handlerName: e.handlerName,
    applicantName: e.applicantName,
    applicantPhoneMasked: maskPhone(normalizePhone(e.applicantPhone)),
  }
}

/** Column headings of the register export, in order. */
export const SEAL_USE_COLUMNS: readonly { key: keyof SealUseEntry; label: string }[] = [
  { key: 'at', label: '用印时间' },
  { key: 'certificateNumber', label: '证明编号' },
  { key: 'itemName', label: '证明事项' },
  { key: 'copies', label: '份数' },
  { key: 'approverName', label: '审批人' },
  { key: 'handlerName', label: '经办人' },
  { key: 'applicantName', label: '申请人' },
  { key: 'applicantPhoneMasked', label: '联系电话' },
]

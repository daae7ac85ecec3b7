/**
 * 开证明 in the app: checking a request before it is sent, the steps a request went through, the
 * committee's filters, the register's date range and the public check link. The rules themselves
 * (which fields, what counts as valid) come from `@xiangli/shared`; this only turns them into what a
 * page shows.
 */
import {
  CERTIFICATE_REQUEST_STATE_LABELS,
  certificateRequestCreateSchema,
  chinaDate,
  validateCertificateFields,
  type CatalogueItemView,
  type CertificateField,
  type CertificateRequestCreateRequest,
  type CertificateRequestState,
  type CertificateRequestView,
} from '@xiangli/shared'
import type { StateTone } from '@/components/StateTag'
import { photoProblem, uploadedIds, type DraftPhoto } from '@/logic/photoDraft'

export interface CertificateDraft {
  purpose: string
  /** what the person typed or chose, by field key */
  fields: Record<string, string>
  materials: DraftPhoto[]
}

/** keys: `purpose`, `materials`, or a field's key */
export type CertificateDraftErrors = Partial<Record<string, string>>

export const emptyCertificateDraft = (): CertificateDraft => ({ purpose: '', fields: {}, materials: [] })

/** What to say under one field when shared's validator refuses it. */
export function fieldProblem(field: CertificateField, value: string, now: Date = new Date()): string | null {
  const check = validateCertificateFields([field], { [field.key]: value }, now)
  if (check.ok) return null
  if (check.code === 'CERTIFICATE_FIELD_MISSING') return `请填写${field.label}`
  switch (field.kind) {
    case 'date':
      return '请按 2026-01-31 的样子填写日期'
    case 'number':
      return field.min !== undefined || field.max !== undefined
        ? `请填写 ${field.min ?? ''}～${field.max ?? ''} 之间的数字`
        : '请填写数字'
    case 'select':
      return '请从选项里选一个'
    case 'idNumber':
      return '身份证号不对，请核对一下'
    case 'phone':
      return '手机号不对，请核对一下'
    case 'text':
      return `最多 ${field.maxLength ?? 100} 个字`
  }
}

export type CertificateDraftCheck =
  { ok: true; value: CertificateRequestCreateRequest } | { ok: false; errors: CertificateDraftErrors }

/** Everything the server would refuse, said next to the field it is about, before anything is sent. */
export function validateCertificateDraft(
  item: Pick<CatalogueItemView, 'code' | 'fields'>,
  draft: CertificateDraft,
  now: Date = new Date(),
): CertificateDraftCheck {
  const errors: CertificateDraftErrors = {}
  for (const field of item.fields) {
    const problem = fieldProblem(field, draft.fields[field.key] ?? '', now)
    if (problem) errors[field.key] = problem
  }
  const purpose = certificateRequestCreateSchema.shape.purpose.safeParse(draft.purpose)
  if (!purpose.success) errors.purpose = purpose.error.issues[0]?.message ?? '请写明用途'
  const materials = photoProblem(draft.materials)
  if (materials) errors.materials = materials.replace('照片', '材料照片')
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  const fields: Record<string, string> = {}
  for (const field of item.fields) {
    const value = (draft.fields[field.key] ?? '').trim()
    if (value) fields[field.key] = value
  }
  return {
    ok: true,
    value: {
      itemCode: item.code,
      purpose: draft.purpose.trim(),
      fields,
      materialIds: uploadedIds(draft.materials),
      copies: 1,
    },
  }
}

const BUILT_IN_PLACEHOLDERS: Record<string, string> = { name: '姓名', idNumber: '身份证号', village: '本村' }

/** The 告知承诺 text as a resident reads it: blanks named after what goes in them, not {{placeholders}}. */
export function commitmentPreview(text: string, fields: readonly CertificateField[]): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const label = fields.find((f) => f.key === key)?.label ?? BUILT_IN_PLACEHOLDERS[key]
    return label ? `【${label}】` : '＿＿'
  })
}

export interface CertificateStep {
  title: string
  at: string
  text: string | null
}

/** The steps of a request, oldest first, from what the request view carries. */
export function certificateSteps(r: CertificateRequestView): CertificateStep[] {
  const steps: CertificateStep[] = [
    { title: `${r.applicantName} 提交申请`, at: r.createdAt, text: r.purpose },
  ]
  const by = r.decidedByName ? `${r.decidedByName} ` : ''
  if (r.infoRequest && r.decidedAt && (r.state === 'more_info_requested' || r.state === 'resubmitted'))
    steps.push({ title: `${by}请您补充材料`, at: r.decidedAt, text: r.infoRequest })
  if (r.state === 'refused' && r.decidedAt)
    steps.push({ title: `${by}不予出具`, at: r.decidedAt, text: r.refuseReason })
  if (r.issuedAt && r.number)
    steps.push({ title: `${by}同意，已出具`, at: r.issuedAt, text: `证明编号 ${r.number}` })
  if (r.revokedAt) steps.push({ title: '证明已作废', at: r.revokedAt, text: r.revokeReason })
  if (r.state === 'withdrawn') steps.push({ title: '已撤回', at: r.decidedAt ?? r.createdAt, text: null })
  return steps
}

export function certificateStateTone(state: CertificateRequestState): StateTone {
  switch (state) {
    case 'submitted':
    case 'resubmitted':
      return 'working'
    case 'more_info_requested':
      return 'waiting'
    case 'approved':
    case 'issued':
      return 'done'
    case 'refused':
    case 'revoked':
    case 'withdrawn':
      return 'stopped'
  }
}

/** What the resident may do with their own request now. */
export function residentActions(r: Pick<CertificateRequestView, 'state'>): {
  resubmit: boolean
  withdraw: boolean
  download: boolean
} {
  return {
    resubmit: r.state === 'more_info_requested',
    withdraw: r.state === 'submitted' || r.state === 'more_info_requested' || r.state === 'resubmitted',
    download: r.state === 'issued',
  }
}

/** What a committee member may do; never 同意 on their own request (the server refuses it too). */
export function committeeActions(
  r: Pick<CertificateRequestView, 'state' | 'applicantAccountId'>,
  accountId: number,
): { approve: boolean; refuse: boolean; askForMore: boolean; revoke: boolean } {
  const open = r.state === 'submitted' || r.state === 'resubmitted'
  return {
    approve: open && r.applicantAccountId !== accountId,
    refuse: open,
    askForMore: open,
    revoke: r.state === 'issued',
  }
}

export type QueueFilter =
  'submitted' | 'resubmitted' | 'overdue' | 'more_info_requested' | 'issued' | 'refused' | 'all'

export const QUEUE_FILTERS: readonly { value: QueueFilter; label: string }[] = [
  { value: 'submitted', label: '待审核' },
  { value: 'resubmitted', label: '已补充' },
  { value: 'overdue', label: '已超时' },
  { value: 'more_info_requested', label: '待补充' },
  { value: 'issued', label: '已出具' },
  { value: 'refused', label: '不予出具' },
  { value: 'all', label: '全部' },
]

/** The queue's query for a filter chip (the flag as the query string carries it). */
export function queueQuery(filter: QueueFilter): { status?: CertificateRequestState; overdue?: 'true' } {
  switch (filter) {
    case 'overdue':
      return { overdue: 'true' }
    case 'all':
      return {}
    case 'submitted':
    case 'resubmitted':
    case 'more_info_requested':
    case 'issued':
    case 'refused':
      return { status: filter }
  }
}

export const stateLabel = (s: CertificateRequestState): string => CERTIFICATE_REQUEST_STATE_LABELS[s]

/** 用印登记 opens on this month so far (China dates). */
export function defaultRegisterRange(now: Date = new Date()): { from: string; to: string } {
  const to = chinaDate(now)
  return { from: `${to.slice(0, 8)}01`, to }
}

export { checkParams, checkVerdict } from './check'

/**
 * The form a resident fills for one certificate item. A small typed schema instead of free JSON so the
 * miniapp can draw the form and the server can check it with the same rules.
 */
import { z } from 'zod'
import type { ErrorCode } from '../errors'
import { isRealDate, isValidPhone, normalizePhone, parseIdNumber } from '../identity'

export const CERTIFICATE_FIELD_KINDS = ['text', 'date', 'number', 'select', 'idNumber', 'phone'] as const
export type CertificateFieldKind = (typeof CERTIFICATE_FIELD_KINDS)[number]

export const CERTIFICATE_FIELD_KIND_LABELS: Record<CertificateFieldKind, string> = {
  text: '文字',
  date: '日期',
  number: '数字',
  select: '选择',
  idNumber: '身份证号',
  phone: '手机号',
}

/** Text without a maxLength may be this long: enough for an address, too short for an essay. */
export const DEFAULT_TEXT_MAX_LENGTH = 100

/** camelCase, so a key reads well in a template placeholder: {{residentSince}} */
export const FIELD_KEY_PATTERN = /^[a-z][a-zA-Z0-9]{0,31}$/

export const certificateFieldSchema = z
  .object({
    key: z.string().regex(FIELD_KEY_PATTERN, '字段名只能用英文字母和数字，以小写字母开头'),
    label: z.string().trim().min(1, '请填写字段名称').max(30),
    kind: z.enum(CERTIFICATE_FIELD_KINDS),
    required: z.boolean(),
    /** the choices of a select, in the order shown */
    options: z.array(z.string().trim().min(1).max(30)).min(2).max(20).optional(),
    /** text only */
    maxLength: z.number().int().min(1).max(500).optional(),
    /** number only */
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().optional(),
    /** a short hint under the input */
    hint: z.string().trim().max(60).optional(),
  })
  .superRefine((f, ctx) => {
    if ((f.kind === 'select') !== (f.options !== undefined))
      ctx.addIssue({ code: 'custom', message: '只有选择题要填写选项，选择题必须有选项' })
    if (f.options && new Set(f.options).size !== f.options.length)
      ctx.addIssue({ code: 'custom', message: '选项重复了' })
    if (f.maxLength !== undefined && f.kind !== 'text')
      ctx.addIssue({ code: 'custom', message: '只有文字可以限制长度' })
    if ((f.min !== undefined || f.max !== undefined || f.integer !== undefined) && f.kind !== 'number')
      ctx.addIssue({ code: 'custom', message: '只有数字可以设置范围' })
    if (f.min !== undefined && f.max !== undefined && f.min > f.max)
      ctx.addIssue({ code: 'custom', message: '最小值不能大于最大值' })
  })
export type CertificateField = z.infer<typeof certificateFieldSchema>

/** What a client sends for the fields: strings, and numbers for number fields. */
export type CertificateFieldInput = Record<string, unknown>
/** What the server keeps after checking: every present value as a trimmed, canonical string. */
export type CertificateFieldValues = Record<string, string>

export type FieldCheck =
  { ok: true; values: CertificateFieldValues } | { ok: false; code: ErrorCode; field: string; label: string }

const NUMBER_TEXT = /^-?\d+(\.\d+)?$/
const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/

export function isIsoDate(value: string): boolean {
  const m = DATE_TEXT.exec(value)
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))
}

type One = { ok: true; value: string } | { ok: false; code: ErrorCode }

function checkOne(field: CertificateField, raw: string | number, now: Date): One {
  const invalid: One = { ok: false, code: 'CERTIFICATE_FIELD_INVALID' }
  switch (field.kind) {
    case 'number': {
      const text = typeof raw === 'number' ? String(raw) : raw
      if (!NUMBER_TEXT.test(text)) return invalid
      const n = Number(text)
      if (!Number.isFinite(n)) return invalid
      if (field.integer && !Number.isInteger(n)) return invalid
      if (field.min !== undefined && n < field.min) return invalid
      if (field.max !== undefined && n > field.max) return invalid
      return { ok: true, value: String(n) }
    }
    case 'text':
    case 'date':
    case 'select':
    case 'idNumber':
    case 'phone':
      break
  }
  if (typeof raw !== 'string') return invalid
  switch (field.kind) {
    case 'text':
      return raw.length <= (field.maxLength ?? DEFAULT_TEXT_MAX_LENGTH) ? { ok: true, value: raw } : invalid
    case 'date':
      return isIsoDate(raw) ? { ok: true, value: raw } : invalid
    case 'select':
      return field.options?.includes(raw) ? { ok: true, value: raw } : invalid
    case 'idNumber': {
      const parsed = parseIdNumber(raw, now)
      return 'problem' in parsed
        ? { ok: false, code: 'ID_NUMBER_INVALID' }
        : { ok: true, value: parsed.value }
    }
    case 'phone':
      return isValidPhone(raw)
        ? { ok: true, value: normalizePhone(raw) }
        : { ok: false, code: 'PHONE_INVALID' }
  }
}

const isBlank = (v: unknown): boolean =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '')

/**
 * Checks a request's fields against the item's form, in the order the form shows them, and answers the
 * first problem with the field it concerns. Fields the item does not ask for are refused too: we keep
 * only what the certificate needs (个人信息保护法).
 */
export function validateCertificateFields(
  fields: readonly CertificateField[],
  input: CertificateFieldInput,
  now: Date = new Date(),
): FieldCheck {
  const values: CertificateFieldValues = {}
  for (const field of fields) {
    const raw = Object.prototype.hasOwnProperty.call(input, field.key) ? input[field.key] : undefined
    if (isBlank(raw)) {
      if (field.required)
        return { ok: false, code: 'CERTIFICATE_FIELD_MISSING', field: field.key, label: field.label }
      continue
    }
    const value = typeof raw === 'string' ? raw.trim() : raw
    const checked =
      typeof value === 'string' || typeof value === 'number'
        ? checkOne(field, value, now)
        : ({ ok: false, code: 'CERTIFICATE_FIELD_INVALID' } as const)
    if (!checked.ok) return { ok: false, code: checked.code, field: field.key, label: field.label }
    values[field.key] = checked.value
  }
  const known = new Set(fields.map((f) => f.key))
  const unknown = Object.keys(input).find((k) => !known.has(k))
  if (unknown !== undefined)
    return { ok: false, code: 'CERTIFICATE_FIELD_UNKNOWN', field: unknown, label: unknown }
  return { ok: true, values }
}

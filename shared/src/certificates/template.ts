/**
 * Certificate texts are templates with {{placeholders}}. Filling one refuses to leave a blank: a
 * certificate with a gap is a stamped blank form, which the rules forbid.
 */
import type { ErrorCode } from '../errors'
import { isIsoDate, type CertificateField, type CertificateFieldValues } from './fields'

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g

/**
 * Filled by the system, not typed by the resident: the holder's verified name and ID number, the
 * village's name and the date of issue (or of signing, for a commitment).
 */
export const SYSTEM_PLACEHOLDERS = ['name', 'idNumber', 'village', 'date'] as const
export type SystemPlaceholder = (typeof SYSTEM_PLACEHOLDERS)[number]
export type CertificateContext = {
  name: string
  idNumber: string
  village: string
  /** YYYY-MM-DD, in China time */
  date: string
}

export type RenderResult = { ok: true; text: string } | { ok: false; code: ErrorCode; missing: string[] }

/** The distinct placeholder names, in order of first use. */
export function templatePlaceholders(template: string): string[] {
  return [...new Set(Array.from(template.matchAll(PLACEHOLDER), (m) => m[1]!))]
}

/** Fills every placeholder, or refuses and names all the ones without a value. One pass: values are never re-read as templates. */
export function renderTemplate(
  template: string,
  values: Readonly<Record<string, string | undefined>>,
): RenderResult {
  const missing = templatePlaceholders(template).filter((key) => {
    const v = Object.prototype.hasOwnProperty.call(values, key) ? values[key] : undefined
    return v === undefined || v.trim() === ''
  })
  if (missing.length > 0) return { ok: false, code: 'CERTIFICATE_TEMPLATE_INCOMPLETE', missing }
  return { ok: true, text: template.replace(PLACEHOLDER, (_, key: string) => values[key]!.trim()) }
}

/** 2026-01-05 → 2026年1月5日 */
export function formatChineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number]
  return `${y}年${m}月${d}日`
}

/** Dates read the Chinese way on paper; everything else as typed. */
export function templateValues(
  fields: readonly CertificateField[],
  context: CertificateContext,
  values: CertificateFieldValues,
): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {
    name: context.name,
    idNumber: context.idNumber,
    village: context.village,
    date: isIsoDate(context.date) ? formatChineseDate(context.date) : context.date,
  }
  for (const field of fields) {
    const v = values[field.key]
    out[field.key] = v !== undefined && field.kind === 'date' && isIsoDate(v) ? formatChineseDate(v) : v
  }
  return out
}

/**
 * What is wrong with a template for a form: a placeholder that is neither filled by the system nor a
 * required field could come out blank, so it is a mistake in the catalogue, caught before it is saved.
 */
export function templateProblems(template: string, fields: readonly CertificateField[]): string[] {
  const problems: string[] = []
  const keys = fields.map((f) => f.key)
  if (new Set(keys).size !== keys.length) problems.push('表单里有重复的字段名')
  for (const key of keys)
    if ((SYSTEM_PLACEHOLDERS as readonly string[]).includes(key)) problems.push(`字段名 ${key} 是系统保留的`)
  const required = new Set(fields.filter((f) => f.required).map((f) => f.key))
  for (const p of templatePlaceholders(template)) {
    if ((SYSTEM_PLACEHOLDERS as readonly string[]).includes(p) || required.has(p)) continue
    problems.push(
      keys.includes(p) ? `模板用到的 {{${p}}} 不是必填项，可能空着` : `模板用到的 {{${p}}} 不在表单里`,
    )
  }
  return problems
}

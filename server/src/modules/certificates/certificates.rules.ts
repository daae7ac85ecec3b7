import { randomBytes } from 'node:crypto'
import {
  NEGATIVE_LIST,
  negativeListView,
  transitionCertificateRequest,
  validateCertificateFields,
  verificationCodeFromBytes,
  type CatalogueResult,
  type CertificateFieldValues,
  type CertificateRequestEvent,
  type CertificateRequestState,
  type ErrorCode,
  type PositiveItem,
} from '@xiangli/shared'
import { AppException } from '../../core/errors/app.exception'
import type { CertificateRequest } from './entities/certificate-request.entity'

/** Materials are files attached with this type; the files module asks this module who sees them. */
export const ATTACHED_TYPE = 'certificate_request'

export const DAY = 86_400_000

/** How many times issuing is run again after MySQL gave it up in a deadlock. */
export const DEADLOCK_RETRIES = 5

/** What the audit entries of a request's steps record of it. */
export const snapshot = (r: CertificateRequest) => ({
  id: r.id,
  villageId: r.villageId,
  itemCode: r.itemCode,
  state: r.state,
  number: r.number,
  dueAt: r.dueAt,
  copies: r.copies,
})

/** The next state for an event, or the refusal as an exception. */
export function need(
  state: CertificateRequestState,
  event: CertificateRequestEvent,
): CertificateRequestState {
  const t = transitionCertificateRequest(state, event)
  if (!t.ok) throw new AppException(t.code as ErrorCode)
  return t.next
}

/** The item's fields as checked, or the refusal naming the field. */
export function checkFields(item: PositiveItem, input: Record<string, unknown>): CertificateFieldValues {
  const checked = validateCertificateFields(item.fields, input)
  if (!checked.ok) throw new AppException(checked.code, { field: checked.field, label: checked.label })
  return checked.values
}

/** A list that cannot be built or saved; when a negative-list item is why, where to go instead. */
export function catalogueRefusal(r: Extract<CatalogueResult, { ok: false }>): AppException {
  const negative = r.negativeCode ? negativeListView(negativeItem(r.negativeCode)) : undefined
  return new AppException(r.code, { itemCode: r.itemCode, issues: r.issues, negative })
}

function negativeItem(code: string) {
  const found = NEGATIVE_LIST.find((n) => n.code === code)
  if (!found) throw new Error(`unknown negative-list item ${code}`)
  return found
}

/** 8 characters from 8 bytes of the operating system's randomness (shared maps them). */
export const newVerificationCode = (): string => verificationCodeFromBytes(randomBytes(8))

/** 2026-03-05 00:00 in China, as an instant. */
export const chinaMidnight = (isoDate: string): Date => new Date(`${isoDate}T00:00:00+08:00`)

/** 2026-03-05 14:30, China time. */
export function chinaTime(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')
}

/**
 * Every failure the API can answer with. The miniapp switches on `code`, never on the text.
 * Messages are written for a villager reading them on a phone: plain words, what to do next.
 * Each feature keeps its codes in `errors/<feature>.ts`; a new feature adds a file and one line here.
 */
import type { ErrorInfo } from './errors/info'
import { GENERIC_ERRORS } from './errors/generic'
import { AUTH_ERRORS } from './errors/auth'
import { IDENTITY_ERRORS } from './errors/identity'
import { GRIEVANCE_ERRORS } from './errors/grievance'
import { CERTIFICATE_ERRORS } from './errors/certificate'
import { DELIBERATION_ERRORS } from './errors/deliberation'
import { NOTICE_ERRORS } from './errors/notice'
import { PROXY_ERRORS } from './errors/proxy'
import { VILLAGE_RULES_ERRORS } from './errors/village-rules'
import { REVIEW_ERRORS } from './errors/cadre-review'
import { POLL_ERRORS } from './errors/poll'
import { ACTIVITY_ERRORS } from './errors/activities'
import { POINTS_ERRORS } from './errors/points'
import { SERVICE_ERRORS } from './errors/convenience-services'
import { NEWCOMER_ERRORS } from './errors/newcomers'

export type { ErrorInfo } from './errors/info'
// each feature's codes on their own, for a client that needs a few messages without all of them
export {
  GENERIC_ERRORS,
  AUTH_ERRORS,
  IDENTITY_ERRORS,
  GRIEVANCE_ERRORS,
  CERTIFICATE_ERRORS,
  DELIBERATION_ERRORS,
  NOTICE_ERRORS,
  PROXY_ERRORS,
  VILLAGE_RULES_ERRORS,
  REVIEW_ERRORS,
  POLL_ERRORS,
  ACTIVITY_ERRORS,
  POINTS_ERRORS,
  SERVICE_ERRORS,
  NEWCOMER_ERRORS,
}

export const ERRORS = {
  ...GENERIC_ERRORS,
  ...AUTH_ERRORS,
  ...IDENTITY_ERRORS,
  ...GRIEVANCE_ERRORS,
  ...CERTIFICATE_ERRORS,
  ...DELIBERATION_ERRORS,
  ...NOTICE_ERRORS,
  ...PROXY_ERRORS,
  ...VILLAGE_RULES_ERRORS,
  ...REVIEW_ERRORS,
  ...POLL_ERRORS,
  ...ACTIVITY_ERRORS,
  ...POINTS_ERRORS,
  ...SERVICE_ERRORS,
  ...NEWCOMER_ERRORS,
} satisfies Record<string, ErrorInfo>

export type ErrorCode = keyof typeof ERRORS

/** `ErrorCode.X === 'X'` for every code, so callers never spell a code as a bare string. */
export const ErrorCode = /*#__PURE__*/ Object.fromEntries(
  Object.keys(ERRORS).map((code) => [code, code]),
) as {
  readonly [K in ErrorCode]: K
}

/** The one error body every failing response carries. */
export interface ApiErrorBody {
  code: ErrorCode
  message: string
  details?: unknown
  requestId: string
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERRORS, value)
}

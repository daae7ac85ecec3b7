import type { ErrorCode } from './errors'

/**
 * A person links their account to a roster row. Until a committee member confirms it (or the village
 * lets an exact match confirm itself), the account reads public notices only.
 */
export const VERIFICATION_STATES = ['pending', 'confirmed', 'rejected'] as const
export type VerificationState = (typeof VERIFICATION_STATES)[number]
export const VERIFICATION_EVENTS = ['confirm', 'reject'] as const
export type VerificationEvent = (typeof VERIFICATION_EVENTS)[number]

export const VERIFICATION_STATE_LABELS: Record<VerificationState, string> = {
  pending: '等待村委会确认',
  confirmed: '已认证',
  rejected: '未通过',
}

export function transitionVerification(
  state: VerificationState,
  event: VerificationEvent,
): { ok: true; next: VerificationState } | { ok: false; code: ErrorCode } {
  if (state !== 'pending') return { ok: false, code: 'VERIFICATION_NOT_PENDING' }
  switch (event) {
    case 'confirm':
      return { ok: true, next: 'confirmed' }
    case 'reject':
      return { ok: true, next: 'rejected' }
  }
}

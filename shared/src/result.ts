import type { ErrorCode } from './errors'

/** A state change either succeeds with the next value or is refused with a code; nothing throws. */
export type Result<T, C extends string = ErrorCode> =
  { ok: true; value: T } | { ok: false; code: C; reason?: string }

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value })
export const err = <C extends string>(code: C, reason?: string): { ok: false; code: C; reason?: string } =>
  reason === undefined ? { ok: false, code } : { ok: false, code, reason }

export function assertUnreachable(value: never): never {
  throw new Error(`Unreachable case: ${JSON.stringify(value)}`)
}

import { ERRORS, type ErrorCode } from '@xiangli/shared'

/** The one exception services throw for an expected refusal. The filter turns it into the error body. */
export class AppException extends Error {
  constructor(
    public readonly code: ErrorCode,
    public readonly details?: unknown,
    message?: string,
  ) {
    super(message ?? ERRORS[code].message)
  }
  get status(): number {
    return ERRORS[this.code].status
  }
}

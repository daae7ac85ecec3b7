import { isUniqueViolation } from '../../../core/database/dialect'
import { AppException } from '../../../core/errors/app.exception'

type UniqueCode =
  'DELIBERATION_ALREADY_CHECKED_IN' | 'DELIBERATION_ALREADY_VOTED' | 'DELIBERATION_RESULT_FINAL'

/** Work whose unique key stops a second of its kind: the violation is answered with `code`. */
export async function uniqueAs<T>(code: UniqueCode, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppException(code)
    throw e
  }
}

/**
 * A check-in or a ballot under its unique key. Two requests of one member racing: the loser's
 * insert fails on the key once the winner has committed, so it runs once more and its gate sees
 * the winner's row: its own earlier attempt when the Idempotency-Key matches (answered as done),
 * another request otherwise (refused with `code`).
 */
export async function hotWrite<T>(
  code: 'DELIBERATION_ALREADY_CHECKED_IN' | 'DELIBERATION_ALREADY_VOTED',
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work()
  } catch (e) {
    if (!isUniqueViolation(e)) throw e
  }
  return uniqueAs(code, work)
}

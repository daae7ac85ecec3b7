import { createHash } from 'node:crypto'
import { canonicalRulesText, type RulesTransition, type RulesStatus } from '@xiangli/shared'
import { AppException } from '../../core/errors/app.exception'

/** SHA-256 of the canonical text: what the audit chain records at adoption and the page shows. */
export const rulesHash = (text: string): string =>
  createHash('sha256').update(canonicalRulesText(text), 'utf8').digest('hex')

/** The next status, or the refusal thrown as the coded 4xx it is. */
export function accepted(t: RulesTransition): RulesStatus {
  if (!t.ok) throw new AppException(t.code)
  return t.next
}

import type { EntityManager } from 'typeorm'
import type { ErasureOutcome } from '@xiangli/shared'

/**
 * One module's part of what is held about a person: what it shows them (我的数据, the export) and
 * what it removes or anonymises when they ask for deletion. Each module that keeps rows tied to an
 * account provides one, over its own tables; the privacy module gathers them, so no module reads
 * another's tables. What the law requires kept (ballots and their secrecy, public records, the audit
 * trail, issued certificates and the seal register) an `erase` leaves, and its outcome says why.
 */
export interface PersonalDataSection {
  /** the key in the export, e.g. 'account', 'grievances' */
  readonly section: string
  exportOf(who: DataSubject, m?: EntityManager): Promise<unknown>
  erase(m: EntityManager, who: DataSubject): Promise<ErasureOutcome>
}

/**
 * Whose data: the account, and the roster rows linked to it, read before anything is erased. Staff
 * may have filed for the person by roster row (代办) before they had an account: those items are
 * theirs too.
 */
export interface DataSubject {
  accountId: number
  residentIds: number[]
}

import type { EntityManager } from 'typeorm'
import { forUpdate, isUniqueViolation } from '../database/dialect'
import { AuditHead } from './entities/audit-head.entity'

export const GENESIS_HASH = '0'.repeat(64)

const lockedHead = (m: EntityManager, chain: number) =>
  forUpdate(m, m.getRepository(AuditHead).createQueryBuilder('h').where('h.id = :chain', { chain })).getOne()

/**
 * The head of one chain, locked until the caller's transaction ends (MySQL; SQLite's transactions
 * are serialised already). A chain's first entry creates its head: when two instances race to do it,
 * one inserts and the other finds it, or MySQL picks a deadlock victim whose transaction runs again.
 */
export async function lockHead(m: EntityManager, chain: number): Promise<AuditHead> {
  const found = await lockedHead(m, chain)
  if (found) return found
  try {
    await m.getRepository(AuditHead).insert({ id: chain, lastSeq: 0, lastHash: GENESIS_HASH })
  } catch (e) {
    if (!isUniqueViolation(e)) throw e
  }
  const head = await lockedHead(m, chain)
  if (!head) throw new Error(`audit head of chain ${chain} could not be created`)
  return head
}

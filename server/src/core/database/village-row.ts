import type { EntityManager, EntityTarget } from 'typeorm'
import { forUpdate } from './dialect'

/**
 * A row of a village's own table by its id, only if it belongs to that village (another village's
 * id finds nothing, so the route answers 404); locked until the transaction ends when `lock` (on
 * MySQL; SQLite's writer is alone anyway, see dialect.forUpdate).
 */
export function villageRow<T extends { id: number; villageId: number }>(
  m: EntityManager,
  entity: EntityTarget<T>,
  villageId: number,
  id: number,
  lock = false,
): Promise<T | null> {
  const q = m
    .getRepository(entity)
    .createQueryBuilder('row')
    .where('row.id = :id AND row.villageId = :villageId', { id, villageId })
  return (lock ? forUpdate(m, q) : q).getOne()
}

import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm'
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity'

/**
 * Rows per INSERT statement. SQLite refuses one statement of a few thousand rows: TypeORM reads the
 * generated columns back with `WHERE id = ? OR id = ? …`, one OR per row, past SQLite's expression
 * depth of 1,000 ("Expression tree is too large"), and SQLite binds at most 32,766 values. 400 rows
 * stay well inside both for our widest village-wide rows and are still few statements on MySQL.
 */
export const INSERT_CHUNK = 400

/**
 * Inserts any number of rows (an inbox notice to every member of a large village) in statements of
 * `INSERT_CHUNK` rows, all inside the caller's transaction. The generated ids are not read back.
 */
export async function insertMany<T extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<T>,
  rows: QueryDeepPartialEntity<T>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK)
    await m
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(i, i + INSERT_CHUNK))
      .updateEntity(false)
      .execute()
}

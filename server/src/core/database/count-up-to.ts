import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm'

/** A list is counted up to this many rows past the page asked for; beyond, its total is “at least”. */
export const COUNT_AHEAD = 2000

/**
 * Counts the rows of a list's query, but no more than `cap`: a long list (100,000 issues of one
 * village) is not counted to its end on every page. `atLeast` says the count stopped at the cap.
 * `id` is the column the list is keyed by (`g.id`); the query's own order, offset and limit are dropped.
 */
export async function countUpTo<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  id: string,
  cap: number,
): Promise<{ total: number; atLeast: boolean }> {
  const upTo = qb.clone().select(id).orderBy().offset(undefined).limit(cap)
  const counted: { n: number | string } | undefined = await qb.connection
    .createQueryBuilder()
    .select('COUNT(*)', 'n')
    .from(`(${upTo.getQuery()})`, 'upto')
    .setParameters(upTo.getParameters())
    .getRawOne()
  const total = Number(counted?.n ?? 0)
  return { total, atLeast: total >= cap }
}

/** The cap for a page asked by offset: the rows before it, the page, and COUNT_AHEAD more. */
export const capFor = (q: { page: number; pageSize: number }): number =>
  (q.page - 1) * q.pageSize + q.pageSize + COUNT_AHEAD

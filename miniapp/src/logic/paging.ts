import type { Page } from '@xiangli/shared'

export const hasMore = (page: Pick<Page<unknown>, 'page' | 'pageSize' | 'total'>): boolean =>
  page.page * page.pageSize < page.total

/**
 * Appends the next page. Rows that arrived since the first page push older rows down, so the next
 * page can repeat a row already shown: keep the first copy.
 */
export function appendPage<T>(
  shown: readonly T[],
  next: readonly T[],
  keyOf: (item: T) => string | number,
): T[] {
  const seen = new Set(shown.map(keyOf))
  return [...shown, ...next.filter((item) => !seen.has(keyOf(item)))]
}

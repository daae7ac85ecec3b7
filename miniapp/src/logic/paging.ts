import type { Page } from '@xiangli/shared'

/**
 * Whether a page follows this one: by the count, or because the server gave the item to continue after
 * (keyset: `nextAfter`, which it sends exactly when more items follow).
 */
export const hasMore = (
  page: Pick<Page<unknown>, 'page' | 'pageSize' | 'total'> & Pick<Page<unknown>, 'nextAfter'>,
): boolean => page.page * page.pageSize < page.total || page.nextAfter !== undefined

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

import type { Page } from '@xiangli/shared'
import { appendPage, hasMore } from './paging'

/** What a list page shows: the rows so far, how to get the next page, and what is loading or failed. */
export interface ListState<T, C, E = unknown> {
  items: T[]
  total: number
  /** where the next page starts; null when there is none */
  next: C | null
  /** a first page came back */
  loaded: boolean
  loading: boolean
  error: E | null
  loadingMore: boolean
  moreError: E | null
}

/**
 * How a list moves from one page to the next: by page number (`page=2`), or after the last item
 * shown (`after=<nextAfter>`), which costs the server the same deep in a long list as at its start.
 */
export interface Paging<C> {
  /** where the next page starts after `page`, or null at the end */
  next: (page: Page<unknown>) => C | null
}

/** `page=1`, `page=2`, …: each request skips the rows of the pages before (OFFSET). */
export const byPageNumber: Paging<number> = {
  next: (p) => (hasMore(p) ? p.page + 1 : null),
}

/** The first page, then `after=<nextAfter>` of each page; the server leaves `nextAfter` out on the last. */
export const byNextAfter: Paging<number> = {
  next: (p) => p.nextAfter ?? null,
}

export const emptyList = <T, C, E = unknown>(loading: boolean): ListState<T, C, E> => ({
  items: [],
  total: 0,
  next: null,
  loaded: false,
  loading,
  error: null,
  loadingMore: false,
  moreError: null,
})

/**
 * The list's loading without React: `fetch(null)` for the first page, `fetch(next)` for each later one.
 * A reload started meanwhile wins: an older answer arriving late is dropped.
 */
export class ListLoader<T, C, E = unknown> {
  private generation = 0

  constructor(
    private readonly paging: Paging<C>,
    private readonly get: () => ListState<T, C, E>,
    private readonly set: (change: (s: ListState<T, C, E>) => ListState<T, C, E>) => void,
    private readonly keyOf: () => (item: T) => string | number,
    private readonly toError: (e: unknown) => E,
  ) {}

  async reload(fetch: ((at: C | null) => Promise<Page<T>>) | null): Promise<void> {
    const mine = ++this.generation
    if (!fetch) return
    this.set((s) => ({ ...s, loading: true, error: null, moreError: null }))
    try {
      const first = await fetch(null)
      if (mine !== this.generation) return
      this.set(() => ({
        ...emptyList<T, C, E>(false),
        items: first.items,
        total: first.total,
        next: this.paging.next(first),
        loaded: true,
      }))
    } catch (e) {
      if (mine === this.generation) this.set((s) => ({ ...s, loading: false, error: this.toError(e) }))
    }
  }

  async loadMore(fetch: ((at: C | null) => Promise<Page<T>>) | null): Promise<void> {
    const s = this.get()
    if (!fetch || s.loading || s.loadingMore || s.next === null) return
    const mine = this.generation
    this.set((prev) => ({ ...prev, loadingMore: true, moreError: null }))
    try {
      const more = await fetch(s.next)
      if (mine !== this.generation) return
      this.set((prev) => ({
        ...prev,
        items: appendPage(prev.items, more.items, this.keyOf()),
        total: more.total,
        next: this.paging.next(more),
        loadingMore: false,
      }))
    } catch (e) {
      if (mine === this.generation)
        this.set((prev) => ({ ...prev, loadingMore: false, moreError: this.toError(e) }))
    }
  }
}

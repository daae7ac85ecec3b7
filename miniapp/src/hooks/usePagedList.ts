import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { Page } from '@xiangli/shared'
import type { ApiError } from '@/api/core'
import { appendPage, hasMore } from '@/logic/paging'
import { asApiError } from './useResource'

export interface PagedList<T> {
  items: T[]
  total: number
  /** first page loading (the page shows a loading state) */
  loading: boolean
  /** first page failed (the page shows an error with 重试) */
  error: ApiError | null
  loadingMore: boolean
  /** a later page failed (the list footer offers 重试) */
  moreError: ApiError | null
  hasMore: boolean
  reload: () => Promise<void>
  loadMore: () => Promise<void>
  /** change the shown rows in place (after confirming one, marking one read, …) */
  update: (change: (items: T[]) => T[], totalDelta?: number) => void
}

interface State<T> {
  items: T[]
  total: number
  page: number
  /** the last page's `nextAfter`, for a list the server pages after an item (keyset) */
  after: number | undefined
  more: boolean
  loading: boolean
  error: ApiError | null
  loadingMore: boolean
  moreError: ApiError | null
}

/**
 * A paginated list for a page: first page on load, pull-down to refresh, the next page when the
 * person scrolls to the bottom. `fetchPage` null means "nothing to load yet". A list the server pages
 * after an item (keyset: it answers `nextAfter`) gets that item as `after` for the next page; other
 * lists ignore it and page by number.
 */
export function usePagedList<T>(
  fetchPage: ((page: number, after?: number) => Promise<Page<T>>) | null,
  keyOf: (item: T) => string | number,
  deps: DependencyList,
): PagedList<T> {
  const [state, setState] = useState<State<T>>({
    items: [],
    total: 0,
    page: 0,
    after: undefined,
    more: false,
    loading: fetchPage !== null,
    error: null,
    loadingMore: false,
    moreError: null,
  })
  const generation = useRef(0)
  const stateRef = useRef(state)
  stateRef.current = state
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage
  const keyRef = useRef(keyOf)
  keyRef.current = keyOf

  const reload = useCallback(async () => {
    const mine = ++generation.current
    const fetch = fetchRef.current
    if (!fetch) return
    setState((s) => ({ ...s, loading: true, error: null, moreError: null }))
    try {
      const first = await fetch(1)
      if (mine !== generation.current) return
      setState({
        items: first.items,
        total: first.total,
        page: first.page,
        after: first.nextAfter,
        more: hasMore(first),
        loading: false,
        error: null,
        loadingMore: false,
        moreError: null,
      })
    } catch (e) {
      if (mine === generation.current) setState((s) => ({ ...s, loading: false, error: asApiError(e) }))
    }
  }, [])

  const loadMore = useCallback(async () => {
    const s = stateRef.current
    const fetch = fetchRef.current
    if (!fetch || s.loading || s.loadingMore || !s.more) return
    const mine = generation.current
    setState((prev) => ({ ...prev, loadingMore: true, moreError: null }))
    try {
      const next = await fetch(s.page + 1, s.after)
      if (mine !== generation.current) return
      setState((prev) => ({
        ...prev,
        items: appendPage(prev.items, next.items, keyRef.current),
        total: next.total,
        page: next.page,
        after: next.nextAfter,
        more: hasMore(next),
        loadingMore: false,
      }))
    } catch (e) {
      if (mine === generation.current)
        setState((prev) => ({ ...prev, loadingMore: false, moreError: asApiError(e) }))
    }
  }, [])

  useEffect(() => {
    void reload()
  }, deps)

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void loadMore()
  })

  const update = useCallback((change: (items: T[]) => T[], totalDelta = 0) => {
    setState((s) => ({ ...s, items: change(s.items), total: Math.max(0, s.total + totalDelta) }))
  }, [])

  return {
    items: state.items,
    total: state.total,
    // Until the first page came back (or failed), the page is loading, even before the effect ran.
    loading: state.loading || (fetchPage !== null && state.page === 0 && state.error === null),
    error: state.error,
    loadingMore: state.loadingMore,
    moreError: state.moreError,
    hasMore: state.more,
    reload,
    loadMore,
    update,
  }
}

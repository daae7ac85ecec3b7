import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { Page } from '@xiangli/shared'
import type { ApiError } from '@/api/core'
import {
  ListLoader,
  byNextAfter,
  byPageNumber,
  emptyList,
  type ListState,
  type Paging,
} from '@/logic/listLoader'
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

/**
 * A paginated list for a page: first page on load, pull-down to refresh, the next page when the
 * person scrolls to the bottom. `fetchPage` null means "nothing to load yet".
 */
export function usePagedList<T>(
  fetchPage: ((page: number) => Promise<Page<T>>) | null,
  keyOf: (item: T) => string | number,
  deps: DependencyList,
): PagedList<T> {
  return useList(byPageNumber, fetchPage && ((page) => fetchPage(page ?? 1)), keyOf, deps)
}

/**
 * The same for a list the server pages by key (村民说事): the first page without `after`, each later
 * one with `after` = the `nextAfter` of the page before, so page 50 costs what page 1 does.
 */
export function useKeysetList<T>(
  fetchPage: ((after: number | undefined) => Promise<Page<T>>) | null,
  keyOf: (item: T) => string | number,
  deps: DependencyList,
): PagedList<T> {
  return useList(byNextAfter, fetchPage && ((after) => fetchPage(after ?? undefined)), keyOf, deps)
}

function useList<T, C>(
  paging: Paging<C>,
  fetchPage: ((at: C | null) => Promise<Page<T>>) | null,
  keyOf: (item: T) => string | number,
  deps: DependencyList,
): PagedList<T> {
  const [state, setState] = useState<ListState<T, C, ApiError>>(() => emptyList(fetchPage !== null))
  // the loader reads what it wrote at once, not what the last render saw
  const stateRef = useRef(state)
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage
  const keyRef = useRef(keyOf)
  keyRef.current = keyOf
  const loaderRef = useRef<ListLoader<T, C, ApiError> | null>(null)
  loaderRef.current ??= new ListLoader<T, C, ApiError>(
    paging,
    () => stateRef.current,
    (change) => {
      stateRef.current = change(stateRef.current)
      setState(stateRef.current)
    },
    () => keyRef.current,
    asApiError,
  )
  const loader = loaderRef.current

  const reload = useCallback(() => loader.reload(fetchRef.current), [loader])
  const loadMore = useCallback(() => loader.loadMore(fetchRef.current), [loader])

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
    stateRef.current = {
      ...stateRef.current,
      items: change(stateRef.current.items),
      total: Math.max(0, stateRef.current.total + totalDelta),
    }
    setState(stateRef.current)
  }, [])

  return {
    items: state.items,
    total: state.total,
    // Until the first page came back (or failed), the page is loading, even before the effect ran.
    loading: state.loading || (fetchPage !== null && !state.loaded && state.error === null),
    error: state.error,
    loadingMore: state.loadingMore,
    moreError: state.moreError,
    hasMore: state.next !== null,
    reload,
    loadMore,
    update,
  }
}

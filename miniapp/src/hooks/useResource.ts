import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react'
import { ApiError } from '@/api/core'

export interface Resource<T> {
  data: T | null
  loading: boolean
  error: ApiError | null
  reload: () => Promise<void>
  /** change the loaded value in place (after a successful action) */
  setData: (update: (prev: T | null) => T | null) => void
}

export const asApiError = (e: unknown): ApiError =>
  e instanceof ApiError ? e : new ApiError('BAD_RESPONSE', '出了点问题，请稍后再试', null)

/**
 * Loads one thing for a page. `load` null means "nothing to load yet" (e.g. no village chosen).
 * A newer load wins over an older one still on its way.
 */
export function useResource<T>(load: (() => Promise<T>) | null, deps: DependencyList): Resource<T> {
  const [state, setState] = useState<{ data: T | null; loading: boolean; error: ApiError | null }>({
    data: null,
    loading: load !== null,
    error: null,
  })
  const generation = useRef(0)

  const reload = useCallback(async () => {
    const mine = ++generation.current
    if (!load) {
      setState({ data: null, loading: false, error: null })
      return
    }
    setState((s) => ({ ...s, loading: true, error: null }))
    try {
      const data = await load()
      if (mine === generation.current) setState({ data, loading: false, error: null })
    } catch (e) {
      if (mine === generation.current)
        setState((s) => ({ data: s.data, loading: false, error: asApiError(e) }))
    }
  }, deps)

  useEffect(() => {
    void reload()
  }, [reload])

  const setData = useCallback((update: (prev: T | null) => T | null) => {
    setState((s) => ({ ...s, data: update(s.data) }))
  }, [])

  // Until the first answer came back (or failed), the page is loading, even before the effect ran.
  const loading = state.loading || (load !== null && state.data === null && state.error === null)
  return { ...state, loading, reload, setData }
}

/**
 * Who is logged in: the tokens (see tokens.ts), the cached `me`, and the village they work in now.
 * `me` is kept in storage too, so a page can draw at once and refresh behind it.
 */
import { useCallback, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import {
  authRoutes,
  meRoutes,
  type Me,
  type Membership,
  type Preferences,
  type TokenPair,
} from '@xiangli/shared'
import type { ApiError } from '@/api/core'
import { call } from '@/api/request'
import { activeMembership } from '@/logic/membership'
import { createStore } from './createStore'
import { elderModeAfterLogin } from '@/logic/elder'
import { applyElderMode, elderModeStore, takePendingElderMode } from './elder'
import { readStored, STORAGE_KEYS, writeStored } from './storage'
import { tokenStore, tokensStore } from './tokens'
import { useStore } from './useStore'

export const meStore = createStore<Me | null>(tokensStore.get() ? readStored<Me>(STORAGE_KEYS.me) : null)

function setMe(me: Me | null) {
  writeStored(STORAGE_KEYS.me, me)
  meStore.set(me)
  if (!me) return
  const { on, tellServer } = elderModeAfterLogin(me.preferences.elderMode, takePendingElderMode())
  applyElderMode(on)
  if (tellServer) {
    // the choice made before logging in wins; if the server cannot save it now, the phone keeps it
    void call(meRoutes.updatePreferences, { body: { elderMode: on } }, { toast: false }).then(
      patchPreferences,
      () => undefined,
    )
  }
}

/**
 * Counts logins and logouts (not token refreshes), so an answer about the previous person that
 * arrives after someone else logged in is not taken for the new person.
 */
let generation = 0

// Whoever ends the session (logout, or the request layer after a refused refresh), the person goes with it.
tokensStore.subscribe((tokens) => {
  if (!tokens) {
    generation += 1
    setMe(null)
  }
})

let loadingMe: { generation: number; promise: Promise<Me> } | null = null
/** GET /api/me, shared by every page that asks at the same moment. */
export function fetchMe(): Promise<Me> {
  if (loadingMe && loadingMe.generation === generation) return loadingMe.promise
  const mine = generation
  const promise = call(meRoutes.me, {}, { toast: false })
    .then((me) => {
      if (mine === generation && tokenStore.get()) setMe(me)
      return me
    })
    .finally(() => {
      if (loadingMe?.promise === promise) loadingMe = null
    })
  loadingMe = { generation: mine, promise }
  return promise
}

export async function loginWith(tokens: TokenPair): Promise<Me> {
  generation += 1
  setMe(null)
  tokenStore.set(tokens)
  return fetchMe()
}

/** Logs out here even when the server cannot be told: the phone may be offline. */
export async function logoutNow(): Promise<void> {
  const tokens = tokenStore.get()
  if (tokens) {
    try {
      // a public route: sent without the access token, which may have run out already
      await call(authRoutes.logout, { body: { refreshToken: tokens.refreshToken } }, { toast: false })
    } catch {
      // the refresh token will simply expire on the server
    }
  }
  tokenStore.clear()
}

function patchPreferences(preferences: Preferences) {
  const me = meStore.get()
  if (me) setMe({ ...me, preferences })
}

export async function setActiveOrg(orgId: number): Promise<void> {
  patchPreferences(await call(meRoutes.updatePreferences, { body: { activeOrgId: orgId } }))
}

/** 长辈模式 takes effect at once; if the server cannot save it, it goes back and says so. */
export async function changeElderMode(on: boolean): Promise<void> {
  const before = elderModeStore.get()
  applyElderMode(on)
  try {
    patchPreferences(await call(meRoutes.updatePreferences, { body: { elderMode: on } }))
  } catch (e) {
    applyElderMode(before)
    throw e
  }
}

export interface MeState {
  loggedIn: boolean
  me: Me | null
  /** the village or community the person works in now */
  active: Membership | null
  /** true while the first load of `me` is under way (a cached `me` shows meanwhile) */
  loading: boolean
  error: ApiError | null
  reload: () => Promise<void>
}

/** The logged-in person, refreshed each time the page shows. */
export function useMe(): MeState {
  const tokens = useStore(tokensStore)
  const me = useStore(meStore)
  const [status, setStatus] = useState<{ loading: boolean; error: ApiError | null }>({
    loading: tokens !== null && me === null,
    error: null,
  })

  const reload = useCallback(async () => {
    if (!tokenStore.get()) return
    setStatus((s) => ({ loading: true, error: s.error }))
    try {
      await fetchMe()
      setStatus({ loading: false, error: null })
    } catch (e) {
      setStatus({ loading: false, error: e as ApiError })
    }
  }, [])

  useDidShow(() => {
    void reload()
  })

  return {
    loggedIn: tokens !== null,
    me,
    active: me ? activeMembership(me) : null,
    loading: status.loading,
    error: status.error,
    reload,
  }
}

import type { TokenPair } from '@xiangli/shared'
import type { TokenStore } from '@/api/core'
import { createStore } from './createStore'
import { readStored, STORAGE_KEYS, writeStored } from './storage'

/** The login tokens, kept in Taro storage so a person stays logged in between visits. */
export const tokensStore = createStore<TokenPair | null>(readStored<TokenPair>(STORAGE_KEYS.tokens))

export const tokenStore: TokenStore = {
  get: () => tokensStore.get(),
  set(tokens) {
    writeStored(STORAGE_KEYS.tokens, tokens)
    tokensStore.set(tokens)
  },
  clear() {
    writeStored(STORAGE_KEYS.tokens, null)
    tokensStore.set(null)
  },
}

export const isLoggedIn = (): boolean => tokensStore.get() !== null

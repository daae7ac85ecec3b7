import Taro from '@tarojs/taro'

/**
 * Taro storage that never throws: a full or blocked storage (private browsing on H5) must not stop
 * the app; the worst case is logging in again.
 */
export function readStored<T>(key: string): T | null {
  try {
    const raw: unknown = Taro.getStorageSync(key)
    if (raw === '' || raw === undefined || raw === null) return null
    return raw as T
  } catch {
    return null
  }
}

export function writeStored(key: string, value: unknown): void {
  try {
    if (value === null || value === undefined) Taro.removeStorageSync(key)
    else Taro.setStorageSync(key, value)
  } catch {
    // see above
  }
}

export const STORAGE_KEYS = {
  tokens: 'xl.tokens',
  me: 'xl.me',
  elderMode: 'xl.elderMode',
  /** 长辈模式 chosen before logging in, for the server at the next login */
  elderPending: 'xl.elderPending',
  /** the first-launch question about 长辈模式 was answered */
  elderAsked: 'xl.elderAsked',
} as const

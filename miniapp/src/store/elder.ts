import Taro from '@tarojs/taro'
import { initialElderMode, prefersLargeText } from '@/logic/elder'
import { markElderRoot } from '@/platform/elderRoot'
import { createStore } from './createStore'
import { readStored, STORAGE_KEYS, writeStored } from './storage'
import { useStore } from './useStore'

/** WeChat's own font size (weapp only; H5 has no such setting). */
function wechatFontSize(): number | undefined {
  if (process.env.TARO_ENV !== 'weapp') return undefined
  try {
    // WeChat gives fontSizeSetting; Taro's type for the result leaves it out
    return (Taro.getAppBaseInfo() as { fontSizeSetting?: number }).fontSizeSetting
  } catch {
    return undefined
  }
}

const stored = readStored<boolean>(STORAGE_KEYS.elderMode)
const fontSize = stored === null ? wechatFontSize() : undefined

/**
 * 长辈模式. The server keeps the setting (me.preferences.elderMode); a copy in storage lets the first
 * screen already show large text before /api/me answers. At first launch WeChat's large font turns
 * it on, and that counts as the person's choice until they answer the question on the home page.
 */
export const elderModeStore = createStore<boolean>(initialElderMode(stored, fontSize))
markElderRoot(elderModeStore.get())
elderModeStore.subscribe(markElderRoot)
if (stored === null && prefersLargeText(fontSize)) {
  writeStored(STORAGE_KEYS.elderMode, true)
  writeStored(STORAGE_KEYS.elderPending, true)
}

/** Whether the person has answered the first-launch question (要打开长辈模式吗？). */
export const elderAskedStore = createStore<boolean>(readStored<boolean>(STORAGE_KEYS.elderAsked) === true)

export function applyElderMode(on: boolean): void {
  writeStored(STORAGE_KEYS.elderMode, on)
  elderModeStore.set(on)
}

/** A choice made before logging in: kept on the phone and given to the server at the next login. */
export function chooseElderModeLocally(on: boolean): void {
  applyElderMode(on)
  writeStored(STORAGE_KEYS.elderPending, on)
}

/** The choice the server has not heard yet, taken once. */
export function takePendingElderMode(): boolean | null {
  const pending = readStored<boolean>(STORAGE_KEYS.elderPending)
  if (pending !== null) writeStored(STORAGE_KEYS.elderPending, null)
  return pending
}

export function markElderAsked(): void {
  writeStored(STORAGE_KEYS.elderAsked, true)
  elderAskedStore.set(true)
}

export function useElderMode(): boolean {
  return useStore(elderModeStore)
}

export function useElderAsked(): boolean {
  return useStore(elderAskedStore)
}

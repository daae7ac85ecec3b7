import { createStore } from './createStore'
import { readStored, STORAGE_KEYS, writeStored } from './storage'
import { useStore } from './useStore'

/**
 * 长辈模式. The server keeps the setting (me.preferences.elderMode); a copy in storage lets the first
 * screen already show large text before /api/me answers.
 */
export const elderModeStore = createStore<boolean>(readStored<boolean>(STORAGE_KEYS.elderMode) === true)

export function applyElderMode(on: boolean): void {
  writeStored(STORAGE_KEYS.elderMode, on)
  elderModeStore.set(on)
}

export function useElderMode(): boolean {
  return useStore(elderModeStore)
}

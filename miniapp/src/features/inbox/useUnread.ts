import Taro, { useDidShow } from '@tarojs/taro'
import { inboxRoutes } from '@xiangli/shared'
import { call } from '@/api/request'
import { badgeText } from './badge'
import { MINE_TAB_INDEX } from '@/routes'
import { createStore } from '@/store/createStore'
import { isLoggedIn } from '@/store/tokens'
import { useStore } from '@/store/useStore'

/** Unread messages, shown as the badge on the 我的 tab and next to 消息. */
export const unreadStore = createStore<number>(0)

function showBadge(count: number) {
  const text = badgeText(count)
  // Fails harmlessly where there is no tab bar on screen (e.g. H5 on a non-tab page).
  const done = text
    ? Taro.setTabBarBadge({ index: MINE_TAB_INDEX, text })
    : Taro.removeTabBarBadge({ index: MINE_TAB_INDEX })
  void Promise.resolve(done).catch(() => undefined)
}

export function setUnread(count: number): void {
  unreadStore.set(Math.max(0, count))
  showBadge(unreadStore.get())
}

export async function refreshUnread(): Promise<void> {
  if (!isLoggedIn()) {
    setUnread(0)
    return
  }
  try {
    const { count } = await call(inboxRoutes.unreadCount, {}, { toast: false })
    setUnread(count)
  } catch {
    // keep the last count; the next show tries again
  }
}

/** For tab pages: refresh the badge each time the page shows. */
export function useUnreadBadge(): number {
  useDidShow(() => {
    void refreshUnread()
  })
  return useStore(unreadStore)
}

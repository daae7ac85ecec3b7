import Taro from '@tarojs/taro'
import { badgeText } from '@/features/inbox/badge'
import { PUBLIC_TAB_INDEX } from '@/routes'

/** What the 公开 tab shows now: undefined until it is first set (or after a failed call). */
let shown: string | null | undefined

/**
 * The 公开 tab's badge: the notices meant for the person that they have not opened (a corrected one
 * counts again). Taro draws it on the WeChat tab bar and on the H5 one alike; a call made while no
 * tab bar is on screen fails harmlessly and the next count tries again. Nothing is sent when the
 * text would not change, so every page that learns the count may report it.
 */
export function showNoticeBadge(count: number): void {
  const text = badgeText(count)
  if (text === shown) return
  shown = text
  const done = text
    ? Taro.setTabBarBadge({ index: PUBLIC_TAB_INDEX, text })
    : Taro.removeTabBarBadge({ index: PUBLIC_TAB_INDEX })
  void Promise.resolve(done).catch(() => {
    shown = undefined
  })
}

/** Forget what was shown (logging out, switching village). */
export function resetNoticeBadge(): void {
  shown = undefined
}

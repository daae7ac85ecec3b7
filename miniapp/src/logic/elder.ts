/** The class on every page's root view; `xl-elder` makes text and touch targets larger. */
export function pageClass(elderMode: boolean, ...extra: Array<string | false | null | undefined>): string {
  return ['xl-page', elderMode ? 'xl-elder' : null, ...extra].filter(Boolean).join(' ')
}

/**
 * WeChat's own 字体大小 (我-设置-通用-字体大小), as `fontSizeSetting` gives it in px: 17 is the
 * standard size, 关怀模式 is about 24. Anything from 20 up is a person who asked for large text.
 */
export const LARGE_WECHAT_FONT_PX = 20

export function prefersLargeText(fontSizeSetting: number | undefined | null): boolean {
  return typeof fontSizeSetting === 'number' && fontSizeSetting >= LARGE_WECHAT_FONT_PX
}

/**
 * 长辈模式 before anyone chose: what the person chose on this phone if they did, otherwise what
 * WeChat's font size says.
 */
export function initialElderMode(
  stored: boolean | null,
  fontSizeSetting: number | undefined | null,
): boolean {
  return stored ?? prefersLargeText(fontSizeSetting)
}

/**
 * Which setting wins when the server's `me` arrives: a choice made on this phone before logging in
 * (at the first-launch question, or from WeChat's large font) that the server has not heard yet, or
 * else the server's.
 */
export function elderModeAfterLogin(
  server: boolean,
  pending: boolean | null,
): { on: boolean; tellServer: boolean } {
  if (pending === null) return { on: server, tellServer: false }
  return { on: pending, tellServer: pending !== server }
}

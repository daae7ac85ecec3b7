import { pageRoutes, pathOf } from '@xiangli/shared'
import { ROUTES, withQuery } from '@/routes'

/**
 * For the WeChat share card: the main-package page anyone opens without logging in (a subpackage page
 * would have to load first, and a shared link must open at once).
 */
export const sharePath = (id: number): string => withQuery(ROUTES.noticePublic, { id })

/** Only a browser has an address to copy; in WeChat the share card (the ··· menu) does the job. */
export const CAN_COPY_LINK = process.env.TARO_ENV === 'h5'

/**
 * The address to send in a chat or print on the notice board: the notice as a plain page the server
 * renders, e.g. https://xiangli.example/notices/12, which opens at once on a weak signal and in
 * WeChat's browser, with a link into the app. `origin` is the app's own address; left out, the path alone.
 */
export function shareUrl(id: number, origin = ''): string {
  return `${origin.replace(/\/$/, '')}${pathOf(pageRoutes.notice, { id })}`
}

/** The app's address in a browser ('' elsewhere). */
export const appOrigin = (): string =>
  CAN_COPY_LINK && typeof window !== 'undefined' ? `${window.location.origin}${window.location.pathname}` : ''

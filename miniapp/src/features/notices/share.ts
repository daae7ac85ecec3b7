import { ROUTES, withQuery } from '@/routes'

/**
 * For the WeChat share card: the main-package page anyone opens without logging in (a subpackage page
 * would have to load first, and a shared link must open at once).
 */
export const sharePath = (id: number): string => withQuery(ROUTES.noticePublic, { id })

/** Only a browser has an address to copy; in WeChat the share card (the ··· menu) does the job. */
export const CAN_COPY_LINK = process.env.TARO_ENV === 'h5'

/**
 * The address of the public page to send in a chat or print on the notice board, e.g.
 * https://xiangli.example/#/pages/notice/index?id=12 (the H5 app routes by hash). `origin` is the
 * app's own address; left out, the path alone.
 */
export function shareUrl(id: number, origin = ''): string {
  return `${origin.replace(/\/$/, '')}/#${sharePath(id)}`
}

/** The app's address in a browser ('' elsewhere). */
export const appOrigin = (): string =>
  CAN_COPY_LINK && typeof window !== 'undefined' ? `${window.location.origin}${window.location.pathname}` : ''

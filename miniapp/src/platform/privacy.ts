import Taro from '@tarojs/taro'

/**
 * WeChat's privacy authorisation (`__usePrivacyCheck__` in app.config): the first time the app calls
 * an API that touches personal information (wx.chooseLocation, the album, the clipboard…), WeChat
 * asks the app to show its 用户隐私保护指引 and waits. `watchPrivacyAuthorization` registers that
 * wait (wx.onNeedPrivacyAuthorization) once at launch; PrivacyPopup shows the guide while one is
 * pending and answers it: agreeing through the button with open-type agreePrivacyAuthorization
 * (whose id goes back with the answer, as WeChat requires), or disagreeing, after which the API that
 * asked fails and the app carries on without it. Nothing on H5.
 */

export type PrivacyAnswer = { event: 'agree'; buttonId: string } | { event: 'disagree' }
type Resolve = (answer: PrivacyAnswer) => void

/** the id of the agree button, sent back with the answer */
export const PRIVACY_AGREE_BUTTON_ID = 'xl-privacy-agree'

let pending: Resolve | null = null
let watching = false
const listeners = new Set<(asking: boolean) => void>()
const tell = () => listeners.forEach((l) => l(pending !== null))

type WithPrivacy = { onNeedPrivacyAuthorization?: (listener: (resolve: Resolve) => void) => void }

/** Registers the handler once (app launch). Does nothing outside WeChat or on a WeChat without it. */
export function watchPrivacyAuthorization(): void {
  if (watching || process.env.TARO_ENV !== 'weapp') return
  const wx = Taro as unknown as WithPrivacy
  if (typeof wx.onNeedPrivacyAuthorization !== 'function') return
  watching = true
  wx.onNeedPrivacyAuthorization((resolve) => {
    // a second ask while one is open: the first is declined, the newest is the one on screen
    pending?.({ event: 'disagree' })
    pending = resolve
    tell()
  })
}

/** Whether WeChat is waiting for an answer now. */
export const privacyAsked = (): boolean => pending !== null

/** Answers WeChat's wait: the person agreed (with the agree button) or declined. */
export function answerPrivacy(agree: boolean): void {
  const resolve = pending
  if (!resolve) return
  pending = null
  tell()
  resolve(agree ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID } : { event: 'disagree' })
}

/** Calls `l` whenever an ask starts or ends; returns the unsubscribe. */
export function onPrivacyAsk(l: (asking: boolean) => void): () => void {
  listeners.add(l)
  return () => listeners.delete(l)
}

/** For tests: forget the handler and any pending ask. */
export function resetPrivacy(): void {
  pending = null
  watching = false
  listeners.clear()
}

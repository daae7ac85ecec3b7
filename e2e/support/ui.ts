import type { Locator } from 'playwright-core'
import type { Session } from './browser'

/**
 * The page on top of Taro's H5 page stack. Taro keeps earlier pages in the DOM: while a new page
 * slides in, the one beneath it is still displayed (it is hidden only once the new one has settled),
 * and a page being left loses `taro_page_show` at once. So the top page is the last shown page that
 * is not shaded; every page-level locator below is scoped to it, and never matches a button of the
 * page underneath (the list's 发起议事 behind the form's 发起议事). Playwright's click waits for the
 * element to be stable, so nothing is tapped while it is still sliding.
 */
export const topPage = (s: Session): Locator =>
  s.page.locator('.taro_router > .taro_page.taro_page_show:not(.taro_page_shade)').last()

/**
 * Waits until the page on top is the one whose route contains `route` (e.g.
 * 'committee/pages/deliberation-new') and has finished sliding in: it is the only page displayed.
 */
export async function onPage(s: Session, route: string, timeout = 20_000): Promise<Locator> {
  await s.page.waitForFunction(
    (r) => {
      const shown = [...document.querySelectorAll<HTMLElement>('.taro_router > .taro_page')].filter(
        (e) => getComputedStyle(e).display !== 'none',
      )
      const top = shown[shown.length - 1]
      return (
        shown.length === 1 &&
        top !== undefined &&
        top.classList.contains('taro_page_stationed') &&
        top.id.includes(r)
      )
    },
    route,
    { timeout },
  )
  return topPage(s)
}

// NutUI's inner text nodes ignore pointer events, so tests tap the button or cell that holds the text.
export const button = (s: Session, text: string) =>
  topPage(s)
    .locator('.nut-button', { hasText: new RegExp(`^\\s*${text}\\s*$`) })
    .filter({ visible: true })
export const cell = (s: Session, text: string) =>
  topPage(s).locator('.nut-cell', { hasText: text }).filter({ visible: true })
export const field = (s: Session, tag: 'input' | 'textarea', placeholder: string) =>
  topPage(s).locator(tag).and(s.page.getByPlaceholder(placeholder)).filter({ visible: true })

/** Opens the app, taps a demo person on the login page and waits until the login page has gone. */
export async function loginAs(s: Session, url: string, name: string): Promise<void> {
  await s.page.goto(url + '/')
  await s.page.locator('.nut-cell', { hasText: name }).click({ timeout: 30_000 })
  // an account's first login asks to accept the 用户隐私保护指引; a later one goes straight on
  const agree = s.page.locator('.privacy-consent__agree')
  const list = s.page.locator('.xl-section-title', { hasText: '演示账号' })
  await Promise.race([
    agree.waitFor({ state: 'visible', timeout: 15_000 }),
    list.waitFor({ state: 'hidden', timeout: 15_000 }),
  ])
  if (await agree.isVisible()) {
    await agree.click()
    // the consent is recorded when the guide goes away: leaving the page earlier would drop the request
    // and ask again on the next page
    await agree.waitFor({ state: 'hidden', timeout: 30_000 })
  }
  await list.waitFor({ state: 'hidden', timeout: 15_000 })
}

/** Visible elements of the page on top matching a selector, optionally holding a text. */
export const visible = (s: Session, selector: string, text?: string | RegExp) =>
  topPage(s)
    .locator(selector, text === undefined ? {} : { hasText: text })
    .filter({ visible: true })
/** Visible elements anywhere on screen: dialogs, action sheets, the tab bar (they sit outside the pages). */
export const onScreen = (s: Session, selector: string, text?: string | RegExp) =>
  s.page.locator(selector, text === undefined ? {} : { hasText: text }).filter({ visible: true })
/** A chip whose whole label is this text. */
export const chip = (s: Session, text: string) => visible(s, '.xl-chip', new RegExp(`^\\s*${text}\\s*$`))
export const tab = (s: Session, text: string) => onScreen(s, '.weui-tabbar__item', text)
export const stateTag = (s: Session, label: string) => visible(s, '.xl-state-tag', label).first()
/** Taps 确定 on Taro's confirm dialog. */
export const confirmModal = (s: Session) => onScreen(s, '.taro-model__confirm').click({ timeout: 10_000 })

/** Taro's toast would cover the picture: wait until the one a step shows has come and gone. */
export async function toastGone(s: Session): Promise<void> {
  const toast = s.page.locator('.taro__toast')
  await toast.waitFor({ state: 'visible', timeout: 3_000 }).catch(() => undefined)
  await toast.waitFor({ state: 'hidden', timeout: 10_000 })
}

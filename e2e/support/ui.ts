import type { Session } from './browser'

// NutUI's inner text nodes ignore pointer events, so tests tap the button or cell that holds the text.
// Taro keeps earlier pages in the DOM (hidden), so only visible elements count.
export const button = (s: Session, text: string) =>
  s.page.locator('.nut-button', { hasText: new RegExp(`^\\s*${text}\\s*$`) }).filter({ visible: true })
export const cell = (s: Session, text: string) =>
  s.page.locator('.nut-cell', { hasText: text }).filter({ visible: true })
export const field = (s: Session, tag: 'input' | 'textarea', placeholder: string) =>
  s.page.locator(tag).and(s.page.getByPlaceholder(placeholder)).filter({ visible: true })

/** Opens the app, taps a demo person on the login page and waits until the login page has gone. */
export async function loginAs(s: Session, url: string, name: string): Promise<void> {
  await s.page.goto(url + '/')
  await s.page.locator('.nut-cell', { hasText: name }).click({ timeout: 30_000 })
  await s.page
    .locator('.xl-section-title', { hasText: '演示账号' })
    .waitFor({ state: 'hidden', timeout: 15_000 })
}

/** Visible elements matching a selector, optionally holding a text. */
export const visible = (s: Session, selector: string, text?: string | RegExp) =>
  s.page.locator(selector, text === undefined ? {} : { hasText: text }).filter({ visible: true })
/** A chip whose whole label is this text. */
export const chip = (s: Session, text: string) => visible(s, '.xl-chip', new RegExp(`^\\s*${text}\\s*$`))
export const tab = (s: Session, text: string) => visible(s, '.weui-tabbar__item', text)
export const stateTag = (s: Session, label: string) => visible(s, '.xl-state-tag', label).first()
/** Taps 确定 on Taro's confirm dialog. */
export const confirmModal = (s: Session) => visible(s, '.taro-model__confirm').click({ timeout: 10_000 })

/** Taro's toast would cover the picture: wait until the one a step shows has come and gone. */
export async function toastGone(s: Session): Promise<void> {
  const toast = s.page.locator('.taro__toast')
  await toast.waitFor({ state: 'visible', timeout: 3_000 }).catch(() => undefined)
  await toast.waitFor({ state: 'hidden', timeout: 10_000 })
}

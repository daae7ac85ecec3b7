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

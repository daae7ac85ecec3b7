import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core'

export const resultsDir = resolve(__dirname, '../../test-results')

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export interface Session {
  browser: Browser
  context: BrowserContext
  page: Page
  close: () => Promise<void>
}

/** A mid-range phone in China: its size, language and time zone (times show as on their phones). */
const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
  isMobile: true,
  hasTouch: true,
}

/**
 * What the browser refused under the server's content security policy, in this test file. The app
 * must work under it: support/policy.ts fails the file when anything was refused.
 */
export const refusedByPolicy: string[] = []

function watchPolicy(context: BrowserContext): void {
  context.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) refusedByPolicy.push(m.text())
  })
}

/**
 * Headless Debian Chromium (Playwright gives each launch a fresh profile) with a phone-sized window;
 * `javaScript: false` for a phone that runs no script (what the plain public pages must be read on).
 */
export async function openBrowser(opts: { javaScript?: boolean } = {}): Promise<Session> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  const context = await browser.newContext({ ...PHONE, javaScriptEnabled: opts.javaScript ?? true })
  watchPolicy(context)
  const page = await context.newPage()
  return {
    browser,
    context,
    page,
    close: async () => {
      await browser.close()
    },
  }
}

/** Another person on the same Chromium: a fresh context (own storage, own login), the same phone. */
export async function openPerson(browser: Browser): Promise<Session> {
  const context = await browser.newContext(PHONE)
  watchPolicy(context)
  const page = await context.newPage()
  return { browser, context, page, close: () => context.close() }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(resultsDir, { recursive: true })
  const file = join(resultsDir, `${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}

// The weak-signal part of pnpm bench: a shared notice (the plain page the server renders) and the
// resident home (the H5 app) opened in headless Chromium over an emulated 400 kbps / 400 ms link,
// reported as bytes on the wire and time to first content, beside their targets. Figures, not
// assertions: the numbers depend on the machine and are read by a person.
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { root } from './lib.mjs'

const { chromium } = createRequire(join(root, 'package.json'))('playwright-core')

/** 400 kbps both ways, 400 ms added to every round trip: a weak 3G signal at the edge of a village */
const LINK = { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 }
const TARGETS = { notice: 2000, home: 5000 }
const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
  isMobile: true,
  hasTouch: true,
}

/**
 * Opens `url` over the slow link and waits for `selector`: the bytes every response took on the wire
 * (headers included, as Chromium counts them), the requests, first contentful paint, and when the
 * content itself (the selector) was on screen, both from the start of the navigation.
 */
async function measure(page, url, selector) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', LINK)
  const sizes = new Map()
  const trace = new Map()
  cdp.on('Network.requestWillBeSent', (e) =>
    trace.set(e.requestId, { url: e.request.url, sent: e.timestamp }),
  )
  cdp.on('Network.loadingFinished', (e) => {
    sizes.set(e.requestId, e.encodedDataLength)
    const t = trace.get(e.requestId)
    if (t) Object.assign(t, { done: e.timestamp, bytes: e.encodedDataLength })
  })
  await page.goto(url, { waitUntil: 'commit', timeout: 120_000 })
  // read in the page at every frame, from the navigation's start as first paint is: a locator's wait
  // retries from outside at growing intervals (up to 500 ms), which had added up to half a second
  const content = await (
    await page.waitForFunction(
      (sel) => {
        const el = globalThis.document.querySelector(sel)
        if (!el) return false
        const box = el.getBoundingClientRect()
        return box.width > 0 && box.height > 0 && globalThis.getComputedStyle(el).visibility !== 'hidden'
          ? globalThis.performance.now()
          : false
      },
      selector,
      { polling: 'raf', timeout: 120_000 },
    )
  ).jsonValue()
  const fcp = await page.evaluate(
    () => globalThis.performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
  )
  // what is still arriving for the page once its content shows counts too
  await page.waitForLoadState('networkidle', { timeout: 120_000 }).catch(() => undefined)
  await cdp.send('Network.emulateNetworkConditions', {
    ...LINK,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  })
  await cdp.detach()
  const bytes = [...sizes.values()].reduce((s, n) => s + n, 0)
  // BENCH_TRACE=1: every request with when it was sent and finished, to see what the page waits on
  if (process.env.BENCH_TRACE) {
    const t0 = Math.min(...[...trace.values()].map((t) => t.sent))
    for (const t of trace.values())
      console.log(
        `  ${((t.sent - t0) * 1000).toFixed(0).padStart(6)} → ${t.done ? ((t.done - t0) * 1000).toFixed(0).padStart(6) : '     —'} ms ${String(t.bytes ?? '').padStart(7)} B  ${t.url.replace(/^https?:\/\/[^/]+/, '')}`,
      )
  }
  return { bytes, requests: sizes.size, fcp: fcp === null ? null : Math.round(fcp), content }
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`
const ms = (n) => (n === null ? '—' : `${(n / 1000).toFixed(2)} s`)
function row(title, m, target) {
  const verdict = m.content <= target ? 'within' : 'over'
  return `${title.padEnd(34)} ${kb(m.bytes).padStart(9)} in ${String(m.requests).padStart(2)} requests   first paint ${ms(m.fcp).padStart(7)}   content ${ms(m.content).padStart(7)}   target ≤ ${ms(target)} (${verdict})`
}

/** Runs the part against a server at `base` that serves the H5 build; `token` is a resident's. */
export async function benchWeakSignal(base, token) {
  const api = async (path) =>
    (await fetch(base + path, { headers: { authorization: `Bearer ${token}` } })).json()
  const me = await api('/api/me')
  const villageId = me.memberships.find((m) => m.orgKind === 'village')?.orgId ?? me.memberships[0].orgId
  const feed = await api(`/api/villages/${villageId}/notices?pageSize=1`)
  const noticeId = feed.items[0].id

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
  try {
    const lines = []
    // a stranger opening the link from a WeChat group: nothing cached
    {
      const context = await browser.newContext(PHONE)
      const page = await context.newPage()
      lines.push(
        row(
          `shared notice /notices/${noticeId}`,
          await measure(page, `${base}/notices/${noticeId}`, 'h1'),
          TARGETS.notice,
        ),
      )
      await context.close()
    }
    // the resident, logged in (on a fast link), opening the app: first with nothing cached, then again
    {
      const context = await browser.newContext(PHONE)
      const page = await context.newPage()
      await page.goto(`${base}/`)
      await page.locator('.nut-cell', { hasText: '王秀英' }).click({ timeout: 60_000 })
      // the first login asks to accept the 用户隐私保护指引 before the home
      const agree = page.locator('.privacy-consent__agree')
      const greeting = page.locator('.home__greeting').first()
      await Promise.race([
        agree.waitFor({ state: 'visible', timeout: 60_000 }),
        greeting.waitFor({ state: 'visible', timeout: 60_000 }),
      ])
      if (await agree.isVisible()) await agree.click()
      await greeting.waitFor({ timeout: 60_000 })
      const cdp = await context.newCDPSession(page)
      await cdp.send('Network.clearBrowserCache')
      await cdp.detach()
      await page.goto('about:blank')
      lines.push(
        row(
          'resident home, nothing cached',
          await measure(page, `${base}/`, '.home__greeting'),
          TARGETS.home,
        ),
      )
      await page.goto('about:blank')
      lines.push(
        row('resident home, opened again', await measure(page, `${base}/`, '.home__greeting'), TARGETS.home),
      )
      await context.close()
    }
    console.log(
      '\nWeak signal: headless Chromium over 400 kbps / 400 ms (bytes on the wire, time from navigation)',
    )
    for (const l of lines) console.log(l)
  } finally {
    await browser.close()
  }
}

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CERTIFICATE_CHECK_PAGE, CERTIFICATE_CHECK_PATH, pageRoutes, pathOf } from '@xiangli/shared'
import { ROUTES } from './routes'

/** The inline script of index.html that sends links from before the plain pages on, run on a fake location. */
function opened(hash: string): string | null {
  const html = readFileSync(join(__dirname, 'index.html'), 'utf8')
  const script = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1]!)
    .find((s) => s.includes('location'))!
  let went: string | null = null
  const location = { hash, replace: (to: string) => void (went = to) }
  new Function('location', script)(location)
  return went
}

describe('links made before the public pages were plain server pages', () => {
  it('sends a notice share link on to the plain notice page', () => {
    expect(opened(`#${ROUTES.noticePublic}?id=12`)).toBe(pathOf(pageRoutes.notice, { id: 12 }))
  })

  it('sends an old certificate QR code on to the plain check page with its number and code', () => {
    expect(opened(`#${CERTIFICATE_CHECK_PAGE}?n=330106101201-2026-0007&c=K7QM3XPA`)).toBe(
      `${CERTIFICATE_CHECK_PATH}?n=330106101201-2026-0007&c=K7QM3XPA`,
    )
  })

  it('leaves every other page of the app where it is', () => {
    expect(opened(`#${ROUTES.home}`)).toBeNull()
    expect(opened(`#${CERTIFICATE_CHECK_PAGE}`)).toBeNull()
    expect(opened(`#${ROUTES.noticeDetail}?id=12`)).toBeNull()
    expect(opened(`#${ROUTES.noticePublic}`)).toBeNull()
    expect(opened('')).toBeNull()
  })
})

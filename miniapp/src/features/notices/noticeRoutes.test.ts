import { NOTICE_PAGES, noticePage } from '@xiangli/shared'
import { ROUTES } from '@/routes'

function config() {
  ;(globalThis as Record<string, unknown>).defineAppConfig = (c: unknown) => c
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('@/app.config').default as {
    pages: string[]
    subPackages: { root: string; pages: string[] }[]
  }
}

describe('notice routes', () => {
  it('has the pages notifications about notices point at, declared in app.config.ts', () => {
    expect(ROUTES.noticeDetail).toBe(NOTICE_PAGES.resident)
    expect(ROUTES.committeeNotice).toBe(NOTICE_PAGES.committee)
    expect(ROUTES.townshipNotice).toBe(NOTICE_PAGES.township)
    const c = config()
    const declared = [
      ...c.pages.map((p) => `/${p}`),
      ...c.subPackages.flatMap((s) => s.pages.map((p) => `/${s.root}/${p}`)),
    ]
    const notices = Object.entries(ROUTES)
      .filter(([k]) => /notice/i.test(k))
      .map(([, v]) => v)
    expect(declared).toEqual(expect.arrayContaining(notices))
    expect(noticePage('resident', 5)).toBe(`${ROUTES.noticeDetail}?id=5`)
  })

  it('keeps the share page in the main package, so a shared link opens without loading a subpackage', () => {
    expect(config().pages.map((p) => `/${p}`)).toContain(ROUTES.noticePublic)
  })
})

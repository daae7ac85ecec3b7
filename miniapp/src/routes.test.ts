import {
  APP_PAGES,
  CERTIFICATE_CHECK_PAGE,
  CERTIFICATE_PAGES,
  DELIBERATION_PAGES,
  GRIEVANCE_PAGES,
  PETITION_PAGES,
  RULES_PAGES,
  SERVICE_PAGES,
} from '@xiangli/shared'
import { ROUTES, isTabRoute, normalizeLink, withQuery } from './routes'

/** The pages app.config.ts declares, as paths; the config is read with Taro's global stubbed. */
function declaredPages(): string[] {
  ;(globalThis as Record<string, unknown>).defineAppConfig = (c: unknown) => c
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require('./app.config').default as {
    pages: string[]
    subPackages: { root: string; pages: string[] }[]
  }
  return [
    ...config.pages.map((p) => `/${p}`),
    ...config.subPackages.flatMap((s) => s.pages.map((p) => `/${s.root}/${p}`)),
  ]
}

describe('routes', () => {
  it('has the certificate check page where the QR code printed by the server points, in the main package', () => {
    expect(ROUTES.certificateCheck).toBe(CERTIFICATE_CHECK_PAGE)
    ;(globalThis as Record<string, unknown>).defineAppConfig = (c: unknown) => c
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require('./app.config').default as { pages: string[] }
    expect(config.pages.map((p) => `/${p}`)).toContain(CERTIFICATE_CHECK_PAGE)
  })

  it("has the pages the server's plain public pages link into", () => {
    expect(ROUTES.public).toBe(APP_PAGES.board)
    expect(ROUTES.certificateCatalogue).toBe(APP_PAGES.certificates)
    expect(declaredPages()).toEqual(expect.arrayContaining(Object.values(APP_PAGES)))
  })

  it('has the certificate pages notifications point at', () => {
    expect(ROUTES.certificateDetail).toBe(CERTIFICATE_PAGES.resident)
    expect(ROUTES.committeeCertificate).toBe(CERTIFICATE_PAGES.committee)
    expect(declaredPages()).toEqual(expect.arrayContaining(Object.values(CERTIFICATE_PAGES)))
  })

  it('has the 便民服务 page the resident’s messages point at', () => {
    expect(ROUTES.serviceDetail).toBe(SERVICE_PAGES.detail)
    expect(declaredPages()).toContain(SERVICE_PAGES.detail)
  })

  it('has the deliberation and petition pages notifications point at', () => {
    expect(ROUTES.deliberationDetail).toBe(DELIBERATION_PAGES.detail)
    expect(ROUTES.deliberationMeeting).toBe(DELIBERATION_PAGES.meeting)
    expect(ROUTES.petitionList).toBe(PETITION_PAGES.list)
    expect(ROUTES.petitionDetail).toBe(PETITION_PAGES.detail)
    expect(ROUTES.petitionNew).toBe(PETITION_PAGES.start)
    expect(declaredPages()).toEqual(
      expect.arrayContaining([...Object.values(DELIBERATION_PAGES), ...Object.values(PETITION_PAGES)]),
    )
  })

  it('has the 村规民约 pages the shared links name', () => {
    expect(ROUTES.villageRules).toBe(RULES_PAGES.current)
    expect(ROUTES.villageRulesVersion).toBe(RULES_PAGES.version)
    expect(ROUTES.villageRulesManage).toBe(RULES_PAGES.manage)
    expect(ROUTES.villageRulesCompose).toBe(RULES_PAGES.compose)
    expect(ROUTES.townshipVillageRules).toBe(RULES_PAGES.township)
    expect(declaredPages()).toEqual(expect.arrayContaining(Object.values(RULES_PAGES)))
  })

  it('adds a query string to a page path', () => {
    expect(withQuery('/pages/inbox/index', { villageId: 3 })).toBe('/pages/inbox/index?villageId=3')
    expect(withQuery('/pages/inbox/index', {})).toBe('/pages/inbox/index')
  })

  it('knows which links are tab pages, with or without a leading slash or query', () => {
    expect(isTabRoute('pages/mine/index')).toBe(true)
    expect(isTabRoute('/pages/home/index?from=inbox')).toBe(true)
    expect(isTabRoute('/subpackages/me/pages/verify/index')).toBe(false)
  })

  it('adds the leading slash a notification link may lack', () => {
    expect(normalizeLink(' subpackages/me/pages/verify/index ')).toBe('/subpackages/me/pages/verify/index')
  })

  it('declares every page it links to in app.config.ts', () => {
    const declared = declaredPages()
    expect(Object.values(ROUTES).filter((r) => !declared.includes(r))).toEqual([])
  })

  it('opens notifications about an issue on the pages the server links to', () => {
    expect(ROUTES.grievanceDetail).toBe(GRIEVANCE_PAGES.resident)
    expect(ROUTES.committeeGrievance).toBe(GRIEVANCE_PAGES.committee)
    expect(ROUTES.townshipGrievance).toBe(GRIEVANCE_PAGES.township)
  })
})

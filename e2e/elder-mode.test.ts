import { request, type APIRequestContext } from 'playwright-core'
import { ROUTES, TAB_ROUTES, withQuery } from '../miniapp/src/routes'
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openBrowser, openPerson, resultsDir, screenshot, type Session } from './support/browser'
import { measureTopPage, type Finding, type Limits } from './support/measure'
import { startServer, type RunningServer } from './support/server'
import { loginAs, visible } from './support/ui'

/**
 * 适老化 (MIIT's rule for apps, WeChat's guide for mini-programs): in 长辈模式 every main control is
 * at least 60×60 px, text at least 18 px, line height at least 1.3 and contrast at least 4.5:1;
 * elsewhere controls are at least 44×44 px. Each kind of demo person turns 长辈模式 on from the home
 * page and opens every page of routes.ts, so a new page is measured without touching this file.
 */
const ELDER: Limits = { control: 60, text: 18, contrast: true, lineHeight: 1.3 }
const NORMAL: Limits = { control: 44, text: 0, contrast: true, lineHeight: 0 }

/** Each kind of demo person (the server's demo-people list; a test below fails when it gains one). */
const KINDS = [
  'secretary',
  'committee',
  'supervisor',
  'representative',
  'party_member',
  'resident',
  'newcomer',
  'community_committee',
  'community_resident',
  'township',
  'admin',
  'grid_worker',
  'group_leader',
]
/**
 * Who walks every page: one of each kind of role (the 两委, a resident, the supervision committee,
 * the township, the administrator, a 网格员), so every page is measured as someone who may use it
 * sees it. The other kinds (the same pages behind the same roles) are measured on their home page.
 */
const FULL_WALK = ['secretary', 'resident', 'supervisor', 'township', 'admin', 'grid_worker']
/** Every page opened takes a few seconds; a full walk opens them all. */
jest.setTimeout(600_000)
/** Each problem as it is found, for reading while the test runs (test-results/elder-mode.txt). */
const log = join(resultsDir, 'elder-mode.txt')

type RouteKey = keyof typeof ROUTES
type Ids = Record<string, number | string>

/** The query each page needs, from the demo data; pages not listed take none. */
function queryFor(key: RouteKey, ids: Ids): Record<string, string | number> {
  const v = { villageId: ids.villageId! }
  const byId = (name: string) => (ids[name] === undefined ? v : { ...v, id: ids[name] })
  switch (key) {
    case 'grievanceDetail':
    case 'committeeGrievance':
      return byId('grievance')
    case 'townshipGrievance':
      return { townshipId: ids.townshipId!, id: ids.townshipGrievance ?? ids.grievance! }
    case 'townshipGrievances':
    case 'townshipCertificateStats':
    case 'townshipNotices':
      return { townshipId: ids.townshipId! }
    case 'townshipNotice':
      return { townshipId: ids.townshipId!, ...byId('notice') }
    case 'certificateDetail':
    case 'committeeCertificate':
      return byId('certificate')
    case 'certificateApply':
      return { ...v, code: ids.certificateCode! }
    case 'certificateCheck':
      return { n: ids.certificateNumber!, c: ids.certificateCode2! }
    case 'deliberationDetail':
    case 'deliberationOpinion':
    case 'deliberationOpinions':
    case 'committeeDeliberationPublish':
      return byId('deliberation')
    case 'deliberationMeeting':
    case 'committeeDeliberationSchedule':
      return ids.meeting === undefined
        ? byId('deliberation')
        : { ...byId('deliberation'), meetingId: ids.meeting }
    case 'petitionDetail':
      return byId('petition')
    case 'pollDetail':
      return byId('poll')
    case 'activityDetail':
    case 'committeeActivity':
    case 'committeeActivityQr':
      return byId('activity')
    case 'serviceDetail':
      return byId('serviceRequest')
    case 'serviceItem':
    case 'serviceApply':
      return { ...v, code: ids.serviceCode! }
    case 'townshipServiceStats':
    case 'townshipServiceCatalogue':
      return { townshipId: ids.townshipId! }
    case 'committeeResidence':
      return { ...byId('resident'), householdId: ids.household! }
    case 'noticePublic':
    case 'noticeDetail':
    case 'noticeObject':
    case 'noticeObjections':
    case 'committeeNotice':
    case 'committeeNoticeObjections':
    case 'committeeNoticeAcks':
      return byId('notice')
    default:
      return v
  }
}

describe('长辈模式 and touch sizes on every page', () => {
  let server: RunningServer
  let first: Session
  let http: APIRequestContext
  let people: { key: string; name: string; roleLabel: string }[] = []
  const ids: Ids = {}

  const api = async <T>(token: string, path: string): Promise<T> => {
    const res = await http.get(path, { headers: { authorization: `Bearer ${token}` } })
    expect(res.status()).toBe(200)
    return (await res.json()) as T
  }
  const login = async (key: string): Promise<string> => {
    const res = await http.post('/api/auth/demo', { data: { key } })
    return ((await res.json()) as { accessToken: string }).accessToken
  }
  type Items = { items: { id: number; meetings?: { id: number }[] }[] }
  const firstId = async (token: string, path: string): Promise<number | undefined> =>
    (await api<Items>(token, path)).items[0]?.id

  beforeAll(async () => {
    server = await startServer()
    http = await request.newContext({ baseURL: server.url })
    people = (await (await http.get('/api/auth/demo-people')).json()).people
    const secretary = await login('secretary')
    const me = await api<{ memberships: { orgId: number; orgName: string; parentId?: number }[] }>(
      secretary,
      '/api/me',
    )
    const village = me.memberships.find((m) => m.orgName === '柳林村')!
    const V = `/api/villages/${village.orgId}`
    ids.villageId = village.orgId
    const org = await api<{ parentId?: number | null; township?: { id: number } }>(secretary, V)
    ids.townshipId = org.township?.id ?? org.parentId ?? 0
    ids.grievance = (await firstId(secretary, `${V}/grievances`))!
    const certs = await api<{ items: { id: number; number: string; verificationCode: string }[] }>(
      secretary,
      `${V}/certificates/requests?status=issued`,
    )
    ids.certificate = certs.items[0]!.id
    ids.certificateNumber = certs.items[0]!.number
    ids.certificateCode2 = certs.items[0]!.verificationCode
    const catalogue = await api<{ positive: { code: string }[] }>(secretary, `${V}/certificates/catalogue`)
    ids.certificateCode = catalogue.positive[0]!.code
    const delib = await firstId(secretary, `${V}/deliberations`)
    if (delib !== undefined) {
      ids.deliberation = delib
      const detail = await api<{ meetings?: { id: number }[] }>(secretary, `${V}/deliberations/${delib}`)
      if (detail.meetings?.[0]) ids.meeting = detail.meetings[0].id
    }
    const petition = await firstId(secretary, `${V}/petitions`)
    if (petition !== undefined) ids.petition = petition
    const polls = await api<{ id: number }[]>(secretary, `${V}/polls`)
    if (polls[0]) ids.poll = polls[0].id
    const activities = await api<{ id: number }[]>(secretary, `${V}/activities`)
    if (activities[0]) ids.activity = activities[0].id
    // 便民服务: a service of the catalogue and the demo request the desk carried to the township
    ids.serviceCode = (await api<{ code: string }[]>(secretary, `${V}/services/catalogue`))[0]!.code
    const requests = await api<{ id: number; residentName: string }[]>(
      secretary,
      `${V}/services/requests?state=forwarded`,
    )
    ids.serviceRequest = requests[0]!.id
    ids.notice = (await firstId(secretary, `${V}/notices`))!
    const person = (
      await api<{ items: { id: number; householdId: number }[] }>(secretary, `${V}/residents?pageSize=1`)
    ).items[0]!
    ids.resident = person.id
    ids.household = person.householdId
    first = await openBrowser()
    mkdirSync(resultsDir, { recursive: true })
    writeFileSync(log, '')
  })
  afterAll(async () => {
    await first?.close()
    await http?.dispose()
    await server?.stop()
  })

  /** Opens each page by its link (a fresh load, as a shared link or a notification would). */
  async function visitAll(s: Session, person: string, limits: Limits): Promise<string[]> {
    const problems: string[] = []
    let n = 0
    for (const [key, route] of Object.entries(ROUTES) as [RouteKey, string][]) {
      n += 1
      const link = withQuery(route, queryFor(key, ids))
      await s.page.goto(`${server.url}/?visit=${n}#${link}`)
      // wait for whichever page ends on top (a page may send the person elsewhere) to settle
      const settled = await s.page
        .waitForFunction(
          () => {
            // the share page and the certificate check send a browser to the plain pages the
            // server renders (public-pages.test.ts reads those)
            if (location.pathname !== '/') return true
            const shown = [...document.querySelectorAll<HTMLElement>('.taro_router > .taro_page')].filter(
              (e) => getComputedStyle(e).display !== 'none',
            )
            const top = shown[shown.length - 1]
            return (
              shown.length === 1 &&
              top?.classList.contains('taro_page_stationed') === true &&
              top.querySelector('.xl-spinner') === null
            )
          },
          undefined,
          { timeout: 20_000 },
        )
        .then(
          () => true,
          () => false,
        )
      if (!settled) {
        const state = await s.page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('.taro_router > .taro_page')]
            .map((e) => `${e.id} [${e.className}]`)
            .join(', '),
        )
        problems.push(`${person} ${key}: the page did not finish opening: ${state}`)
        continue
      }
      if (await s.page.evaluate(() => location.pathname !== '/')) continue
      if (limits === ELDER) await s.page.locator('.xl-elder').first().waitFor({ timeout: 5_000 })
      const found: Finding[] = await measureTopPage(s.page, limits)
      const at = await s.page.evaluate(() => location.hash.replace(/^#/, '').split('?')[0])
      for (const f of found) problems.push(`${person} ${key} (${at}): ${f.what} ${f.element} ${f.detail}`)
      // every page has its title on top; a sub-page has an arrow back (home, when opened from a link)
      const header = await s.page.evaluate(() => {
        const bar = document.getElementById('taro-navigation-bar')
        const seen = (e: Element | null | undefined) => !!e && e.getBoundingClientRect().width > 0
        return {
          title: seen(bar)
            ? (bar!.querySelector('.taro-navigation-bar-title')?.textContent ?? '').trim()
            : '',
          arrow:
            seen(bar?.querySelector('.taro-navigation-bar-back')) ||
            seen(bar?.querySelector('.taro-navigation-bar-home')),
        }
      })
      if (!header.title) problems.push(`${person} ${key} (${at}): no page title`)
      if (!TAB_ROUTES.includes(at) && !header.arrow) problems.push(`${person} ${key} (${at}): no back arrow`)
    }
    appendFileSync(log, problems.map((x) => x + '\n').join(''))
    return problems
  }

  it('has a line below for every kind of demo person the server offers', () => {
    expect(people.map((p) => p.key).sort()).toEqual([...KINDS].sort())
  })

  it.each(['secretary', 'resident'])(
    'keeps every control at least 44×44 px with 长辈模式 off (%s)',
    async (key) => {
      const p = people.find((x) => x.key === key)!
      const s = await openPerson(first.browser)
      try {
        await loginAs(s, server.url, p.name)
        await visible(s, '.xl-elder-entry--ask .nut-button', '不用了').click({ timeout: 15_000 })
        await visible(s, '.xl-elder-entry .nut-switch-close').waitFor({ timeout: 10_000 })
        expect(await s.page.locator('.xl-elder').count()).toBe(0)
        expect(await visitAll(s, `${p.name}（长辈模式关）`, NORMAL)).toEqual([])
      } finally {
        await s.close()
      }
    },
  )

  it.each(KINDS)(
    'lets a demo person (%s) turn 长辈模式 on at first launch, and the pages then meet the rule',
    async (key) => {
      const p = people.find((x) => x.key === key)!
      const s = await openPerson(first.browser)
      try {
        await loginAs(s, server.url, p.name)
        // the first-launch question on the home page
        await visible(s, '.xl-elder-entry--ask .nut-button', '打开长辈模式').click({ timeout: 15_000 })
        await s.page.locator('.taro_page_show .xl-elder').first().waitFor({ timeout: 10_000 })
        // answered, it becomes a switch that is on
        await visible(s, '.xl-elder-entry .nut-switch:not(.nut-switch-close)').waitFor({ timeout: 10_000 })
        await screenshot(s.page, `elder-home-${p.key}`)
        const who = `${p.name}（${p.roleLabel}）`
        if (FULL_WALK.includes(key)) expect(await visitAll(s, who, ELDER)).toEqual([])
        else
          expect(
            (await measureTopPage(s.page, ELDER)).map(
              (f) => `${who} home: ${f.what} ${f.element} ${f.detail}`,
            ),
          ).toEqual([])
      } finally {
        await s.close()
      }
    },
  )
})

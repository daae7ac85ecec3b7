import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  authRoutes,
  defaultProcedureSettings,
  earliestMeetingAt,
  pathOf,
  type MeetingBody,
  type TokenPair,
} from '@xiangli/shared'
import { openBrowser, openPerson, resultsDir, screenshot, type Session } from './support/browser'
import { letPass, passTo, serverNow } from './support/clock'
import { startServer, type RunningServer } from './support/server'
import {
  button,
  cell,
  chip,
  confirmModal,
  field,
  loginAs,
  onPage,
  tab,
  toastGone,
  visible,
} from './support/ui'

const TITLE = '柳林村村规民约（2026 年修订）'
const NEW_CLAUSE = '第八条 禁止高空抛物，车辆不占用消防通道。'
const DAY = 86_400_000

/**
 * 村规民约 on 柳林村 in the H5 app: 张丽 drafts an amendment and puts it to the vote; the deliberation
 * it starts (一征, 提议, 商议, 审议, then the villagers' meeting) is driven through the API with the
 * server's clock, as the deliberation tests hold those meetings in the app already; the adopted text
 * is what 王秀英 reads, with what changed; 张丽 files it and 赵建国 of 柳林镇 sees the filing and
 * orders a clause corrected, which the village then reads.
 */
describe('村规民约: drafting, adoption by the villagers’ meeting, publication and filing in the H5 app', () => {
  let server: RunningServer
  let committee: Session
  let resident: Session
  let official: Session
  let versionUrl = ''
  let villageId = 0
  let deliberationId = 0

  beforeAll(async () => {
    server = await startServer({ TEST_CLOCK: 'true' })
    committee = await openBrowser()
    resident = await openPerson(committee.browser)
    official = await openPerson(committee.browser)
  })
  afterAll(async () => {
    if (server) writeFileSync(join(resultsDir, 'village-rules-server.log'), server.log())
    for (const s of [official, resident]) await s?.close()
    await committee?.close()
    await server?.stop()
  })

  /** One API call as a demo person, failing the test on a refusal. */
  const tokens = new Map<string, string>()
  async function api<T = any>(key: string, method: string, path: string, body?: unknown): Promise<T> {
    if (!tokens.has(key)) {
      const res = await fetch(`${server.url}${pathOf(authRoutes.demoLogin, {})}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ key }),
      })
      tokens.set(key, ((await res.json()) as TokenPair).accessToken)
    }
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${tokens.get(key)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const json = (await res.json()) as T
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`)
    return json
  }

  /** A meeting of the step on a notice published now, held at its earliest lawful time, all in favour. */
  async function holdMeeting(step: string, body: MeetingBody) {
    const base = `/api/villages/${villageId}/deliberations/${deliberationId}`
    const now = await serverNow(server.url)
    const at = earliestMeetingAt(defaultProcedureSettings().notices[body], now)
    const meetingAt = new Date(Math.ceil(at.getTime() / 1000) * 1000)
    const d = await api('secretary', 'POST', `${base}/meetings`, {
      step,
      body,
      meetingAt: meetingAt.toISOString(),
      location: '村委会会议室',
      agenda: '修订村规民约',
      agendaPublished: true,
      planSent: true,
    })
    const meetingId: number = d.meetings.at(-1).id
    await passTo(server.url, meetingAt)
    await api('secretary', 'POST', `${base}/meetings/${meetingId}/open`)
    const meeting = await api('secretary', 'GET', `${base}/meetings/${meetingId}`)
    const ids = meeting.members.map((m: { id: number }) => m.id)
    await api('secretary', 'POST', `${base}/meetings/${meetingId}/paper-sign-in`, { memberIds: ids })
    const closed = await api('secretary', 'POST', `${base}/meetings/${meetingId}/close`, {
      counted: { yes: ids.length, no: 0, abstain: 0 },
    })
    expect(closed.result.outcome).toBe('passed')
  }

  it('张丽 drafts an amendment of the 村规民约 in force and puts it to the vote', async () => {
    const s = committee
    await loginAs(s, server.url, '张丽')
    await tab(s, '办事').click({ timeout: 15_000 })
    await cell(s, '村规民约（起草、表决、备案）').click({ timeout: 15_000 })
    await onPage(s, 'village-rules/pages/manage')
    expect(await visible(s, '.rules__meta', '现行有效').count()).toBe(1)
    await button(s, '起草新的一版').click()
    await onPage(s, 'village-rules/pages/compose')
    await field(s, 'input', '例如：柳林村村规民约').fill(TITLE)
    const current = await api('committee', 'GET', '/api/me')
    villageId = current.memberships.find((m: { orgName: string }) => m.orgName === '柳林村').orgId
    const inForce = await api('committee', 'GET', `/api/villages/${villageId}/village-rules`)
    const demo = await api(
      'committee',
      'GET',
      `/api/villages/${villageId}/village-rules/${inForce.current.village_rules.id}`,
    )
    await field(s, 'textarea', '第一条 ……').fill(`${demo.text}\n${NEW_CLAUSE}`)
    await screenshot(s.page, 'village-rules-compose')
    await button(s, '保存草稿').click()
    await onPage(s, 'village-rules/pages/version')
    await visible(s, '.rules__meta', '村规民约 第 2 版 · 草稿').waitFor({ timeout: 15_000 })
    versionUrl = s.page.url()
    await toastGone(s)
    await button(s, '交付表决（先征求意见）').click()
    await confirmModal(s)
    await visible(s, '.rules__meta', '征求意见和表决中').first().waitFor({ timeout: 15_000 })
    await toastGone(s)
    // the text is frozen: no more editing
    expect(await button(s, '修改草稿').count()).toBe(0)
    await screenshot(s.page, 'village-rules-in-adoption')
    const id = Number(/[?&]id=(\d+)/.exec(versionUrl)![1])
    deliberationId = (await api('committee', 'GET', `/api/villages/${villageId}/village-rules/${id}`))
      .deliberationId
    expect(deliberationId).toBeGreaterThan(0)
  })

  it('王秀英 finds the draft one tap from 办事 and reaches its comment window', async () => {
    const s = resident
    await loginAs(s, server.url, '王秀英')
    // the committee opens the 一征 window on the deliberation the draft started
    const closesAt = new Date((await serverNow(server.url)).getTime() + 6 * DAY)
    await api(
      'committee',
      'POST',
      `/api/villages/${villageId}/deliberations/${deliberationId}/solicitation`,
      {
        step: 'solicit',
        closesAt: closesAt.toISOString(),
      },
    )
    await tab(s, '办事').click({ timeout: 15_000 })
    await cell(s, '村规民约').first().click({ timeout: 15_000 })
    await onPage(s, 'village-rules/pages/current')
    await visible(s, '.rules__meta', '征求意见和表决中').click({ timeout: 15_000 })
    await onPage(s, 'village-rules/pages/version')
    await button(s, '去提意见、看表决进度').click({ timeout: 15_000 })
    await onPage(s, 'deliberation/pages/detail')
    await visible(s, '.xl-delib-solicit__window', /正在征求意见/).waitFor({ timeout: 20_000 })
  })

  it('the villagers’ meeting adopts it through the deliberation', async () => {
    const base = `/api/villages/${villageId}/deliberations/${deliberationId}`
    await api('resident', 'POST', `${base}/opinions`, { text: '赞成，消防通道也写进去了。' })
    await letPass(server.url, 6 * DAY + 60_000)
    await api('committee', 'POST', `${base}/solicitation/summary`, {
      step: 'solicit',
      text: '收到 1 条意见，赞成修订。',
    })
    await holdMeeting('propose', 'party_branch')
    await holdMeeting('consult', 'joint_committees')
    await holdMeeting('review', 'party_members_meeting')
    await holdMeeting('decide', 'villagers_meeting')
  })

  it('王秀英 reads the adopted text and what it changed; anyone reads it without login', async () => {
    const s = resident
    await s.page.goto(`${server.url}/#/subpackages/village-rules/pages/current/index?villageId=${villageId}`)
    await s.page.reload()
    await visible(s, '.rules__text', NEW_CLAUSE).waitFor({ timeout: 20_000 })
    // the head of the page names the version in force and the meeting that adopted it
    expect(await visible(s, '.rules__meta', /^村规民约 第 2 版 · 现行有效 · .*村民会议通过$/).count()).toBe(1)
    await chip(s, '改了什么').click()
    await visible(s, '.rules__line--added', NEW_CLAUSE).waitFor({ timeout: 10_000 })
    expect(await visible(s, '.rules__line--removed').count()).toBe(0)
    await screenshot(s.page, 'village-rules-diff')
    const pub = await fetch(`${server.url}/api/public/villages/${villageId}/village-rules`)
    expect(pub.status).toBe(200)
    expect(((await pub.json()) as { current: { text: string }[] }).current[0]!.text).toContain(NEW_CLAUSE)
  })

  it('张丽 files it with the township', async () => {
    const s = committee
    await s.page.goto(versionUrl)
    await s.page.reload()
    await button(s, '报乡镇备案').click({ timeout: 20_000 })
    await confirmModal(s)
    await visible(s, '.xl-card__title', '已报乡镇（街道）备案').waitFor({ timeout: 15_000 })
    await toastGone(s)
  })

  it('赵建国 sees the filing and orders a clause corrected; the village reads the order', async () => {
    const s = official
    await loginAs(s, server.url, '赵建国')
    await tab(s, '办事').click({ timeout: 15_000 })
    await cell(s, '村规民约备案').click({ timeout: 15_000 })
    await onPage(s, 'village-rules/pages/filings')
    await visible(s, '.rules__title', `柳林村 · ${TITLE}`).waitFor({ timeout: 20_000 })
    await button(s, '责令改正').click()
    await field(s, 'input', '例如：第二条').fill('第二条')
    await field(s, 'textarea', '与哪条法律法规相抵触，或侵犯了村民哪项权利').fill(
      '酒席桌数宜作倡导，不宜设罚则',
    )
    await button(s, '记录责令改正').click()
    await confirmModal(s)
    await visible(s, '.rules__correction', '已责令改正：第二条').waitFor({ timeout: 15_000 })
    await toastGone(s)
    await screenshot(s.page, 'village-rules-township')

    await committee.page.goto(versionUrl)
    await committee.page.reload()
    await visible(committee, '.rules__correction', '乡镇责令改正：第二条').waitFor({ timeout: 20_000 })
  })
})

import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openBrowser, resultsDir, screenshot, type Session, openPerson } from './support/browser'
import { startServer, type RunningServer } from './support/server'
import {
  button,
  cell,
  chip,
  confirmModal,
  field,
  loginAs,
  onScreen,
  tab,
  toastGone,
  visible,
} from './support/ui'

const TITLE = '修建村东头便民桥'
const DAY = 86_400_000

/** YYYY-MM-DD in Beijing time, `days` from now. */
const chinaDate = (days = 0) => new Date(Date.now() + days * DAY + 8 * 3_600_000).toISOString().slice(0, 10)

describe('议事: a whole 四议两公开 on 柳林村 in the H5 app', () => {
  let server: RunningServer
  let secretary: Session
  let committee: Session
  let partyMember: Session
  let resident: Session
  let supervisor: Session
  let detailUrl = ''
  let meetingUrl = ''

  beforeAll(async () => {
    // a copy of the H5 build, so that a rebuild during this long run does not swap the app's chunks
    // under the pages already open
    server = await startServer()
    secretary = await openBrowser()
    committee = await openPerson(secretary.browser)
    partyMember = await openPerson(secretary.browser)
    resident = await openPerson(secretary.browser)
    supervisor = await openPerson(secretary.browser)
  })
  afterAll(async () => {
    // what the server said, for a failed run
    if (server) writeFileSync(join(resultsDir, 'deliberation-server.log'), server.log())
    for (const s of [supervisor, resident, partyMember, committee]) await s?.close()
    await secretary?.close()
    await server?.stop()
  })

  const goto = async (s: Session, url: string) => {
    await s.page.goto(url)
    await s.page.reload()
  }
  const openDetail = async (s: Session) => {
    await goto(s, detailUrl)
    await visible(s, '.xl-delib-step')
      .first()
      .waitFor({ timeout: 30_000 })
      .catch(async (e: unknown) => {
        await screenshot(s.page, 'deliberation-failed-detail')
        throw e
      })
  }
  /** From the detail page: 安排会议 with the given fields, then into the meeting. */
  const schedule = async (
    s: Session,
    o: { noticeDaysAgo?: number; secret?: boolean; plan?: boolean; agenda?: boolean; shot?: string } = {},
  ) => {
    await button(s, '安排会议').click({ timeout: 15_000 })
    await field(s, 'input', '例如：2026-12-05').fill(chinaDate())
    // the notice goes out now: the meeting is later today
    await field(s, 'input', '例如：19:30').fill('23:59')
    if (o.noticeDaysAgo) await field(s, 'input', '例如：2026-11-25').fill(chinaDate(-o.noticeDaysAgo))
    if (o.secret) await chip(s, '无记名投票').click()
    if (o.plan) await visible(s, '.xl-delib-form__check', '方案已经发给参会的党员').click()
    if (o.agenda) await visible(s, '.xl-delib-form__check', '会议议题已经向全村公布').click()
    if (o.shot) await screenshot(s.page, o.shot)
    await button(s, '发出会议通知').click()
    await confirmModal(s)
    await button(s, '查看会议通知').click({ timeout: 20_000 })
    await visible(s, '.xl-card__title', '我的签到和表决').waitFor({ timeout: 15_000 })
    meetingUrl = s.page.url()
  }
  /** The clerk ticks everyone not yet signed in from the paper sheet. */
  const paperSignInEveryone = async (s: Session) => {
    await button(s, '全选未到的').click({ timeout: 15_000 })
    await visible(s, '.nut-button', '登记签到').click()
    await visible(s, '.xl-delib-quorum--met').waitFor({ timeout: 15_000 })
    await toastGone(s)
  }
  /** 应到 N 人 of the members list, which after a full sign-in is also the number present. */
  const due = async (s: Session) =>
    Number(/应到 (\d+) 人/.exec(await visible(s, '.xl-card__title', '参会名单').innerText())![1])
  /** The clerk's count of hands for those who did not vote on their phone, then 结束表决. */
  const closeWith = async (s: Session, yes: number) => {
    await field(s, 'input', '同意票数').fill(String(yes))
    await button(s, '结束表决').click()
    await confirmModal(s)
    await visible(s, '.xl-card__title', '表决结果').waitFor({ timeout: 15_000 })
    await toastGone(s)
  }
  /** Checks in on the phone and votes 同意 with the confirm dialog. */
  const checkInAndVote = async (s: Session) => {
    await button(s, '我已到会').click({ timeout: 20_000 })
    await toastGone(s)
    await button(s, '同意').click({ timeout: 15_000 })
    expect(await onScreen(s, '.taro-modal__content').innerText()).toContain('您投的是“同意”')
    await confirmModal(s)
    await visible(s, '.xl-delib-voted').waitFor({ timeout: 15_000 })
    await toastGone(s)
  }

  it('党组织提议: the secretary starts it, opens the meeting, checks in and votes, signs in the others', async () => {
    const s = secretary
    await loginAs(s, server.url, '李建华')
    await tab(s, '办事').click({ timeout: 15_000 })
    await cell(s, '议事（四议两公开）').click({ timeout: 15_000 })
    await button(s, '发起议事').click({ timeout: 20_000 })
    await field(s, 'input', '一句话说清楚，例如：修建村东头便民桥').fill(TITLE)
    await field(s, 'textarea', '为什么要办、怎么办、要花多少钱、钱从哪里来').fill(
      '村东头的木桥年久失修，拟用集体资金修建一座水泥桥。',
    )
    await visible(s, '.xl-delib-form__check', '公益事业的兴办').click()
    // an Art 24 matter says in plain words who must decide it
    await visible(s, '.xl-delib-form__rule', '第二十四条').waitFor()
    await screenshot(s.page, 'deliberation-new')
    await button(s, '发起议事').click()
    await visible(s, '.xl-delib-step').first().waitFor({ timeout: 20_000 })
    detailUrl = s.page.url()
    expect(detailUrl).toMatch(/id=\d+/)
    expect(await visible(s, '.xl-delib-steps').innerText()).toMatch(
      /提议[\s\S]*商议[\s\S]*审议[\s\S]*决议[\s\S]*决议公开[\s\S]*实施结果公开/,
    )

    await schedule(s)
    await button(s, '开始会议').click({ timeout: 15_000 })
    await visible(s, '.xl-delib-quorum').waitFor({ timeout: 15_000 })
    await toastGone(s)
    await checkInAndVote(s)
    await paperSignInEveryone(s)
    const n = await due(s)
    await screenshot(s.page, 'deliberation-propose-meeting')
    // one ballot came from the phone; the clerk counts the other hands
    await closeWith(s, n - 1)
    const result = await visible(s, '.xl-delib-result').innerText()
    expect(result).toContain('通过')
    expect(result).toContain(`同意 ${n} · 反对 0 · 弃权 0`)
  })

  it('两委商议: a committee member holds the joint meeting', async () => {
    const s = committee
    await loginAs(s, server.url, '张丽')
    await openDetail(s)
    await visible(s, '.xl-delib-step--current', '商议').waitFor({ timeout: 15_000 })
    await schedule(s)
    await button(s, '开始会议').click({ timeout: 15_000 })
    await toastGone(s)
    await checkInAndVote(s)
    await paperSignInEveryone(s)
    await closeWith(s, (await due(s)) - 1)
    expect(await visible(s, '.xl-delib-result').innerText()).toContain('通过')
  })

  it('党员大会审议: a secret ballot a party member casts on her phone, never shown back', async () => {
    const s = secretary
    await openDetail(s)
    await visible(s, '.xl-delib-step--current', '审议').waitFor({ timeout: 15_000 })
    // the plan went to the party members and the notice was posted three days ago
    await schedule(s, { noticeDaysAgo: 3, secret: true, plan: true })
    await button(s, '开始会议').click({ timeout: 15_000 })
    await toastGone(s)

    const p = partyMember
    await loginAs(p, server.url, '朱红梅')
    await goto(p, meetingUrl)
    await visible(p, '.xl-delib-quorum').waitFor({ timeout: 30_000 })
    await checkInAndVote(p)
    const mine = await visible(p, '.xl-card', '我的签到和表决').innerText()
    expect(mine).toContain('已投票')
    expect(mine).toContain('无记名投票')
    expect(mine).not.toMatch(/同意|反对|弃权/)
    await screenshot(p.page, 'deliberation-secret-ballot-voted')

    // the secretary's page picks up her check-in within a few seconds
    await visible(s, '.xl-delib-quorum__headline', /已到 1 人/).waitFor({ timeout: 15_000 })
    await s.page.reload()
    await visible(s, '.xl-delib-member--present', '朱红梅').waitFor({ timeout: 30_000 })
    await paperSignInEveryone(s)
    await closeWith(s, (await due(s)) - 1)
    expect(await visible(s, '.xl-delib-result').innerText()).toContain('通过')

    // after the close she still sees only that she voted
    await p.page.reload()
    await visible(p, '.xl-card__title', '表决结果').waitFor({ timeout: 30_000 })
    expect(await visible(p, '.xl-card', '我的签到和表决').innerText()).not.toMatch(/同意|反对|弃权/)
  })

  it('村民会议决议: the 10-day notice rule is shown, a paper notice posted 11 days ago meets it', async () => {
    const s = committee
    await openDetail(s)
    await visible(s, '.xl-delib-step--current', '决议').waitFor({ timeout: 15_000 })
    await button(s, '安排会议').click({ timeout: 15_000 })
    await visible(s, '.xl-delib-form__rule', '村民会议要至少提前 10 天发通知').waitFor({ timeout: 15_000 })
    // a meeting today on a notice given today is refused before anything is sent
    await field(s, 'input', '例如：2026-12-05').fill(chinaDate())
    await field(s, 'input', '例如：19:30').fill('23:59')
    await visible(s, '.xl-delib-form__check', '会议议题已经向全村公布').click()
    await button(s, '发出会议通知').click()
    await visible(s, '.xl-delib-form__error', '要提前 10 天通知，现在只提前了 0 天').waitFor({
      timeout: 10_000,
    })
    await visible(s, '.xl-delib-form__rule--bad').waitFor()
    await screenshot(s.page, 'deliberation-notice-rule')
    await toastGone(s)
    // the notice went up on the village board 11 days ago
    await field(s, 'input', '例如：2026-11-25').fill(chinaDate(-11))
    expect(await visible(s, '.xl-delib-form__rule').innerText()).toContain('现在定的日子提前了 11 天')
    await button(s, '发出会议通知').click()
    await confirmModal(s)
    await button(s, '查看会议通知').click({ timeout: 20_000 })
    await visible(s, '.xl-card__title', '我的签到和表决').waitFor({ timeout: 15_000 })
    meetingUrl = s.page.url()
    await button(s, '开始会议').click({ timeout: 15_000 })
    await toastGone(s)

    // 王秀英 comes to the meeting, checks in and votes on her phone
    const r = resident
    await loginAs(r, server.url, '王秀英')
    await goto(r, meetingUrl)
    await visible(r, '.xl-delib-quorum').waitFor({ timeout: 30_000 })
    expect(await visible(r, '.xl-delib-quorum__verdict').innerText()).toMatch(/还差 \d+ 人才达到法定人数/)
    await checkInAndVote(r)
    await screenshot(r.page, 'deliberation-villagers-meeting')

    await s.page.reload()
    await visible(s, '.xl-delib-member--present', '王秀英').waitFor({ timeout: 30_000 })
    await paperSignInEveryone(s)
    await closeWith(s, (await due(s)) - 1)
    expect(await visible(s, '.xl-delib-result').innerText()).toContain('通过')
    await screenshot(s.page, 'deliberation-villagers-result')
  })

  it('两公开: the resolution is published by itself, the committee publishes the results, the supervisors give an opinion', async () => {
    const s = committee
    await openDetail(s)
    expect(await visible(s, '.xl-delib-notice').first().innerText()).toContain(`决议公开：${TITLE}`)
    await button(s, '公开实施结果').click({ timeout: 15_000 })
    await field(s, 'textarea', '办得怎么样了，花了多少钱，什么时候完成的').fill(
      '便民桥已于本月建成通行，共用资金 12 万元。',
    )
    await button(s, '公开实施结果').click()
    await confirmModal(s)
    await visible(s, '.xl-state-tag', '已办结').first().waitFor({ timeout: 20_000 })

    const v = supervisor
    await loginAs(v, server.url, '赵国强')
    await openDetail(v)
    await button(v, '提出监督意见').first().click({ timeout: 15_000 })
    await field(v, 'textarea', '例如：经核实，公开内容与决议一致。').fill('经核实，公开内容与决议一致。')
    await onScreen(v, '.nut-dialog-footer-ok').click()
    await visible(v, '.xl-delib-notice__opinion', '经核实，公开内容与决议一致。').waitFor({ timeout: 15_000 })
  })

  it('lets the resident find the published resolution from 办事 → 村里议事', async () => {
    const r = resident
    await goto(r, server.url + '/')
    await tab(r, '办事').click({ timeout: 15_000 })
    await cell(r, '村里议事').first().click({ timeout: 15_000 })
    const card = visible(r, '.xl-delib-card', TITLE).first()
    await card.waitFor({ timeout: 20_000 })
    expect(await card.innerText()).toContain('已办结')
    await r.page.locator('.services').waitFor({ state: 'hidden', timeout: 10_000 })
    await screenshot(r.page, 'deliberation-list')
    await card.click()
    const resolution = visible(r, '.xl-delib-notice', `决议公开：${TITLE}`)
    await resolution.waitFor({ timeout: 20_000 })
    const text = await resolution.innerText()
    expect(text).toContain('通过')
    expect(text).toContain('村务监督委员会意见：')
    expect(text).toContain('经核实，公开内容与决议一致。')
    expect(await visible(r, '.xl-delib-notice', '实施结果公开').innerText()).toContain('共用资金 12 万元')
    // a resident has no committee buttons
    expect(await visible(r, '.nut-button', '安排会议').count()).toBe(0)
    expect(await visible(r, '.nut-button', '提出监督意见').count()).toBe(0)
    const steps = await visible(r, '.xl-delib-steps').innerText()
    expect(steps).toMatch(
      /提议[\s\S]*通过[\s\S]*商议[\s\S]*通过[\s\S]*审议[\s\S]*无记名投票[\s\S]*决议[\s\S]*村民会议/,
    )
    await screenshot(r.page, 'deliberation-resident-published')
  })
})

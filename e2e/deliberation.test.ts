import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openBrowser, resultsDir, screenshot, type Session, openPerson } from './support/browser'
import { beijing, fromBeijing, letPass, minutesFromNow, passTo, serverNow, timeLabel } from './support/clock'
import { png } from './support/png'
import { startServer, type RunningServer } from './support/server'
import {
  button,
  cell,
  chip,
  confirmModal,
  field,
  loginAs,
  onPage,
  onScreen,
  tab,
  toastGone,
  visible,
} from './support/ui'

const TITLE = '修建村东头便民桥'
const DAY = 86_400_000

describe('议事: a whole 四议两公开 on 柳林村 in the H5 app', () => {
  let server: RunningServer
  let secretary: Session
  let committee: Session
  let partyMember: Session
  let resident: Session
  let supervisor: Session
  let detailUrl = ''
  let meetingUrl = ''
  /** the deliberation 张丽 starts last, whose 提议 waits for the secretary */
  let secondUrl = ''
  /** when 审议 passed: a paper notice of the deciding meeting cannot be older */
  let reviewedAt = new Date(0)

  beforeAll(async () => {
    // a copy of the H5 build, so that a rebuild during this long run does not swap the app's chunks
    // under the pages already open
    // the server's clock lets the days of notice pass (POST /api/test/clock)
    server = await startServer({ TEST_CLOCK: 'true' })
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
  /**
   * From the detail page: 安排会议 at `at` (by default the earliest lawful day the form proposes, at
   * 19:30), then into the meeting. Returns the meeting's time.
   */
  const schedule = async (
    s: Session,
    o: { at?: Date; secret?: boolean; plan?: boolean; agenda?: boolean; shot?: string } = {},
  ): Promise<Date> => {
    await button(s, '安排会议').click({ timeout: 15_000 })
    const date = field(s, 'input', '选择开会日期')
    const time = field(s, 'input', '选择开会时间')
    // the form proposes the earliest lawful day once the server has said it
    await visible(s, '.xl-form__label', '开会日期').waitFor({ timeout: 15_000 })
    if (o.at) {
      await date.fill(beijing(o.at).date)
      await time.fill(beijing(o.at).time)
    }
    const at = fromBeijing(await date.inputValue(), await time.inputValue())
    if (o.secret) await chip(s, '无记名投票').click()
    if (o.plan) await visible(s, '.xl-delib-form__check', '方案已经发给参会的党员').click()
    if (o.agenda) await visible(s, '.xl-delib-form__check', '会议议题已经向全村公布').click()
    if (o.shot) await screenshot(s.page, o.shot)
    await button(s, '发出会议通知').click()
    await confirmModal(s)
    await button(s, '查看会议通知').click({ timeout: 20_000 })
    await visible(s, '.xl-card__title', '我的签到和表决').waitFor({ timeout: 15_000 })
    meetingUrl = s.page.url()
    return at
  }
  /** The day of the meeting comes: the clerk's page, reloaded at its time, offers 开始会议. */
  const openAt = async (s: Session, at: Date) => {
    await passTo(server.url, at)
    await goto(s, meetingUrl)
    await button(s, '开始会议').click({ timeout: 30_000 })
    await visible(s, '.xl-delib-quorum').waitFor({ timeout: 15_000 })
    await toastGone(s)
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

    // it is the secretary's step: the page tells him so
    expect(await visible(s, '.xl-delib-next').innerText()).toBe('轮到您：提议')

    const at = await schedule(s, { at: await minutesFromNow(server.url, 20) })
    // before the announced time the clerk is told why there is no 开始会议 yet, and when
    expect(await visible(s, '.xl-delib-wait').innerText()).toContain(
      `会议通知的开会时间是${timeLabel(at)}，到时才能点“开始会议”`,
    )
    expect(await button(s, '开始会议').count()).toBe(0)
    expect(await visible(s, '.xl-delib-times').innerText()).toContain(
      `${beijing(at).time}（到时才能开始会议和表决）`,
    )
    await screenshot(s.page, 'deliberation-waiting-for-time')
    await openAt(s, at)
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
    expect(await visible(s, '.xl-delib-next').innerText()).toBe('轮到您：召开两委联席会议')
    await openAt(s, await schedule(s, { at: await minutesFromNow(server.url, 5) }))
    await checkInAndVote(s)
    await paperSignInEveryone(s)
    await closeWith(s, (await due(s)) - 1)
    expect(await visible(s, '.xl-delib-result').innerText()).toContain('通过')
  })

  it('党员大会审议: a secret ballot a party member casts on her phone, never shown back', async () => {
    const s = secretary
    await openDetail(s)
    await visible(s, '.xl-delib-step--current', '审议').waitFor({ timeout: 15_000 })
    // three days' notice with the plan: the form proposes the third day, and the days go by
    const at = await schedule(s, { secret: true, plan: true })
    expect(at.getTime() - (await serverNow(server.url)).getTime()).toBeGreaterThan(2 * DAY)
    await openAt(s, at)

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
    reviewedAt = await serverNow(server.url)

    // after the close she still sees only that she voted
    await p.page.reload()
    await visible(p, '.xl-card__title', '表决结果').waitFor({ timeout: 30_000 })
    expect(await visible(p, '.xl-card', '我的签到和表决').innerText()).not.toMatch(/同意|反对|弃权/)
  })

  it('村民会议决议: ten days from the notice given, or from a paper notice a supervisor confirmed on its photo', async () => {
    const s = committee
    // the village put a paper notice on its board the morning after 审议; eleven days go by
    const posted = fromBeijing(beijing(new Date(reviewedAt.getTime() + DAY)).date, '09:00')
    await letPass(server.url, 11 * DAY)
    await openDetail(s)
    await visible(s, '.xl-delib-step--current', '决议').waitFor({ timeout: 15_000 })
    await button(s, '安排会议').click({ timeout: 15_000 })
    await visible(s, '.xl-delib-form__rule', '村民会议要至少提前 10 天发通知').waitFor({ timeout: 15_000 })
    expect(await visible(s, '.xl-delib-earliest').innerText()).toMatch(
      /^按今天发出通知，最早\d+月\d+日开会。$/,
    )
    // a meeting within the hour on a notice given now is refused before anything is sent
    const at = await minutesFromNow(server.url, 30)
    await field(s, 'input', '选择开会日期').fill(beijing(at).date)
    await field(s, 'input', '选择开会时间').fill(beijing(at).time)
    await visible(s, '.xl-delib-form__check', '会议议题已经向全村公布').click()
    await button(s, '发出会议通知').click()
    await visible(s, '.xl-form__error', /要提前 10 天通知，现在只提前了 [01] 天，最早\d+月\d+日开会/).waitFor(
      {
        timeout: 10_000,
      },
    )
    await visible(s, '.xl-delib-form__rule--bad').waitFor()
    await screenshot(s.page, 'deliberation-notice-rule')
    await toastGone(s)

    // the paper notice on the board, with its photo
    await visible(s, '.xl-delib-form__check', '公告栏上已经张贴了纸质通知').click()
    await field(s, 'input', '选择张贴日期').fill(beijing(posted).date)
    await field(s, 'input', '选择张贴时间').fill('09:00')
    const chooser = s.page.waitForEvent('filechooser')
    await visible(s, '.xl-photos__add').click()
    await (await chooser).setFiles({ name: 'notice.png', mimeType: 'image/png', buffer: png(48, 32) })
    await visible(s, '.xl-photos__done').waitFor({ timeout: 15_000 })
    expect(await visible(s, '.xl-delib-earliest').innerText()).toContain('经监督委员会确认后最早')
    await screenshot(s.page, 'deliberation-paper-notice')
    await button(s, '发出会议通知').click()
    await confirmModal(s)
    await button(s, '查看会议通知').click({ timeout: 20_000 })
    await visible(s, '.xl-card__title', '我的签到和表决').waitFor({ timeout: 15_000 })
    meetingUrl = s.page.url()
    expect(await visible(s, '.xl-delib-paper').innerText()).toContain('等待监督委员会对照照片确认')
    expect(await visible(s, '.xl-delib-wait').innerText()).toContain('纸质通知还没有经监督委员会确认')

    // 赵国强 of the supervision committee checks the photo and confirms it
    const v = supervisor
    await loginAs(v, server.url, '赵国强')
    await goto(v, meetingUrl)
    await button(v, '确认纸质通知').click({ timeout: 30_000 })
    await confirmModal(v)
    await visible(v, '.xl-delib-paper', '已由赵国强确认').waitFor({ timeout: 15_000 })
    await toastGone(v)
    await screenshot(v.page, 'deliberation-paper-notice-confirmed')

    // the meeting's time comes
    await openAt(s, at)

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

  it('tells a committee member who starts a deliberation whom it waits for, by name', async () => {
    const s = committee
    await goto(s, server.url + '/')
    await tab(s, '办事').click({ timeout: 15_000 })
    await cell(s, '议事（四议两公开）').click({ timeout: 15_000 })
    await button(s, '发起议事').click({ timeout: 20_000 })
    await field(s, 'input', '一句话说清楚，例如：修建村东头便民桥').fill('修缮村委会会议室')
    await field(s, 'textarea', '为什么要办、怎么办、要花多少钱、钱从哪里来').fill('会议室屋顶漏雨，拟修缮。')
    await button(s, '发起议事').click()
    await onPage(s, 'deliberation/pages/detail')
    await visible(s, '.xl-delib-step').first().waitFor({ timeout: 20_000 })
    // 提议 is the party secretary's: no button, and the name of whom it waits for
    expect(await visible(s, '.xl-delib-next').innerText()).toBe('等待党组织书记 李建华 提议')
    expect(await button(s, '安排会议').count()).toBe(0)
    await screenshot(s.page, 'deliberation-next-actor')
    secondUrl = s.page.url()
  })

  it('lapses a meeting not opened within a day after its time, and reschedules it with a fresh notice', async () => {
    const s = secretary
    await goto(s, secondUrl)
    await visible(s, '.xl-delib-step--current', '提议').waitFor({ timeout: 30_000 })
    const first = await schedule(s, { at: await minutesFromNow(server.url, 10) })
    // nobody opened it, and a day and more went by
    await passTo(server.url, new Date(first.getTime() + DAY + 60_000))
    await goto(s, meetingUrl)
    await visible(s, '.xl-delib-wait', '已经失效').waitFor({ timeout: 30_000 })
    expect(await button(s, '开始会议').count()).toBe(0)
    await screenshot(s.page, 'deliberation-lapsed')
    await button(s, '会议改期').click()
    await onPage(s, 'committee/pages/deliberation-schedule')
    const again = await minutesFromNow(server.url, 10)
    await field(s, 'input', '选择开会日期').fill(beijing(again).date)
    await field(s, 'input', '选择开会时间').fill(beijing(again).time)
    await button(s, '发出改期通知').click()
    await confirmModal(s)
    // back on the meeting page, at its new time
    await visible(s, '.xl-delib-times', `${timeLabel(again)}（到时才能开始会议和表决）`).waitFor({
      timeout: 20_000,
    })
    await openAt(s, again)
  })
})

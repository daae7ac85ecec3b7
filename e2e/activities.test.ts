import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { activityRoutes, authRoutes, pathOf, type ActivityCheckInCode, type TokenPair } from '@xiangli/shared'
import { openBrowser, openPerson, screenshot, type Session } from './support/browser'
import { fromBeijing, passTo } from './support/clock'
import { startServer, type RunningServer } from './support/server'
import { button, field, loginAs, onPage, onScreen, stateTag, tab, visible } from './support/ui'

const TITLE = '清理文化广场落叶'
const MIN = 60_000

/** qrcode as the server has it installed, to draw the same code the organiser's page shows. */
const QRCode = createRequire(join(resolve(__dirname, '..'), 'server/package.json'))('qrcode') as {
  toString: (text: string, opts: Record<string, unknown>) => Promise<string>
}
const svgDataUrl = async (url: string) =>
  `data:image/svg+xml;base64,${Buffer.from(
    await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
  ).toString('base64')}`

describe('an activity (活动 / 志愿服务) from the committee’s form to a resident’s hours, on the H5 app', () => {
  let server: RunningServer
  let committee: Session
  let resident: Session

  beforeAll(async () => {
    server = await startServer({ TEST_CLOCK: 'true' })
    committee = await openBrowser()
    resident = await openPerson(committee.browser)
  })
  afterAll(async () => {
    await resident?.close()
    await committee?.close()
    await server?.stop()
  })

  /** The link the organiser's QR code carries now, read as the committee through the API. */
  async function codeNow(villageId: number, id: number): Promise<ActivityCheckInCode> {
    const login = await fetch(`${server.url}${pathOf(authRoutes.demoLogin, {})}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: 'committee' }),
    })
    const token = ((await login.json()) as TokenPair).accessToken
    const res = await fetch(`${server.url}${pathOf(activityRoutes.checkInCode, { villageId, id })}`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(res.status).toBe(200)
    return (await res.json()) as ActivityCheckInCode
  }

  it('张丽 publishes, 王秀英 signs up and checks in by the QR link, 张丽 records hours, 王秀英 sees them', async () => {
    // ---------- 张丽 publishes a volunteering activity ----------
    await loginAs(committee, server.url, '张丽')
    await tab(committee, '办事').click({ timeout: 15_000 })
    await onScreen(committee, '.nut-cell:not(.home__line)', '活动管理').first().click({ timeout: 15_000 })
    await onPage(committee, 'activity/pages/bench')
    await button(committee, '发布活动').click({ timeout: 15_000 })
    await onPage(committee, 'activity/pages/compose')
    await field(committee, 'input', '例如：清理村口小河').fill(TITLE)
    await field(committee, 'input', '例如：村口小河桥头').fill('文化广场')
    const date = await field(committee, 'input', '选择活动日期').inputValue()
    expect(await field(committee, 'input', '选择开始时间').inputValue()).toBe('09:00')
    await field(committee, 'input', '选择结束时间').fill('11:30')
    await button(committee, '加半小时').click() // 2 → 2.5 planned hours
    await button(committee, '发布活动').click()
    await onPage(committee, 'activity/pages/manage')
    await stateTag(committee, '报名中').waitFor({ timeout: 15_000 })
    const manageUrl = committee.page.url()
    const villageId = Number(/villageId=(\d+)/.exec(manageUrl)![1])
    const id = Number(/[?&]id=(\d+)/.exec(manageUrl)![1])

    // ---------- 王秀英 signs up from 办事 (on the host name the QR link carries) ----------
    const residentUrl = server.url.replace('127.0.0.1', 'localhost')
    await loginAs(resident, residentUrl, '王秀英')
    await tab(resident, '办事').click({ timeout: 15_000 })
    await onScreen(resident, '.nut-cell:not(.home__line)', '活动与志愿服务')
      .first()
      .click({ timeout: 15_000 })
    await onPage(resident, 'activity/pages/list')
    await visible(resident, '.activity__row', TITLE).click({ timeout: 15_000 })
    await onPage(resident, 'activity/pages/detail')
    await button(resident, '报名参加').click({ timeout: 15_000 })
    await visible(resident, '.activity__done', '您已报名').waitFor({ timeout: 15_000 })

    // ---------- the day: 张丽 shows the QR code ----------
    await passTo(server.url, new Date(fromBeijing(date, '09:00').getTime() - 10 * MIN))
    await button(committee, '显示签到二维码').click()
    await onPage(committee, 'activity/pages/qr')
    const image = visible(committee, '.activity__qr-image img')
    await image.waitFor({ timeout: 15_000 })
    // the image is the code of the link the server gives now; when the 30 s window turns in between,
    // the page catches up at the turn, and a code read just before it is read again
    let code = await codeNow(villageId, id)
    for (let tries = 1; ; tries++) {
      const want = await svgDataUrl(code.url)
      const same = await committee.page
        .waitForFunction(
          (w) => document.querySelector('.activity__qr-image img')?.getAttribute('src') === w,
          want,
          {
            timeout: 35_000,
          },
        )
        .then(() => true)
        .catch(() => false)
      if (same) break
      if (tries === 2) throw new Error('the QR code shown is not the one the server gives')
      code = await codeNow(villageId, id)
    }
    await screenshot(committee.page, 'activity-qr')

    // ---------- 王秀英's camera opens the link ----------
    expect(code.url.startsWith(`${residentUrl}/#/subpackages/activity/pages/check-in/index?`)).toBe(true)
    await resident.page.goto(code.url)
    await onPage(resident, 'activity/pages/check-in')
    await visible(resident, '.activity__title', '签到成功').waitFor({ timeout: 15_000 })
    await screenshot(resident.page, 'activity-checked-in')

    // ---------- after the end, 张丽 confirms the hours ----------
    await passTo(server.url, new Date(fromBeijing(date, '11:30').getTime() + MIN))
    await committee.page.goto(manageUrl)
    await onPage(committee, 'activity/pages/manage')
    await visible(committee, '.activity__person', '王秀英').first().waitFor({ timeout: 15_000 })
    expect(await visible(committee, '.activity__hours').first().innerText()).toBe('2.5 小时')
    await button(committee, '确认时长（1 人）').click()
    await visible(committee, '.activity__person-state', '已记 2.5 小时').waitFor({ timeout: 15_000 })
    expect(await visible(committee, '.activity__person-state').first().innerText()).toContain(
      '已签到（扫码）',
    )

    // ---------- 王秀英 sees her hours ----------
    await resident.page.goto(
      `${residentUrl}/#/subpackages/activity/pages/my-hours/index?villageId=${villageId}`,
    )
    await onPage(resident, 'activity/pages/my-hours')
    await visible(resident, '.activity__total', '2.5 小时').waitFor({ timeout: 15_000 })
    expect(await visible(resident, '.activity__person', TITLE).innerText()).toContain('2.5 小时')
    await screenshot(resident.page, 'activity-my-hours')
  })
})

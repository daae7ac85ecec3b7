import { idNumberCheckChar } from '@xiangli/shared'
import { openBrowser, openPerson, screenshot, type Session } from './support/browser'
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
  stateTag,
  tab,
  visible,
} from './support/ui'

/**
 * The demo's 刘小满 has no roster row linked yet; here she stands for someone registered in 成都 who
 * rents in 柳林村: an ID number no roster of the demo holds.
 */
const first17 = '51010419960312082'
const APPLICANT = { name: '刘小满', idNumber: first17 + idNumberCheckChar(first17), phone: '13700000123' }
const ISSUE = '出租屋门口的下水道堵了'

describe('a newcomer (非户籍常住) applies with a proof photo, the committee approves, the newcomer raises an issue, on the H5 app', () => {
  let server: RunningServer
  let newcomer: Session
  let committee: Session

  beforeAll(async () => {
    server = await startServer()
    newcomer = await openBrowser()
    committee = await openPerson(newcomer.browser)
  })
  afterAll(async () => {
    await committee?.close()
    await newcomer?.close()
    await server?.stop()
  })

  it('刘小满 applies from 办事, 张丽 approves after seeing the proof, 刘小满 then raises an issue', async () => {
    // ---------- 刘小满 applies ----------
    const p = newcomer.page
    await loginAs(newcomer, server.url, APPLICANT.name)
    await tab(newcomer, '办事').click({ timeout: 15_000 })
    await onScreen(newcomer, '.nut-cell:not(.home__line)', '登记为常住居民')
      .first()
      .click({ timeout: 15_000 })
    await onPage(newcomer, 'me/pages/newcomer')
    await visible(newcomer, '.verify__picker').click()
    await cell(newcomer, '柳林村').click()
    await field(newcomer, 'input', '和身份证上一致').fill(APPLICANT.name)
    await button(newcomer, '同意并填写身份证号').click()
    await field(newcomer, 'input', '18 位身份证号').fill(APPLICANT.idNumber)
    await field(newcomer, 'input', '11 位手机号').fill(APPLICANT.phone)
    await field(newcomer, 'textarea', '例如：东街 8 号（租住）').fill('柳林村三组 7 号（租住）')
    const moved = new Date(Date.now() + 8 * 3_600_000 - 400 * 86_400_000).toISOString().slice(0, 10)
    await field(newcomer, 'input', '选择搬来的日期').fill(moved)
    // Taro.chooseImage opens a file input on H5; answer it with a real PNG (the rental contract)
    const chooser = p.waitForEvent('filechooser')
    await p.locator('.xl-photos__add').filter({ visible: true }).click()
    await (await chooser).setFiles({ name: 'contract.png', mimeType: 'image/png', buffer: png(48, 32) })
    await p.locator('.xl-photos__done').filter({ visible: true }).waitFor({ timeout: 15_000 })
    await screenshot(p, 'newcomer-apply')
    await button(newcomer, '提交申请').click()
    await visible(newcomer, '.xl-card__title', '等待村委会审核').waitFor({ timeout: 15_000 })

    // ---------- 张丽 approves from the workbench ----------
    await loginAs(committee, server.url, '张丽')
    await tab(committee, '办事').click({ timeout: 15_000 })
    await onScreen(committee, '.nut-cell:not(.home__line)', '常住居民登记').first().click({ timeout: 15_000 })
    await onPage(committee, 'committee/pages/newcomers')
    const card = visible(committee, '.review', APPLICANT.name)
    await card.waitFor({ timeout: 15_000 })
    // the proof photo is shown, the ID number masked
    await card.locator('.xl-photos img').first().waitFor({ timeout: 15_000 })
    expect(await card.innerText()).toContain('5101**********')
    expect(await committee.page.locator('body').innerText()).not.toContain(APPLICANT.idNumber)
    await screenshot(committee.page, 'newcomer-queue')
    await card.locator('.nut-button', { hasText: '同意登记' }).click()
    await confirmModal(committee)
    await card.waitFor({ state: 'hidden', timeout: 15_000 })

    // ---------- the roster shows her as 非户籍常住 ----------
    await committee.page.goBack()
    await onScreen(committee, '.nut-cell:not(.home__line)', '花名册').first().click({ timeout: 15_000 })
    await onPage(committee, 'committee/pages/roster')
    await chip(committee, '非户籍常住').click()
    await visible(committee, '.resident', APPLICANT.name).click({ timeout: 15_000 })
    // her residence: not in the vote until the villagers' meeting admits her (Art 13)
    await onPage(committee, 'committee/pages/residence')
    await visible(committee, '.xl-card__text', '不参加村民会议的选举和表决').waitFor({ timeout: 15_000 })
    await field(committee, 'input', '例如：村民会议决定〔2026〕3号').fill('柳林村村民会议决定〔2026〕5号')
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
    await field(committee, 'input', '选择日期').first().fill(today)
    await button(committee, '记录决定').click()
    await visible(committee, '.xl-card__title', '已经会议同意参加选举').waitFor({ timeout: 15_000 })
    expect(await visible(committee, '.xl-card__text', '参加选举').first().innerText()).toContain(
      '其他事项的表决不参加',
    )
    await screenshot(committee.page, 'newcomer-residence')

    // ---------- 刘小满 is now of the village and raises an issue ----------
    await p.goto(server.url + '/')
    await p.getByText('柳林村', { exact: true }).first().waitFor({ timeout: 15_000 })
    await p.locator('.home__shortcut', { hasText: '我要说事' }).click({ timeout: 15_000 })
    await onPage(newcomer, 'grievance/pages/raise')
    await chip(newcomer, '环境卫生').click({ timeout: 15_000 })
    await field(newcomer, 'input', '一句话说清楚，例如：三组路灯不亮了').fill(ISSUE)
    await field(newcomer, 'textarea', '在哪里、什么时候开始的、有什么影响，说得越清楚越好办').fill(
      '三组 7 号门口的下水道堵了两天，污水漫到路上。',
    )
    await button(newcomer, '提交').click()
    await p
      .locator('.xl-detail__head', { hasText: ISSUE })
      .filter({ visible: true })
      .waitFor({ timeout: 15_000 })
    await stateTag(newcomer, '待受理').waitFor()
    await screenshot(p, 'newcomer-issue')
  })
})

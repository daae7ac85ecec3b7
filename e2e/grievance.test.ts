import { openBrowser, screenshot, type Session } from './support/browser'
import { png } from './support/png'
import { startServer, type RunningServer } from './support/server'
import { button, field, loginAs, onScreen, stateTag, tab, visible } from './support/ui'

const TITLE = '桥头的路面塌了一个坑'
const TEXT = '三组桥头的水泥路面塌了一个大坑，晚上骑车看不见，已经有人摔倒了。'
const ANSWER = '已经安排人把坑填平，并在旁边立了警示牌。'

const chip = (s: Session, text: string) => visible(s, '.xl-chip', text)

/** Taro's toast would cover the picture */
const toastGone = (s: Session) => s.page.locator('.taro__toast').waitFor({ state: 'hidden', timeout: 10_000 })

describe('村民说事 on the H5 app', () => {
  let server: RunningServer
  let resident: Session
  let committee: Session

  beforeAll(async () => {
    server = await startServer()
    resident = await openBrowser()
    committee = await openBrowser()
  })
  afterAll(async () => {
    await resident?.close()
    await committee?.close()
    await server?.stop()
  })

  it('lets a resident raise an issue with a photo, the committee accept and answer it, and the resident rate it closed', async () => {
    // ---------- 王秀英 raises the issue ----------
    const p = resident.page
    await loginAs(resident, server.url, '王秀英')
    await p.locator('.home__shortcut', { hasText: '我要说事' }).click({ timeout: 15_000 })
    await chip(resident, '道路交通').click({ timeout: 15_000 })
    await field(resident, 'input', '一句话说清楚，例如：三组路灯不亮了').fill(TITLE)
    await field(resident, 'textarea', '在哪里、什么时候开始的、有什么影响，说得越清楚越好办').fill(TEXT)

    // Taro.chooseImage opens a file input on H5; answer it with a real PNG
    const chooser = p.waitForEvent('filechooser')
    await p.locator('.xl-photos__add').filter({ visible: true }).click()
    await (await chooser).setFiles({ name: 'pothole.png', mimeType: 'image/png', buffer: png(48, 32) })
    await p.locator('.xl-photos__done').filter({ visible: true }).waitFor({ timeout: 15_000 })
    await field(resident, 'input', '例如：三组 5 号门口').fill('三组桥头')
    await screenshot(p, 'grievance-raise')

    // the draft is kept on the phone until it is sent
    const kept = await p.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('xl.grievanceDraft.')),
    )
    expect(kept).toHaveLength(1)

    await button(resident, '提交').click()
    await p
      .locator('.xl-detail__head', { hasText: TITLE })
      .filter({ visible: true })
      .waitFor({ timeout: 15_000 })
    await stateTag(resident, '待受理').waitFor()
    expect(
      await p.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('xl.grievanceDraft.'))),
    ).toEqual([])
    // the photo shows through its signed link: <img> sends no login token
    const photo = p.locator('.xl-detail__text + .xl-photos img').filter({ visible: true }).first()
    await photo.waitFor({ timeout: 15_000 })
    await p.waitForFunction(
      (img) => (img as HTMLImageElement).naturalWidth > 0,
      await photo.elementHandle(),
      {
        timeout: 15_000,
      },
    )
    expect(await photo.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(48)
    expect(await photo.getAttribute('src')).toMatch(/^\/api\/files\/\d+\?exp=\d+&sig=[\w-]+&size=thumb$/)
    await toastGone(resident)
    await screenshot(p, 'grievance-submitted')

    // ---------- 张丽 accepts and answers it ----------
    const c = committee.page
    await loginAs(committee, server.url, '张丽')
    await tab(committee, '办事').click({ timeout: 15_000 })
    await onScreen(committee, '.nut-cell:not(.home__line)', '说事处理').first().click({ timeout: 15_000 })
    await c
      .locator('.xl-grievance', { hasText: TITLE })
      .filter({ visible: true })
      .waitFor({ timeout: 15_000 })
    // the home page slides away; wait until it is gone before the picture
    await c.locator('.home__banner').waitFor({ state: 'hidden', timeout: 10_000 })
    await screenshot(c, 'grievance-queue')
    await c
      .locator('.xl-grievance', { hasText: TITLE })
      .filter({ visible: true })
      .locator('.xl-grievance__open')
      .click({
        timeout: 15_000,
      })
    await button(committee, '受理').click({ timeout: 15_000 })
    await stateTag(committee, '已受理').waitFor({ timeout: 15_000 })
    await field(committee, 'textarea', '写清楚怎么处理的、结果如何；村民会收到通知，可以评价').fill(ANSWER)
    await button(committee, '发送答复').click()
    await stateTag(committee, '已答复').waitFor({ timeout: 15_000 })
    const timeline = await c.locator('.xl-timeline').filter({ visible: true }).innerText()
    expect(timeline).toMatch(/王秀英[\s\S]*提出[\s\S]*张丽[\s\S]*受理[\s\S]*张丽[\s\S]*答复/)
    await toastGone(committee)
    await screenshot(c, 'grievance-answered')

    // ---------- 王秀英 sees the answer, rates it, and it is closed ----------
    await p.reload()
    await p.getByText(ANSWER).filter({ visible: true }).waitFor({ timeout: 30_000 })
    await stateTag(resident, '已答复').waitFor()
    await chip(resident, '很满意').click()
    await field(resident, 'textarea', '还想说点什么（可不填）').fill('修得很快，谢谢！')
    await button(resident, '提交评价').click()
    await stateTag(resident, '已办结').waitFor({ timeout: 15_000 })
    const page = await p.locator('.xl-page').filter({ visible: true }).innerText()
    expect(page).toContain('★★★★★ 很满意')
    expect(page).toContain('修得很快，谢谢！')
    // rated: no second rating, but reopening once within 7 days is still offered
    expect(page).not.toContain('提交评价')
    expect(page).toContain('不满意，重新提出')
    await toastGone(resident)
    await screenshot(p, 'grievance-closed')
  })
})

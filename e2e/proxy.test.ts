import { request, type APIRequestContext } from 'playwright-core'
import { openBrowser, screenshot, type Session } from './support/browser'
import { startServer, type RunningServer } from './support/server'
import { png } from './support/png'
import {
  button,
  cell,
  chip,
  field,
  loginAs,
  onPage,
  onScreen,
  stateTag,
  tab,
  toastGone,
  visible,
} from './support/ui'

const TITLE = '家门口的路灯坏了'
const TEXT = '一组 3 号门口的路灯坏了半个月，晚上出门看不见路，老人不敢出门。'
const PURPOSE = '办理养老保险待遇资格认证'

describe('代办 on the H5 app', () => {
  let server: RunningServer
  let committee: Session
  let resident: Session
  /** API calls beside the browsers, for what is not the point of the browser run */
  let http: APIRequestContext

  beforeAll(async () => {
    server = await startServer()
    http = await request.newContext({ baseURL: server.url })
    committee = await openBrowser()
    resident = await openBrowser()
  })
  afterAll(async () => {
    await committee?.close()
    await resident?.close()
    await http?.dispose()
    await server?.stop()
  })

  it('lets a committee member raise an issue for a resident at the desk, and the resident find it as their own', async () => {
    // ---------- 张丽 finds 王秀英 on the roster and fills the 说事 form for her ----------
    const c = committee.page
    await loginAs(committee, server.url, '张丽')
    await tab(committee, '办事').click({ timeout: 15_000 })
    await visible(committee, '.nut-cell', /^\s*代办/)
      .first()
      .click({ timeout: 15_000 })
    await onPage(committee, 'committee/pages/proxy')
    await field(committee, 'input', '姓名，或手机号后四位').fill('王秀英')
    await button(committee, '查找').click()
    await visible(committee, '.proxy__candidate', '王秀英').first().click({ timeout: 15_000 })
    await visible(committee, '.proxy__chosen', '为 王秀英 代办').waitFor({ timeout: 15_000 })
    await screenshot(c, 'proxy-chosen')
    await button(committee, '说事').click()

    await onPage(committee, 'grievance/pages/raise')
    await visible(committee, '.raise__note', '为 王秀英 代办').waitFor({ timeout: 15_000 })
    await chip(committee, '道路交通').click({ timeout: 15_000 })
    await field(committee, 'input', '一句话说清楚，例如：三组路灯不亮了').fill(TITLE)
    await field(committee, 'textarea', '在哪里、什么时候开始的、有什么影响，说得越清楚越好办').fill(TEXT)

    // without her consent it is not sent
    await button(committee, '提交').click()
    await visible(committee, '.xl-form__error', '请本人在手机上输入姓名').waitFor({ timeout: 15_000 })

    // she types her name and ticks on the committee member's phone
    await field(committee, 'input', '本人输入姓名').fill('王秀英')
    await visible(committee, '.proxy-consent__agree').click()
    await toastGone(committee)
    await screenshot(c, 'proxy-consent')
    await button(committee, '提交').click()
    await onPage(committee, 'grievance/pages/detail')
    await visible(committee, '.xl-detail__head', TITLE).waitFor({ timeout: 15_000 })
    const filed = await visible(committee, '.xl-detail__facts').first().innerText()
    expect(filed).toContain('提出人：王秀英')
    expect(filed).toContain('代办人：张丽（村委委员）')
    await toastGone(committee)
    await screenshot(c, 'proxy-filed')

    // ---------- 王秀英 logs in and finds it among her own ----------
    const p = resident.page
    await loginAs(resident, server.url, '王秀英')
    await tab(resident, '办事').click({ timeout: 15_000 })
    await onScreen(resident, '.nut-cell:not(.home__line)', '我的说事').first().click({ timeout: 15_000 })
    await onPage(resident, 'grievance/pages/mine')
    const card = visible(resident, '.xl-grievance', TITLE).first()
    await card.waitFor({ timeout: 15_000 })
    await card.locator('.xl-grievance__open').click()
    await onPage(resident, 'grievance/pages/detail')
    const mine = await visible(resident, '.xl-detail__facts').first().innerText()
    expect(mine).toContain('提出人：王秀英（我）')
    expect(mine).toContain('代办人：张丽（村委委员）')
    await screenshot(p, 'proxy-resident-sees')
  })
  it('lets a committee member request a certificate for a resident with her signed paper consent, and the resident find it', async () => {
    // ---------- 张丽 opens 代办 again, finds 王秀英 and chooses 申请证明 ----------
    const c = committee.page
    await c.goto(`${server.url}/#/subpackages/committee/pages/proxy/index`)
    await c.reload()
    await onPage(committee, 'committee/pages/proxy')
    await field(committee, 'input', '姓名，或手机号后四位').fill('王秀英')
    await button(committee, '查找').click()
    await visible(committee, '.proxy__candidate', '王秀英').first().click({ timeout: 15_000 })
    await button(committee, '申请证明').click({ timeout: 15_000 })

    // the catalogue and the form carry her through
    await onPage(committee, 'certificate/pages/catalogue')
    await visible(committee, '.proxy-note', '为 王秀英 代办').waitFor({ timeout: 15_000 })
    await field(committee, 'input', '要开什么证明？例如：居住证明').fill('居住')
    await cell(committee, '居（租）住证明').click({ timeout: 15_000 })
    await onPage(committee, 'certificate/pages/apply')
    await visible(committee, '.proxy-note', '为 王秀英 代办').waitFor({ timeout: 15_000 })
    await field(committee, 'input', '请填写').first().fill('一组 3 号')
    await field(committee, 'input', '选择日期').fill('2010-05-01')
    await chip(committee, '自有住房').click()
    await field(committee, 'textarea', '开这个证明做什么用，例如：孩子上小学报名').fill(PURPOSE)

    // her consent: the paper form she signed, photographed
    await chip(committee, '纸质授权书（已拍照）').click()
    await button(committee, '提交申请').click()
    await visible(committee, '.xl-form__error', '请拍下本人签字的授权书').waitFor({ timeout: 15_000 })
    const chooser = c.waitForEvent('filechooser')
    await visible(committee, '.proxy-consent .xl-photos__add').click()
    await (await chooser).setFiles({ name: 'consent.png', mimeType: 'image/png', buffer: png(48, 64) })
    await visible(committee, '.proxy-consent .xl-photos__done').waitFor({ timeout: 15_000 })
    await toastGone(committee)
    await screenshot(c, 'proxy-certificate-consent')
    await button(committee, '提交申请').click()

    await onPage(committee, 'certificate/pages/detail')
    await stateTag(committee, '待审核').waitFor({ timeout: 15_000 })
    const filed = await visible(committee, '.xl-detail__facts').first().innerText()
    expect(filed).toContain('申请人：王秀英')
    expect(filed).toContain('代办人：张丽（村委委员）')
    await toastGone(committee)
    await screenshot(c, 'proxy-certificate-filed')

    // ---------- 王秀英 finds it among her own certificates ----------
    const p = resident.page
    await p.goto(`${server.url}/#/subpackages/certificate/pages/mine/index`)
    await p.reload()
    const card = visible(resident, '.xl-cert', PURPOSE).first()
    await card.waitFor({ timeout: 30_000 })
    await card.click()
    await onPage(resident, 'certificate/pages/detail')
    const mine = await visible(resident, '.xl-detail__facts').first().innerText()
    expect(mine).toContain('代办人：张丽（村委委员）')
    await screenshot(p, 'proxy-certificate-resident-sees')
  })
  it('lets a committee member record a paper signature sheet of a petition, each person counted once', async () => {
    // 王秀英 started a petition (through the API: the petition's own browser test walks that)
    const login = await http.post('/api/auth/demo', { data: { key: 'resident' } })
    const token = ((await login.json()) as { accessToken: string }).accessToken
    const auth = { authorization: `Bearer ${token}` }
    const me = (await (await http.get('/api/me', { headers: auth })).json()) as {
      memberships: { orgId: number; orgName: string }[]
    }
    const villageId = me.memberships.find((m) => m.orgName === '柳林村')!.orgId
    const started = await http.post(`/api/villages/${villageId}/petitions`, {
      headers: auth,
      data: {
        target: 'villagers_meeting',
        title: '提议商量修建村口停车场',
        text: '村口车越停越乱，提议开会商量修停车场。',
      },
    })
    expect(started.status()).toBe(201)
    const petitionId = ((await started.json()) as { id: number }).id

    // ---------- 张丽 opens it and records the sheet signed at the group meeting ----------
    const c = committee.page
    await c.goto(
      `${server.url}/#/subpackages/petition/pages/detail/index?id=${petitionId}&villageId=${villageId}`,
    )
    await c.reload()
    await onPage(committee, 'petition/pages/detail')
    await button(committee, '登记纸质签名表').click({ timeout: 15_000 })
    await onPage(committee, 'petition/pages/paper-sheet')

    // nothing is sent without the photo and the people
    await button(committee, '登记签名表').click()
    await visible(committee, '.xl-form__error', '请拍下签名表').waitFor({ timeout: 15_000 })
    const chooser = c.waitForEvent('filechooser')
    await visible(committee, '.xl-photos__add').click()
    await (await chooser).setFiles({ name: 'sheet.png', mimeType: 'image/png', buffer: png(64, 48) })
    await visible(committee, '.xl-photos__done').waitFor({ timeout: 15_000 })
    for (const name of ['刘长青', '王秀英']) {
      await field(committee, 'input', '姓名，或手机号后四位').fill(name)
      await button(committee, '查找').click()
      await visible(committee, '.petition-sheet__candidate', name).first().click({ timeout: 15_000 })
      await visible(committee, '.petition-sheet__signer', name).waitFor({ timeout: 15_000 })
    }
    await screenshot(c, 'petition-paper-sheet')
    await button(committee, '登记签名表').click()
    // 王秀英 signed online when she started it: she is counted once
    const done = onScreen(committee, '.taro-modal__content', '新计入 1 人；1 人之前已联名，不重复计算')
    await done.waitFor({ timeout: 15_000 })
    await onScreen(committee, '.taro-model__confirm').click()
    await onPage(committee, 'petition/pages/detail')
    const sheet = await visible(committee, '.petition-sheets__sheet').first().innerText()
    expect(sheet).toContain('新计入 1 人')
    expect(sheet).toContain('张丽 登记')
    await screenshot(c, 'petition-paper-sheet-recorded')
  })
})

import { readFileSync } from 'node:fs'
import { openBrowser, screenshot, type Session } from './support/browser'
import { startServer, type RunningServer } from './support/server'
import { button, cell, chip, field, loginAs, stateTag, tab, toastGone, visible } from './support/ui'

const PURPOSE = '孩子上小学报名'

const verdict = (s: Session) => visible(s, '.check__verdict')
/** the verdict on the plain check page the server renders */
const plainVerdict = (s: Session) => s.page.locator('.check .verdict')

describe('开证明 on the H5 app', () => {
  let server: RunningServer
  let resident: Session
  let committee: Session
  let checker: Session

  beforeAll(async () => {
    server = await startServer()
    resident = await openBrowser()
    committee = await openBrowser()
    checker = await openBrowser()
  })
  afterAll(async () => {
    await resident?.close()
    await committee?.close()
    await checker?.close()
    await server?.stop()
  })

  it('lets a resident request a 居住证明, the committee approve it, anyone check it, and the committee revoke it', async () => {
    // ---------- 王秀英 asks for a 居（租）住证明 ----------
    const p = resident.page
    await loginAs(resident, server.url, '王秀英')
    await tab(resident, '办事').click({ timeout: 15_000 })
    await cell(resident, '开证明').first().click({ timeout: 15_000 })
    // an item on the national negative list is answered at once with where to go instead
    await field(resident, 'input', '要开什么证明？例如：居住证明').fill('亲属关系')
    await p.getByText('村里不能开，请这样办').filter({ visible: true }).waitFor({ timeout: 15_000 })
    await screenshot(p, 'certificate-negative')
    await field(resident, 'input', '要开什么证明？例如：居住证明').fill('居住')
    await cell(resident, '居（租）住证明').click({ timeout: 15_000 })
    await field(resident, 'input', '请填写').first().waitFor({ timeout: 15_000 })
    await field(resident, 'input', '请填写').first().fill('三组 5 号')
    await field(resident, 'input', '选择日期').fill('2019-03-01')
    await chip(resident, '租住').click()
    await field(resident, 'textarea', '开这个证明做什么用，例如：孩子上小学报名').fill(PURPOSE)
    await screenshot(p, 'certificate-apply')
    await button(resident, '提交申请').click()
    await stateTag(resident, '待审核').waitFor({ timeout: 15_000 })
    await toastGone(resident)
    await screenshot(p, 'certificate-submitted')

    // ---------- 张丽 approves it ----------
    const c = committee.page
    await loginAs(committee, server.url, '张丽')
    await tab(committee, '办事').click({ timeout: 15_000 })
    await cell(committee, '证明审批').click({ timeout: 15_000 })
    const card = c.locator('.xl-cert', { hasText: PURPOSE }).filter({ visible: true }).first()
    await card.waitFor({ timeout: 15_000 })
    // the 办事 page slides away; wait until it is gone before the picture
    await c.locator('.services').waitFor({ state: 'hidden', timeout: 10_000 })
    await screenshot(c, 'certificate-queue')
    await card.click()
    await button(committee, '同意出具').click({ timeout: 15_000 })
    await c.locator('.taro-model__confirm').filter({ visible: true }).click()
    await stateTag(committee, '已出具').waitFor({ timeout: 15_000 })
    await toastGone(committee)
    await screenshot(c, 'certificate-issued')

    // ---------- the resident sees the number and code, and anyone checks them ----------
    await p.reload()
    await stateTag(resident, '已出具').waitFor({ timeout: 30_000 })
    const issued = await p.locator('.xl-cert__issued').filter({ visible: true }).innerText()
    const number = /证明编号：(\S+)/.exec(issued)![1]!
    const code = /查验码：(\S+)/.exec(issued)![1]!
    expect(number).toMatch(/^\d{12}-\d{4}-\d{4}$/)
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/)
    await screenshot(p, 'certificate-resident-issued')

    // the QR code of a certificate issued before the check was a plain page: it lands on that page
    const checkUrl = `${server.url}/#/pages/certificate-check/index?n=${encodeURIComponent(number)}&c=${code.replace('-', '')}`
    const v = checker.page
    await v.goto(checkUrl)
    await v.waitForURL(/\/certificates\/check\?n=/, { timeout: 15_000 })
    expect(await plainVerdict(checker).innerText()).toBe('有效')
    const shown = await v.locator('.check').innerText()
    expect(shown).toContain('居（租）住证明')
    expect(shown).toContain('王*英')
    expect(shown).not.toContain('王秀英')
    expect(shown).not.toContain(PURPOSE)
    await screenshot(v, 'certificate-check-valid')

    // ---------- the holder's name changed in the database: the page says so, and not 有效 ----------
    server.sql('UPDATE certificate_request SET applicantName = ? WHERE number = ?', ['王五', number])
    await v.reload()
    expect(await plainVerdict(checker).innerText()).toBe('证明信息与存档不一致')
    const altered = await v.locator('.check').innerText()
    expect(altered).toContain('不能当作有效证明')
    expect(altered).not.toContain('王*')
    await screenshot(v, 'certificate-check-mismatch')
    server.sql('UPDATE certificate_request SET applicantName = ? WHERE number = ?', ['王秀英', number])

    // typed by hand on the page opened without a link
    await v.goto(`${server.url}/#/pages/certificate-check/index`)
    await v.reload()
    await field(checker, 'input', '例如：330106101201-2026-0007').fill(number)
    await field(checker, 'input', '例如：K7QM-3XPA').fill(code.toLowerCase())
    await screenshot(v, 'certificate-check-form')
    await button(checker, '查验').click()
    await verdict(checker).waitFor({ timeout: 30_000 })
    expect(await verdict(checker).innerText()).toBe('有效')

    // a wrong code says 无效 and nothing else
    await v.goto(`${server.url}/certificates/check?n=${encodeURIComponent(number)}&c=ABCDEFGH`)
    expect(await plainVerdict(checker).innerText()).toBe('无效')
    expect(await v.locator('.check').innerText()).not.toContain('居')

    // ---------- 张丽 revokes it; the check now says so ----------
    await button(committee, '作废').click()
    await field(committee, 'textarea', '例如：申请人已搬离本村').fill('申请人已搬离本村')
    await c.locator('.nut-dialog-footer-ok').filter({ visible: true }).click()
    await stateTag(committee, '已作废').waitFor({ timeout: 15_000 })

    await v.goto(`${server.url}/certificates/check?n=${encodeURIComponent(number)}&c=${code}`)
    expect(await plainVerdict(checker).innerText()).toBe('已作废')
    await screenshot(v, 'certificate-check-revoked')

    // ---------- the issuance is in the seal-use register ----------
    await c.goto(`${server.url}/#/subpackages/committee/pages/seal-register/index`)
    await c.reload()
    const row = c.locator('.seal__row', { hasText: number }).filter({ visible: true })
    await row.waitFor({ timeout: 30_000 })
    expect(await row.innerText()).toMatch(
      /居（租）住证明[\s\S]*审批：张丽[\s\S]*申请人：王秀英 1\d{2}\*{4}\d{4}/,
    )
    await screenshot(c, 'certificate-seal-register')
    // the export is fetched with the login token and saved as a spreadsheet (an .xlsx is a zip: PK)
    const download = c.waitForEvent('download')
    await button(committee, '导出表格').click()
    const saved = await download
    expect(saved.suggestedFilename()).toMatch(/^用印登记-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx$/)
    const bytes = readFileSync((await saved.path())!)
    expect(bytes.subarray(0, 2).toString()).toBe('PK')
  })
})

import { openBrowser, screenshot, type Session } from './support/browser'
import { startServer, type RunningServer } from './support/server'
import { button, cell, field, loginAs } from './support/ui'

/** The demo newcomer's roster row in 柳林村 (see the README's demo table). */
const NEWCOMER = { name: '刘小满', idNumber: '330106199909090847', phone: '13900000042' }

describe('real-name verification on the H5 app', () => {
  let server: RunningServer
  let newcomer: Session
  let committee: Session

  beforeAll(async () => {
    server = await startServer()
    newcomer = await openBrowser()
    committee = await openBrowser()
  })
  afterAll(async () => {
    await newcomer?.close()
    await committee?.close()
    await server?.stop()
  })

  it('lets a newcomer apply, a committee member confirm, and the newcomer then see the village', async () => {
    const p = newcomer.page
    await loginAs(newcomer, server.url, NEWCOMER.name)
    await p.getByText('您还没有实名认证').waitFor({ timeout: 15_000 })
    await button(newcomer, '去实名认证').click()

    await p.locator('.verify__picker').click()
    await cell(newcomer, '柳林村').click()
    await field(newcomer, 'input', '和身份证上一致').fill(NEWCOMER.name)
    // the ID number's own consent, right before it is typed
    await button(newcomer, '同意并填写身份证号').click()
    await field(newcomer, 'input', '18 位身份证号').fill(NEWCOMER.idNumber)
    await field(newcomer, 'input', '11 位手机号').fill(NEWCOMER.phone)
    await button(newcomer, '提交认证').click()
    await p.getByText('等待村委会确认').filter({ visible: true }).first().waitFor({ timeout: 15_000 })
    await screenshot(p, 'verification-pending')

    const c = committee.page
    await loginAs(committee, server.url, '张丽')
    await cell(committee, '待确认的认证').click({ timeout: 15_000 })
    const card = c.locator('.review', { hasText: NEWCOMER.name })
    await card.waitFor({ timeout: 15_000 })
    // the committee sees the ID number masked, never in full
    expect(await card.innerText()).toContain('3301**********0847')
    expect(await c.locator('body').innerText()).not.toContain(NEWCOMER.idNumber)
    await card.locator('.nut-button', { hasText: '确认' }).click()
    // the confirmation dialog
    await c.locator('.taro-model__confirm').click()
    await c.getByText('没有待确认的认证').waitFor({ timeout: 15_000 })

    await p.goto(server.url + '/')
    await p.getByText('柳林村', { exact: true }).first().waitFor({ timeout: 15_000 })
    await p.getByText('村（居）民').first().waitFor()
    await screenshot(p, 'verification-confirmed')
    expect(await p.locator('body').innerText()).not.toContain('您还没有实名认证')
  })
})

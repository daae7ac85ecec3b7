import { openBrowser, openPerson, screenshot, type Session } from './support/browser'
import { startServer, type RunningServer } from './support/server'
import { button, confirmModal, field, loginAs, onPage, onScreen, tab, visible } from './support/ui'

const REASON = '义务修补村道'

describe('积分制 from the 两委’s rules to a resident’s ledger and a redemption at the desk, on the H5 app', () => {
  let server: RunningServer
  let committee: Session
  let resident: Session

  beforeAll(async () => {
    server = await startServer()
    committee = await openBrowser()
    resident = await openPerson(committee.browser)
  })
  afterAll(async () => {
    await resident?.close()
    await committee?.close()
    await server?.stop()
  })

  it('张丽 publishes new rules and awards 王秀英’s household, 王秀英 reads why, the desk redeems an item', async () => {
    // ---------- 张丽 publishes a second version of the rules ----------
    await loginAs(committee, server.url, '张丽')
    await tab(committee, '办事').click({ timeout: 15_000 })
    await onScreen(committee, '.nut-cell:not(.home__line)', '积分管理').first().click({ timeout: 15_000 })
    await onPage(committee, 'points/pages/desk')
    await button(committee, '积分规则、排行和积分超市').click()
    await onPage(committee, 'points/pages/manage')
    await visible(committee, '.points__meta', '现行第 1 版').waitFor({ timeout: 15_000 })
    const meeting = field(committee, 'input', '0 到 100').first()
    await meeting.fill('6')
    await button(committee, '公布第 2 版规则').click()
    await confirmModal(committee)
    await visible(committee, '.points__meta', '现行第 2 版').waitFor({ timeout: 15_000 })

    // ---------- 张丽 finds 王秀英's household at the desk and awards it ----------
    await committee.page.goBack()
    await onPage(committee, 'points/pages/desk')
    await field(committee, 'input', '输入家里任何一个人的姓名，或户号').fill('王秀英')
    await button(committee, '查找').click()
    await visible(committee, '.points__pick', '户号 002').click({ timeout: 15_000 })
    await visible(committee, '.points__balance', '15').waitFor({ timeout: 15_000 })
    await field(committee, 'input', '不超过规则公布的上限').fill('5')
    await field(committee, 'textarea', '例如：义务修补村道').fill(REASON)
    await button(committee, '奖励积分').click()
    await visible(committee, '.points__balance-value', /^\s*20\s*$/).waitFor({ timeout: 15_000 })

    // ---------- 王秀英 reads the household's ledger from 办事 ----------
    await loginAs(resident, server.url, '王秀英')
    await tab(resident, '办事').click({ timeout: 15_000 })
    await onScreen(resident, '.nut-cell:not(.home__line)', '我家积分').first().click({ timeout: 15_000 })
    await onPage(resident, 'points/pages/home')
    await visible(resident, '.points__balance-value', /^\s*20\s*$/).waitFor({ timeout: 15_000 })
    const first = visible(resident, '.points__entry').first()
    expect(await first.innerText()).toEqual(expect.stringContaining(REASON))
    expect(await first.innerText()).toEqual(expect.stringContaining('张丽 记'))
    expect(await first.innerText()).toEqual(expect.stringContaining('+5'))
    await button(resident, '积分规则（第 2 版）').click()
    await onPage(resident, 'points/pages/rules')
    await visible(resident, '.points__rules', '第 2 版（现行）').waitFor({ timeout: 15_000 })
    expect(await visible(resident, '.points__rules').count()).toBe(2)

    // ---------- the desk redeems a bag of washing powder for the household ----------
    await button(committee, '兑换洗衣粉一袋').click()
    await confirmModal(committee)
    await visible(committee, '.points__balance-value', /^\s*10\s*$/).waitFor({ timeout: 15_000 })
    // the kettle costs more than is left
    expect(await visible(committee, '.nut-button', '积分不够').count()).toBeGreaterThan(0)

    // ---------- 王秀英 sees the redemption in the ledger ----------
    await resident.page.goBack()
    await onPage(resident, 'points/pages/home')
    await resident.page.reload()
    await onPage(resident, 'points/pages/home')
    await visible(resident, '.points__balance-value', /^\s*10\s*$/).waitFor({ timeout: 15_000 })
    const latest = visible(resident, '.points__entry').first()
    expect(await latest.innerText()).toEqual(expect.stringContaining('洗衣粉一袋'))
    expect(await latest.innerText()).toEqual(expect.stringContaining('-10'))
    await screenshot(resident.page, 'points-ledger')
  })
})

import { openBrowser, openPerson, screenshot, type Session } from './support/browser'
import { startServer, type RunningServer } from './support/server'
import { button, field, loginAs, onPage, onScreen, stateTag, tab, toastGone, visible } from './support/ui'

const SERVICE = '高龄津贴申领'

describe('便民服务 (帮办代办) from a resident’s request to the papers back in her hands, on the H5 app', () => {
  let server: RunningServer
  let resident: Session
  let committee: Session

  beforeAll(async () => {
    server = await startServer()
    resident = await openBrowser()
    committee = await openPerson(resident.browser)
  })
  afterAll(async () => {
    await committee?.close()
    await resident?.close()
    await server?.stop()
  })

  it('王秀英 asks for the elderly allowance, 张丽 records each hand-off, 王秀英 sees them all', async () => {
    // ---------- 王秀英 picks the service, reads what to bring and asks ----------
    await loginAs(resident, server.url, '王秀英')
    await tab(resident, '办事').click({ timeout: 15_000 })
    await onScreen(resident, '.nut-cell:not(.home__line)', '我要办事').first().click({ timeout: 15_000 })
    await onPage(resident, 'service/pages/catalogue')
    await visible(resident, '.svc__item', SERVICE).click({ timeout: 15_000 })
    await onPage(resident, 'service/pages/item')
    const facts = await visible(resident, '.svc__facts').allInnerTexts()
    expect(facts.join('\n')).toContain('办理单位：乡镇社会事务办')
    expect(facts.join('\n')).toContain('办理时限：15 个工作日')
    expect(facts.join('\n')).toContain('本人银行卡或社保卡')
    await button(resident, '我要办理').click()
    await onPage(resident, 'service/pages/apply')
    await visible(resident, '.svc__material', '居民身份证').click()
    await visible(resident, '.svc__material', '户口簿').click()
    await visible(resident, '.svc__material--on', '户口簿').waitFor({ timeout: 5_000 })
    await field(resident, 'textarea', '例如：老人行动不便，希望上门收材料').fill('我婆婆今年 82 岁，行动不便')
    await button(resident, '提交申请').click()
    await onPage(resident, 'service/pages/detail')
    await stateTag(resident, '待受理').waitFor({ timeout: 15_000 })
    expect(await visible(resident, '.xl-detail__facts').innerText()).toContain('还要准备：本人银行卡或社保卡')

    // ---------- 张丽 takes the papers and carries them to the township ----------
    await loginAs(committee, server.url, '张丽')
    await tab(committee, '办事').click({ timeout: 15_000 })
    await onScreen(committee, '.nut-cell:not(.home__line)', '便民服务代办').first().click({ timeout: 15_000 })
    await onPage(committee, 'service/pages/queue')
    await visible(committee, '.xl-card', SERVICE).filter({ hasText: '王秀英' }).click({ timeout: 15_000 })
    await onPage(committee, 'service/pages/detail')
    await stateTag(committee, '待受理').waitFor({ timeout: 15_000 })

    await button(committee, '登记：材料已收取').click()
    await stateTag(committee, '已受理').waitFor({ timeout: 15_000 })
    await field(committee, 'input', '办理单位收材料的人').fill('陈会计')
    await button(committee, '登记：已递交办理单位').click()
    await stateTag(committee, '已递交办理单位').waitFor({ timeout: 15_000 })
    await button(committee, '登记：结果已取回').click()
    await stateTag(committee, '结果已取回').waitFor({ timeout: 15_000 })
    await button(committee, '登记：已送达本人').click()
    await stateTag(committee, '已办结').waitFor({ timeout: 15_000 })
    expect(await button(committee, '未能办理').count()).toBe(0)

    // ---------- 王秀英 sees every hand-off, with who and where ----------
    await resident.page.reload()
    await onPage(resident, 'service/pages/detail')
    await stateTag(resident, '已办结').waitFor({ timeout: 15_000 })
    const steps = await visible(resident, '.xl-timeline__who').allInnerTexts()
    expect(steps.map((s) => s.replace(/\s+/g, ''))).toEqual([
      '提交申请·王秀英',
      '材料已收取·张丽',
      '已递交办理单位·张丽',
      '结果已取回·张丽',
      '已送达本人·张丽',
    ])
    expect(await visible(resident, '.xl-timeline__text', '接收人：陈会计').innerText()).toContain(
      '送到乡镇社会事务办',
    )
    expect(await button(resident, '撤回申请').count()).toBe(0)
    await screenshot(resident.page, 'service-timeline')

    // ---------- and finds it in 我的办事, as a link from a message would open it ----------
    await resident.page.goto(`${server.url}/#/subpackages/service/pages/mine/index`)
    await onPage(resident, 'service/pages/mine')
    await visible(resident, '.xl-card', SERVICE).filter({ hasText: '已办结' }).waitFor({ timeout: 15_000 })
  })

  it('李明, the 网格员, files a request at the desk for 王德福 with his consent (代办)', async () => {
    const grid = await openPerson(resident.browser)
    try {
      await loginAs(grid, server.url, '李明')
      await tab(grid, '办事').click({ timeout: 15_000 })
      await visible(grid, '.nut-cell', /^\s*代办/)
        .first()
        .click({ timeout: 15_000 })
      await onPage(grid, 'committee/pages/proxy')
      await field(grid, 'input', '姓名，或手机号后四位').fill('王德福')
      await button(grid, '查找').click()
      await visible(grid, '.proxy__candidate', '王德福').first().click({ timeout: 15_000 })
      await button(grid, '办事（便民服务）').click({ timeout: 15_000 })
      await onPage(grid, 'service/pages/catalogue')
      await visible(grid, '.proxy-note', '为 王德福 代办').waitFor({ timeout: 15_000 })
      await visible(grid, '.svc__item', '城乡居民医保参保缴费').click({ timeout: 15_000 })
      await onPage(grid, 'service/pages/item')
      await button(grid, '为 王德福 办理').click()
      await onPage(grid, 'service/pages/apply')
      await visible(grid, '.svc__material', '居民身份证').click()
      await field(grid, 'input', '本人输入姓名').fill('王德福')
      await visible(grid, '.proxy-consent__agree').click()
      await toastGone(grid)
      await button(grid, '提交申请').click()
      await onPage(grid, 'service/pages/detail')
      await stateTag(grid, '待受理').waitFor({ timeout: 15_000 })
      const facts = await visible(grid, '.xl-detail__facts').innerText()
      expect(facts).toContain('办事人：王德福')
      expect(facts).toContain('代办人：李明（网格员）')
      expect((await visible(grid, '.xl-timeline__text').first().innerText()).trim()).toBe(
        '李明（网格员）代为提交',
      )
      // the desk takes it at once; a matter the village handles itself is never handed over
      await button(grid, '登记：材料已收取').click()
      await stateTag(grid, '已受理').waitFor({ timeout: 15_000 })
      await button(grid, '登记：已办好').waitFor({ timeout: 15_000 })
      expect(await field(grid, 'input', '办理单位收材料的人').count()).toBe(0)
    } finally {
      await grid.close()
    }
  })
})

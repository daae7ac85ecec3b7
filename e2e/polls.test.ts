import { openBrowser, openPerson, screenshot, type Session } from './support/browser'
import { startServer, type RunningServer } from './support/server'
import { button, confirmModal, field, loginAs, onPage, onScreen, stateTag, tab, visible } from './support/ui'

const TITLE = '村口新修停车场怎么划车位'
const NOT_BINDING = '不作为表决，不产生决定'

describe('a poll (问卷) from the committee’s form to a resident’s answer and the counts, on the H5 app', () => {
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

  it('张丽 asks, 王秀英 answers once, 张丽 closes it early and everyone sees counts only', async () => {
    // ---------- 张丽 writes the poll ----------
    await loginAs(committee, server.url, '张丽')
    await tab(committee, '办事').click({ timeout: 15_000 })
    await onScreen(committee, '.nut-cell:not(.home__line)', '问卷（意见征集）')
      .first()
      .click({ timeout: 15_000 })
    await onPage(committee, 'committee/pages/polls')
    await button(committee, '发起问卷').click()
    await onPage(committee, 'committee/pages/poll-new')
    expect(await visible(committee, '.poll__binding').innerText()).toContain(NOT_BINDING)
    await field(committee, 'input', '例如：文化广场晚上开放到几点').fill(TITLE)
    await field(committee, 'input', '问题').fill('车位按什么办法分？')
    await field(committee, 'input', '选项 1').fill('先到先停')
    await field(committee, 'input', '选项 2').fill('按户分固定车位')
    const day = new Date(Date.now() + 8 * 3_600_000 + 3 * 86_400_000).toISOString().slice(0, 10)
    await field(committee, 'input', '选择截止日期').fill(day)
    await button(committee, '发起问卷').click()
    await onPage(committee, 'poll/pages/detail')
    await stateTag(committee, '征集中').waitFor({ timeout: 15_000 })
    expect(await visible(committee, '.poll__meta').first().innerText()).toContain(`截止 ${day}`)

    // ---------- 王秀英 answers from 办事 ----------
    await loginAs(resident, server.url, '王秀英')
    await tab(resident, '办事').click({ timeout: 15_000 })
    await onScreen(resident, '.nut-cell:not(.home__line)', '问卷调查').first().click({ timeout: 15_000 })
    await onPage(resident, 'poll/pages/list')
    await visible(resident, '.poll__row', TITLE).click({ timeout: 15_000 })
    await onPage(resident, 'poll/pages/detail')
    expect(await visible(resident, '.poll__binding').innerText()).toContain(NOT_BINDING)
    await visible(resident, '.poll__option', '按户分固定车位').click()
    await button(resident, '提交（每人只能填一次）').click()
    await visible(resident, '.poll__note', '结果在问卷截止后公布').waitFor({ timeout: 15_000 })
    expect(await button(resident, '提交（每人只能填一次）').count()).toBe(0)

    // ---------- 张丽 sees the count and closes the poll early ----------
    await committee.page.reload()
    await onPage(committee, 'poll/pages/detail')
    await visible(committee, '.poll__meta', '1 人已填').waitFor({ timeout: 15_000 })
    await button(committee, '提前结束问卷').click()
    await confirmModal(committee)
    await stateTag(committee, '已提前结束').waitFor({ timeout: 15_000 })

    // ---------- 王秀英 now sees the counts, and no names ----------
    await resident.page.reload()
    await onPage(resident, 'poll/pages/detail')
    const results = visible(resident, '.poll__result')
    await results.first().waitFor({ timeout: 15_000 })
    expect(await results.allInnerTexts()).toEqual([
      expect.stringMatching(/先到先停\s*0 人/),
      expect.stringMatching(/按户分固定车位\s*1 人/),
    ])
    expect(await visible(resident, '.poll__question').innerText()).not.toContain('王秀英')
    await screenshot(resident.page, 'poll-results')
  })
})

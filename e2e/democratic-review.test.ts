import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openBrowser, openPerson, resultsDir, screenshot, type Session } from './support/browser'
import { beijing, minutesFromNow, passTo, serverNow } from './support/clock'
import { startServer, type RunningServer } from './support/server'
import { button, cell, confirmModal, field, loginAs, onPage, tab, toastGone, visible } from './support/ui'

/**
 * 民主评议 (Art 33) on 柳林村 in the H5 app: the supervision committee opens this year's review, the
 * cadres write their 述职报告, the representatives' meeting is noticed and held, members rate everyone
 * on one secret ballot, the paper ballots are counted in, and a resident reads the published result.
 */
describe('民主评议: one review from opening to its published result', () => {
  let server: RunningServer
  let supervisor: Session
  let secretary: Session
  let committee: Session
  let resident: Session
  let representative: Session
  let reviewUrl = ''
  let year = 0

  beforeAll(async () => {
    server = await startServer({ TEST_CLOCK: 'true' })
    supervisor = await openBrowser()
    secretary = await openPerson(supervisor.browser)
    committee = await openPerson(supervisor.browser)
    resident = await openPerson(supervisor.browser)
    representative = await openPerson(supervisor.browser)
    year = Number(beijing(await serverNow(server.url)).date.slice(0, 4))
  })
  afterAll(async () => {
    if (server) writeFileSync(join(resultsDir, 'democratic-review-server.log'), server.log())
    for (const s of [representative, resident, committee, secretary]) await s?.close()
    await supervisor?.close()
    await server?.stop()
  })

  /**
   * Opens the review's page by its link. Right after a login the app may still be settling on its
   * home page and take the first navigation back there; the link is then opened once more.
   */
  const openReview = async (s: Session) => {
    const title = visible(s, '.review__title', `${year} 年度民主评议`)
    for (let attempt = 0; ; attempt++) {
      await s.page.goto(reviewUrl)
      await s.page.reload()
      try {
        await title.waitFor({ timeout: 15_000 })
        return
      } catch (e) {
        if (attempt > 0) {
          await screenshot(s.page, 'democratic-review-failed-detail')
          throw e
        }
      }
    }
  }
  const toReviews = async (s: Session) => {
    await tab(s, '办事').click({ timeout: 15_000 })
    await cell(s, '民主评议').click({ timeout: 15_000 })
    await onPage(s, 'cadre-review/pages/list')
  }
  /** One reviewed person's line on the ballot: the chip of `rating` in it. */
  const rate = (s: Session, name: string, rating: string) =>
    visible(s, '.review__person', name).locator('.xl-chip', { hasText: new RegExp(`^\\s*${rating}\\s*$`) })

  it('the supervision committee opens this year’s review and keeps those the app can reach', async () => {
    const s = supervisor
    await loginAs(s, server.url, '赵国强')
    await toReviews(s)
    await visible(s, '.review__row', `${year - 1} 年度民主评议`).waitFor({ timeout: 15_000 })
    await button(s, `开始 ${year} 年度评议`).click()
    await confirmModal(s)
    await onPage(s, 'cadre-review/pages/detail')
    await visible(s, '.review-subject', '杨文斌').waitFor({ timeout: 15_000 })
    reviewUrl = s.page.url()
    expect(reviewUrl).toMatch(/id=\d+/)
    // 杨文斌 left the committee this year (in this story): the supervision committee takes him off the list
    await visible(s, '.review-subject', '杨文斌').locator('.xl-link', { hasText: '移出名单' }).click()
    await visible(s, '.review-subject', '杨文斌').waitFor({ state: 'detached', timeout: 15_000 })
    await toastGone(s)
    // paid staff are found on the roster by name and listed; 刘长青 is listed by mistake and taken off
    await field(s, 'input', '输入姓名').fill('刘长青')
    await button(s, '查找').click()
    await button(s, '列入评议').click()
    const listed = visible(s, '.review-subject', '享受误工补贴的工作人员')
    await listed.filter({ hasText: '刘长青' }).waitFor({ timeout: 15_000 })
    await toastGone(s)
    await listed.filter({ hasText: '刘长青' }).locator('.xl-link', { hasText: '移出名单' }).click()
    await listed.filter({ hasText: '刘长青' }).waitFor({ state: 'detached', timeout: 15_000 })
    await toastGone(s)
  })

  it('each reviewed cadre submits a 述职报告', async () => {
    for (const [s, name] of [
      [secretary, '李建华'],
      [committee, '张丽'],
    ] as const) {
      await loginAs(s, server.url, name)
      await openReview(s)
      await field(s, 'textarea', '这一年做了哪些工作，有什么不足').fill(
        `${name}：今年修了村道，按季度公开了村务。`,
      )
      await button(s, '提交述职报告').click()
      await visible(s, '.review-subject', `${name}：今年修了村道`).waitFor({ timeout: 15_000 })
      await toastGone(s)
    }
  })

  it('the supervision committee notices the representatives’ meeting and opens it at its time', async () => {
    const s = supervisor
    await openReview(s)
    const at = await minutesFromNow(server.url, 20)
    await field(s, 'input', '选择开会日期').fill(beijing(at).date)
    await field(s, 'input', '选择开会时间').fill(beijing(at).time)
    await button(s, '发出会议通知').click()
    await visible(s, '.review-meeting', '已通知').waitFor({ timeout: 15_000 })
    await toastGone(s)
    await passTo(server.url, at)
    await openReview(s)
    await button(s, '开始会议').click({ timeout: 15_000 })
    await visible(s, '.review-meeting', '正在开会').waitFor({ timeout: 15_000 })
    await toastGone(s)
  })

  it('members check in and rate everyone on one secret ballot', async () => {
    // the representatives' meeting: the village committee and the 村民代表 (Art 25)
    await loginAs(representative, server.url, '刘长青')
    for (const s of [secretary, committee, representative]) {
      await openReview(s)
      await button(s, '签到').click({ timeout: 15_000 })
      await toastGone(s)
      await rate(s, '李建华', '称职').click({ timeout: 15_000 })
      await rate(s, '张丽', '基本称职').click()
      await screenshot(s.page, 'democratic-review-ballot')
      await button(s, '投票').click()
      await visible(s, '.review-meeting', '您已经投过票了').waitFor({ timeout: 15_000 })
      await toastGone(s)
    }
    // the host is no member of the representatives' meeting: nothing to sign or vote
    await openReview(supervisor)
    expect(await button(supervisor, '签到').count()).toBe(0)
  })

  it('the paper sheet and the paper ballots are counted in, and the result is published', async () => {
    const s = supervisor
    await openReview(s)
    await button(s, '全选未到的').click({ timeout: 15_000 })
    await button(s, '登记签到').click()
    await visible(s, '.review-quorum', '已达法定人数').waitFor({ timeout: 15_000 })
    await toastGone(s)
    const due = Number(/应到 (\d+) 人/.exec(await visible(s, '.review-quorum').innerText())![1])
    const paper = due - 3
    await field(s, 'input', '纸质票张数').fill(String(paper))
    await field(s, 'input', '李建华称职票数').fill(String(paper))
    await field(s, 'input', '张丽称职票数').fill(String(paper))
    await button(s, '结束投票，公布结果').click()
    await visible(s, '.review-result', '评议结果').waitFor({ timeout: 15_000 })
    await screenshot(s.page, 'democratic-review-result')
    const result = await visible(s, '.review-result').innerText()
    expect(result).toContain('李建华：称职')
    expect(result).toContain(`称职 ${due} · 基本称职 0 · 不称职 0`)
    expect(result).toContain('张丽：称职')
    expect(result).toContain(`称职 ${paper} · 基本称职 3 · 不称职 0`)
  })

  it('a resident reads the published result', async () => {
    const s = resident
    await loginAs(s, server.url, '王秀英')
    await toReviews(s)
    await visible(s, '.review__row', `${year} 年度民主评议`).click({ timeout: 15_000 })
    await onPage(s, 'cadre-review/pages/detail')
    const result = await visible(s, '.review-result').innerText()
    expect(result).toContain('李建华：称职')
    expect(result).toContain('张丽：称职')
    expect(await visible(s, '.review-subject', '张丽：今年修了村道').count()).toBe(1)
  })
})

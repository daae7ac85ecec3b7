import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openBrowser, openPerson, resultsDir, screenshot, type Session } from './support/browser'
import { beijing, letPass, minutesFromNow, passTo } from './support/clock'
import { png } from './support/png'
import { startServer, type RunningServer } from './support/server'
import { button, cell, confirmModal, field, loginAs, onScreen, tab, toastGone, visible } from './support/ui'

const TITLE = '3 栋加装电梯'
const OPINION = '支持加装，希望一楼住户的补偿也写进方案。'
const SUMMARY = '共收到 1 条意见，支持加装，建议写明一楼住户的补偿办法。'
const DAY = 86_400_000

describe('一征: the opinion window of 一征三议两公开 on 新华社区 in the H5 app', () => {
  let server: RunningServer
  let committee: Session
  let resident: Session
  let dir = ''
  let detailUrl = ''

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xiangli-solicit-'))
    // the server's clock lets the opinion window's days pass (POST /api/test/clock)
    server = await startServer({
      SQLITE_PATH: join(dir, 'e2e.sqlite'),
      UPLOAD_DIR: join(dir, 'uploads'),
      TEST_CLOCK: 'true',
    })
    committee = await openBrowser()
    resident = await openPerson(committee.browser)
  })
  afterAll(async () => {
    if (server) writeFileSync(join(resultsDir, 'solicitation-server.log'), server.log())
    await resident?.close()
    await committee?.close()
    await server?.stop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  const openDetail = async (s: Session) => {
    await s.page.goto(detailUrl)
    await s.page.reload()
    await visible(s, '.xl-delib-step').first().waitFor({ timeout: 30_000 })
  }

  it('许静 starts a deliberation at 一征 and opens the opinion window', async () => {
    const s = committee
    await loginAs(s, server.url, '许静')
    await tab(s, '办事').click({ timeout: 15_000 })
    await cell(s, '议事（').click({ timeout: 15_000 })
    await button(s, '发起议事').click({ timeout: 20_000 })
    await field(s, 'input', '一句话说清楚，例如：修建村东头便民桥').fill(TITLE)
    await field(s, 'textarea', '为什么要办、怎么办、要花多少钱、钱从哪里来').fill(
      '3 栋居民申请加装电梯，费用按楼层分摊，先征求全体居民意见。',
    )
    await button(s, '发起议事').click()
    await visible(s, '.xl-delib-step').first().waitFor({ timeout: 20_000 })
    detailUrl = s.page.url()
    expect(await visible(s, '.xl-delib-steps').innerText()).toMatch(
      /征（征求居民意见）[\s\S]*提议[\s\S]*商议[\s\S]*决议[\s\S]*决议公开[\s\S]*实施结果公开/,
    )
    const card = visible(s, '.xl-delib-solicit')
    expect(await card.innerText()).toContain('社区还没有开始征求意见')

    // a window shorter than the legal five days is caught before anything is sent
    const day = field(s, 'input', '选择截止日期')
    const suggested = await day.inputValue()
    await day.fill(new Date(Date.now() + 8 * 3_600_000 + 2 * DAY).toISOString().slice(0, 10))
    await button(s, '开始征求意见').click()
    await visible(s, '.xl-form__error', '征求意见至少要 5 天').waitFor({ timeout: 10_000 })
    await day.fill(suggested)
    await screenshot(s.page, 'solicit-open-form')
    await button(s, '开始征求意见').click()
    await confirmModal(s)
    await visible(s, '.xl-delib-solicit__window', /^正在征求意见，.*截止$/).waitFor({ timeout: 20_000 })
    await toastGone(s)
    expect(await card.innerText()).toContain('已收到 0 条意见')
    // the summary waits for the window to close
    expect(await button(s, '汇总意见').count()).toBe(0)
    expect(await card.innerText()).toContain('征求意见截止后，才能汇总意见')
  })

  it('曹丽娟 gives her opinion with a photo while the window is open, and sees it', async () => {
    const r = resident
    await loginAs(r, server.url, '曹丽娟')
    await openDetail(r)
    await button(r, '提意见').click({ timeout: 15_000 })
    await field(r, 'textarea', '说说您赞成什么、担心什么').fill(OPINION)
    const chooser = r.page.waitForEvent('filechooser')
    await visible(r, '.xl-photos__add').click()
    await (await chooser).setFiles({ name: 'stairs.png', mimeType: 'image/png', buffer: png(48, 32) })
    await visible(r, '.xl-photos__done').waitFor({ timeout: 15_000 })
    await screenshot(r.page, 'solicit-resident-opinion')
    await button(r, '提交意见').click()
    // back on the detail page, which counts it
    await visible(r, '.xl-delib-solicit', '其中您提了 1 条').waitFor({ timeout: 20_000 })
    await toastGone(r)
    // a resident has no committee buttons
    expect(await button(r, '开始征求意见').count()).toBe(0)
    await button(r, '我提的意见').click()
    const mine = visible(r, '.xl-delib-opinion-card', OPINION)
    await mine.waitFor({ timeout: 15_000 })
    expect(await mine.innerText()).toContain('曹丽娟（我）')
    expect(await mine.locator('.xl-photos__tile').count()).toBe(1)
  })

  it('许静 reads the opinions and, once the window has closed, posts the summary', async () => {
    const s = committee
    await openDetail(s)
    await button(s, '查看居民意见').click({ timeout: 15_000 })
    const theirs = visible(s, '.xl-delib-opinion-card', OPINION)
    await theirs.waitFor({ timeout: 15_000 })
    expect(await theirs.innerText()).toContain('曹丽娟')
    expect(await visible(s, '.xl-delib-opinions__count').innerText()).toContain('共 1 条意见')
    // the page slides in: wait until the card is inside the screen before the picture
    await s.page.waitForFunction(
      () => {
        const el = [...document.querySelectorAll('.xl-delib-opinion-card')].at(-1)
        const r = el?.getBoundingClientRect()
        return r !== undefined && r.left >= 0 && r.right <= window.innerWidth
      },
      undefined,
      { timeout: 5_000 },
    )
    await screenshot(s.page, 'solicit-opinions')

    // the days of the window go by
    await letPass(server.url, 7 * DAY)

    await openDetail(s)
    await visible(s, '.xl-delib-solicit__window', /^征求意见已于 .* 截止$/).waitFor({ timeout: 15_000 })
    await button(s, '汇总意见').click({ timeout: 15_000 })
    await field(s, 'textarea', '例如：共收到 12 条意见').fill(SUMMARY)
    await onScreen(s, '.nut-dialog-footer-ok').click()
    const summary = visible(s, '.xl-delib-summary')
    await summary.waitFor({ timeout: 20_000 })
    await toastGone(s)
    expect(await summary.innerText()).toContain(SUMMARY)
    expect(await summary.innerText()).toContain('根据 1 条居民意见汇总')
    await screenshot(s.page, 'solicit-summary-posted')
  })

  it('shows 一征 done with its summary, and 提议 next, to the resident too', async () => {
    for (const s of [committee, resident]) {
      await openDetail(s)
      await visible(s, '.xl-delib-step--done', '征（征求居民意见）').waitFor({ timeout: 15_000 })
      await visible(s, '.xl-delib-step--current', '提议').waitFor({ timeout: 15_000 })
      expect(await visible(s, '.xl-delib-summary').innerText()).toContain(SUMMARY)
    }
    // 提议 is the party organisation's step: its meeting is the secretary's to call
    expect(await visible(committee, '.xl-delib-step--current', '提议').innerText()).toContain('党组织')
    expect(await button(resident, '提意见').count()).toBe(0)
    await screenshot(resident.page, 'solicit-resident-after-summary')
  })

  it('keeps a meeting’s files and the township official who attended (柳林村, 提议 by the secretary)', async () => {
    const s = await openPerson(committee.browser)
    try {
      await loginAs(s, server.url, '李建华')
      await tab(s, '办事').click({ timeout: 15_000 })
      await cell(s, '议事（').click({ timeout: 15_000 })
      await button(s, '发起议事').click({ timeout: 20_000 })
      await field(s, 'input', '一句话说清楚，例如：修建村东头便民桥').fill('修缮村委会会议室')
      await field(s, 'textarea', '为什么要办、怎么办、要花多少钱、钱从哪里来').fill(
        '会议室屋顶漏雨，拟修缮。',
      )
      await button(s, '发起议事').click()
      await visible(s, '.xl-delib-step').first().waitFor({ timeout: 20_000 })
      await button(s, '安排会议').click({ timeout: 15_000 })
      const at = await minutesFromNow(server.url, 10)
      await field(s, 'input', '选择开会日期').fill(beijing(at).date)
      await field(s, 'input', '选择开会时间').fill(beijing(at).time)
      await button(s, '发出会议通知').click()
      await confirmModal(s)
      await button(s, '查看会议通知').click({ timeout: 20_000 })
      await visible(s, '.xl-card__title', '我的签到和表决').waitFor({ timeout: 15_000 })
      // the meeting's time comes
      await passTo(server.url, at)
      await s.page.reload()
      await button(s, '开始会议').click({ timeout: 30_000 })
      await visible(s, '.xl-delib-quorum').waitFor({ timeout: 15_000 })
      await toastGone(s)

      // a PDF of the plan, chosen from the file picker
      await button(s, '添加附件').click({ timeout: 15_000 })
      const chooser = s.page.waitForEvent('filechooser')
      await onScreen(s, '.taro-actionsheet__cell', '选文件').click({ timeout: 10_000 })
      await (
        await chooser
      ).setFiles({
        name: 'plan.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n'),
      })
      const file = visible(s, '.xl-attachments__file', '会议附件 1（PDF）')
      await file.waitFor({ timeout: 20_000 })
      await toastGone(s)

      // 列席: the official of 柳林镇, with his post
      await button(s, '添加列席干部').click({ timeout: 15_000 })
      await visible(s, '.xl-chip', '赵建国（柳林镇）').click({ timeout: 15_000 })
      await field(s, 'input', '例如：柳林镇副镇长').fill('柳林镇副镇长')
      await button(s, '登记列席').click()
      await visible(s, '.xl-delib-attendee', '赵建国（柳林镇副镇长）').waitFor({ timeout: 15_000 })
      await toastGone(s)
      await screenshot(s.page, 'solicit-meeting-records')

      // the file opens: its signed link serves the PDF
      const popup = s.page.waitForEvent('popup')
      await file.click()
      const opened = await popup
      await opened.waitForLoadState('domcontentloaded').catch(() => undefined)
      expect(opened.url()).toMatch(/\/api\/files\/\d+\?exp=\d+&sig=/)
      const res = await s.page.request.get(opened.url())
      expect(res.status()).toBe(200)
      expect(res.headers()['content-type']).toContain('application/pdf')
    } finally {
      await s.close()
    }
  })
})

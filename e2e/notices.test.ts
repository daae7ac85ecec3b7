import { openBrowser, screenshot, type Session } from './support/browser'
import { png } from './support/png'
import { startServer, type RunningServer } from './support/server'
import { button, cell, chip, field, loginAs, onScreen, stateTag, tab, toastGone, visible } from './support/ui'

const TITLE = '2026年10月村级财务收支公开'
const OBJECTION = '村道修缮这笔支出和实际用工对不上，请公开用工和材料明细。'
const ANSWER = '经核对，村道修缮含材料费，票据已贴在村务公开栏，欢迎查看。'
const REASON = '村道修缮支出金额录入有误，按发票更正'

/** a box whose placeholder is exactly this (the 合计 boxes say only 元) */
const exactInput = (s: Session, placeholder: string) =>
  s.page
    .locator('input')
    .and(s.page.getByPlaceholder(placeholder, { exact: true }))
    .filter({ visible: true })

describe('村务公开 on the H5 app', () => {
  let server: RunningServer
  let resident: Session
  let committee: Session
  let visitor: Session
  /** the month the finance notice reports, as the form proposed it ('2026-10' in November 2026) */
  let covers = ''

  beforeAll(async () => {
    server = await startServer()
    resident = await openBrowser()
    committee = await openBrowser()
    visitor = await openBrowser()
  })
  afterAll(async () => {
    await resident?.close()
    await committee?.close()
    await visitor?.close()
    await server?.stop()
  })

  it('lets the committee publish a finance notice, a resident object, the committee answer and publish a correction that every version shows', async () => {
    // ---------- 张丽 drafts a finance notice; totals that do not add up are refused ----------
    const c = committee.page
    await loginAs(committee, server.url, '张丽')
    await tab(committee, '办事').click({ timeout: 15_000 })
    await cell(committee, '起草、发布、更正公告').click({ timeout: 15_000 })
    await button(committee, '起草公告').click({ timeout: 15_000 })
    await chip(committee, '财务公开').click({ timeout: 15_000 })
    await field(committee, 'input', '例如：2026年10月村级财务收支公开').fill(TITLE)
    // a new finance notice reports last month and starts with one income and one expense line
    covers = await field(committee, 'input', '选择月份').inputValue()
    expect(covers).toMatch(/^\d{4}-\d{2}$/)
    const items = field(committee, 'input', '项目，例如：村道修缮')
    const amounts = field(committee, 'input', '金额（元），例如：3200.50')
    await items.nth(0).fill('上级转移支付')
    await amounts.nth(0).fill('50000')
    await items.nth(1).fill('村道修缮')
    await amounts.nth(1).fill('12,345.6')
    await button(committee, '加一笔支出').click()
    await items.nth(2).fill('路灯电费')
    await amounts.nth(2).fill('1234.5')
    const totals = exactInput(committee, '元')
    await totals.nth(0).fill('50000')
    await totals.nth(1).fill('13000')
    // the sums follow the typing, in yuan
    const live = visible(committee, '.compose__live')
    await live.filter({ hasText: '支出 ¥13,580.10' }).waitFor({ timeout: 10_000 })
    expect(await live.innerText()).toContain('支出合计差 ¥580.10')
    await button(committee, '保存草稿').click()
    await c
      .locator('.xl-form__error', { hasText: '合计对不上' })
      .filter({ visible: true })
      .waitFor({ timeout: 10_000 })
    await toastGone(committee)
    await screenshot(c, 'notice-compose-mismatch')

    await totals.nth(1).fill('13580.10')
    await button(committee, '保存草稿').click()
    await stateTag(committee, '草稿').waitFor({ timeout: 15_000 })
    const id = Number(/[?&]id=(\d+)/.exec(c.url())![1])
    expect(id).toBeGreaterThan(0)

    // ---------- publishing it opens the publicity period ----------
    await button(committee, '发布').click()
    await c.locator('.taro-model__confirm').filter({ visible: true }).click()
    await stateTag(committee, '公示中').waitFor({ timeout: 15_000 })
    const article = visible(committee, '.xl-notice-body')
    expect(await article.innerText()).toMatch(/收入明细[\s\S]*上级转移支付[\s\S]*¥50,000.00/)
    expect(await article.innerText()).toMatch(
      /支出明细[\s\S]*村道修缮[\s\S]*¥12,345.60[\s\S]*合计[\s\S]*¥13,580.10/,
    )
    expect(await article.innerText()).toContain('公示中，还剩')
    await toastGone(committee)
    await screenshot(c, 'notice-published')

    // ---------- 王秀英 reads it in the 公开 tab and objects with a photo ----------
    const p = resident.page
    await loginAs(resident, server.url, '王秀英')
    await tab(resident, '公开').click({ timeout: 15_000 })
    const card = p.locator('.xl-notice', { hasText: TITLE }).filter({ visible: true }).first()
    await card.waitFor({ timeout: 15_000 })
    expect(await card.getAttribute('class')).toContain('xl-notice--unread')
    await screenshot(p, 'notice-feed')
    await card.locator('.xl-notice__open').click()
    await visible(resident, '.xl-finance').first().waitFor({ timeout: 15_000 })
    expect(await visible(resident, '.xl-notice-body').innerText()).toContain('¥1,234.50')
    await screenshot(p, 'notice-resident-detail')

    await button(resident, '提出异议').click()
    await field(resident, 'textarea', '写清楚哪一项有问题').fill(OBJECTION)
    const chooser = p.waitForEvent('filechooser')
    await visible(resident, '.xl-photos__add').click()
    await (await chooser).setFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: png(40, 30) })
    await visible(resident, '.xl-photos__done').waitFor({ timeout: 15_000 })
    await button(resident, '提交异议').click()
    await p
      .locator('.xl-objection', { hasText: OBJECTION })
      .filter({ visible: true })
      .waitFor({ timeout: 15_000 })
    await stateTag(resident, '待答复').waitFor()
    await toastGone(resident)

    // back in the feed the notice is read now
    await p.goBack()
    await p
      .locator('.xl-notice', { hasText: TITLE })
      .filter({ visible: true })
      .first()
      .waitFor({ timeout: 15_000 })
    await p.waitForFunction(
      (t) =>
        [...document.querySelectorAll('.xl-notice')].some(
          (el) => el.textContent?.includes(t) && !el.classList.contains('xl-notice--unread'),
        ),
      TITLE,
      { timeout: 15_000 },
    )
    // 全部已读: the village's other notices are read too, and the tap goes until something new comes
    await visible(resident, '.public__read-all').click({ timeout: 15_000 })
    await p.waitForFunction(
      () =>
        ![...document.querySelectorAll('.xl-notice--unread, .public__read-all')].some(
          (el) => (el as HTMLElement).offsetParent !== null,
        ),
      undefined,
      { timeout: 15_000 },
    )

    // ---------- 张丽 answers the objection ----------
    await c.reload()
    const objection = c.locator('.xl-objection', { hasText: OBJECTION }).filter({ visible: true })
    await objection.waitFor({ timeout: 30_000 })
    expect(await objection.innerText()).toMatch(/村委会应在 .+ 前答复/)
    await field(committee, 'textarea', '写清楚核实的情况和处理结果').fill(ANSWER)
    await button(committee, '发送答复').click()
    await objection.locator('.xl-state-tag', { hasText: '已答复' }).waitFor({ timeout: 15_000 })
    expect(await objection.innerText()).toContain(ANSWER)

    // ---------- 王秀英 sees the answer and accepts it ----------
    await p.goto(`${server.url}/#/subpackages/notice/pages/objections/index`)
    await p.reload()
    const mine = p.locator('.xl-objection', { hasText: OBJECTION }).filter({ visible: true })
    await mine.waitFor({ timeout: 30_000 })
    expect(await mine.innerText()).toContain(ANSWER)
    await screenshot(p, 'notice-objection-answered')
    await button(resident, '认可答复').click()
    await p.locator('.taro-model__confirm').filter({ visible: true }).click()
    await mine.locator('.xl-state-tag', { hasText: '已认可答复' }).waitFor({ timeout: 15_000 })

    // ---------- 张丽 publishes a correction with a reason; both versions stay ----------
    await button(committee, '更正').click()
    await field(committee, 'textarea', '例如：村道修缮支出金额录入有误').fill(REASON)
    const fixed = field(committee, 'input', '金额（元），例如：3200.50')
    await fixed.nth(1).waitFor({ timeout: 15_000 })
    expect(await fixed.nth(1).inputValue()).toBe('12345.6')
    await fixed.nth(1).fill('12000')
    await exactInput(committee, '元').nth(1).fill('13234.50')
    await button(committee, '发布更正').click()
    const history = visible(committee, '.xl-versions')
    await history.filter({ hasText: '共 2 个版本' }).waitFor({ timeout: 15_000 })
    const versions = await history.innerText()
    expect(versions).toMatch(/第 2 版（现行）[\s\S]*更正原因：村道修缮支出金额录入有误[\s\S]*第 1 版/)
    expect(versions).toContain('支出“村道修缮” ¥12,345.60 → ¥12,000.00')
    expect(await visible(committee, '.xl-notice-body').innerText()).toContain('¥13,234.50')
    await toastGone(committee)
    await screenshot(c, 'notice-corrected')

    // ---------- anyone opens the share link without logging in: a plain page the server renders ----------
    const link = await visible(committee, '.cnotice__url').innerText()
    expect(link).toBe(`${server.url}/notices/${id}`)
    const v = visitor.page
    await v.goto(link)
    const page = await v.locator('main').innerText()
    expect(page).toContain('已更正 · 第 2 版')
    expect(page).toMatch(/第 2 版（现行）[\s\S]*更正原因：村道修缮支出金额录入有误[\s\S]*第 1 版 · 首次发布/)
    expect(page).toContain('¥12,000.00')
    // the first version, as it was published, opens in full (a <details>, no script)
    await v.locator('summary', { hasText: '查看这一版全文' }).last().click()
    await v.locator('details[open]', { hasText: '¥12,345.60' }).waitFor({ timeout: 10_000 })
    // no resident's name on the public page
    expect(await v.locator('main').innerText()).not.toContain('王秀英')
    await screenshot(v, 'notice-public')
    // a link made before the plain pages (the app's hash route) lands on the same page
    await v.goto(`${server.url}/#/pages/notice/index?id=${id}`)
    await v.waitForURL(`${server.url}/notices/${id}`, { timeout: 15_000 })
  })

  it('shows the committee its publication calendar and the township how its villages keep up', async () => {
    // the finance notice above counts for the month it reports
    const c = committee.page
    await c.goto(`${server.url}/#/subpackages/committee/pages/notice-calendar/index`)
    await c.reload()
    const finance = c.locator('.xl-card', { hasText: '财务公开' }).filter({ visible: true }).first()
    await finance.waitFor({ timeout: 30_000 })
    const [year, month] = covers.split('-')
    const label = `${year}年${Number(month)}月财务公开`
    const row = c.locator('.ncal__row', { hasText: label }).filter({ visible: true })
    expect(await row.innerText()).toMatch(/已公开/)
    await screenshot(c, 'notice-calendar')

    // 赵建国 of 柳林镇 sees 柳林村 among its villages
    await loginAs(visitor, server.url, '赵建国')
    await tab(visitor, '办事').click({ timeout: 15_000 })
    await cell(visitor, '村务公开督办').click({ timeout: 15_000 })
    const village = visible(visitor, '.xl-card', '柳林村').first()
    await village.waitFor({ timeout: 15_000 })
    expect(await village.innerText()).toMatch(/逾期未公开|待公开|已公开/)
    await screenshot(visitor.page, 'notice-township')
  })

  it('asks each household to acknowledge a meeting notice and shows the committee who has', async () => {
    const c = committee.page
    await c.goto(`${server.url}/#/subpackages/committee/pages/notice-compose/index`)
    await c.reload()
    await chip(committee, '村务公开').click({ timeout: 30_000 })
    await field(committee, 'input', '例如：关于村道硬化工程的公示').fill('关于召开村民代表会议的通知')
    await field(committee, 'textarea', '公开的内容').fill(
      '定于12月1日上午9点在村委会召开村民代表会议，请各户派代表参加。',
    )
    // 要每户确认已阅吗？ 是
    await chip(committee, '是').first().click()
    await button(committee, '保存草稿').click()
    await stateTag(committee, '草稿').waitFor({ timeout: 15_000 })
    const id = Number(/[?&]id=(\d+)/.exec(c.url())![1])
    await button(committee, '发布').click()
    await c.locator('.taro-model__confirm').filter({ visible: true }).click()
    await stateTag(committee, '公示中').waitFor({ timeout: 15_000 })
    await c.locator('.cnotice__link', { hasText: '各户确认情况' }).filter({ visible: true }).click()
    const summary = c.locator('.xl-card__title', { hasText: '已确认' }).filter({ visible: true })
    await summary.waitFor({ timeout: 15_000 })
    expect(await summary.innerText()).toMatch(/^已确认 0 户 \/ 共 \d+ 户$/)

    const p = resident.page
    await p.goto(`${server.url}/#/subpackages/notice/pages/detail/index?id=${id}`)
    await p.reload()
    await button(resident, '本户已阅，确认').click({ timeout: 30_000 })
    await p.getByText('您家已经确认看过这条公开了。').filter({ visible: true }).waitFor({ timeout: 15_000 })

    await c.reload()
    await summary.filter({ hasText: '已确认 1 户' }).waitFor({ timeout: 30_000 })
    await chip(committee, '已确认 1').click()
    await cell(committee, '王秀英 确认').waitFor({ timeout: 10_000 })
    await screenshot(c, 'notice-acks')
  })

  it('sends a notice to the supervision committee first when the village asks for review', async () => {
    const c = committee.page
    // the committee turns the village setting on (there is no page for it in this test's scope)
    await c.evaluate(async () => {
      const raw = JSON.parse(localStorage.getItem('xl.tokens')!) as { data?: { accessToken: string } }
      const token = (raw.data ?? (raw as { accessToken: string })).accessToken
      const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }
      const me = (await (await fetch('/api/me', { headers })).json()) as {
        memberships: { orgId: number; orgName: string }[]
      }
      const villageId = me.memberships.find((m) => m.orgName === '柳林村')!.orgId
      const village = (await (await fetch(`/api/villages/${villageId}`, { headers })).json()) as {
        settings: { publicity: Record<string, unknown> }
      }
      const settings = {
        ...village.settings,
        publicity: { ...village.settings.publicity, supervisionReview: true },
      }
      const res = await fetch(`/api/villages/${villageId}/settings`, {
        method: 'PUT',
        headers,
        body: JSON.stringify(settings),
      })
      if (!res.ok) throw new Error(await res.text())
    })

    await c.goto(`${server.url}/#/subpackages/committee/pages/notice-compose/index`)
    await c.reload()
    await chip(committee, '其他').click({ timeout: 30_000 })
    await field(committee, 'input', '例如：关于村道硬化工程的公示').fill('关于冬季防火安全的提醒')
    await field(committee, 'textarea', '公开的内容').fill('冬季天干物燥，请各户注意用火用电安全。')
    await button(committee, '保存草稿').click()
    await stateTag(committee, '草稿').waitFor({ timeout: 15_000 })
    // no 发布 until the supervisors approve
    expect(await button(committee, '发布').count()).toBe(0)
    await button(committee, '提交监督委员会审核').click()
    await c.locator('.taro-model__confirm').filter({ visible: true }).click()
    await stateTag(committee, '待监督委员会审核').waitFor({ timeout: 15_000 })

    // 赵国强 of the supervision committee approves it with an opinion
    const supervisor = await openBrowser()
    try {
      await loginAs(supervisor, server.url, '赵国强')
      await tab(supervisor, '办事').click({ timeout: 15_000 })
      await cell(supervisor, '审核公告，写监督意见').click({ timeout: 15_000 })
      const card = supervisor.page
        .locator('.xl-notice', { hasText: '关于冬季防火安全的提醒' })
        .filter({ visible: true })
      await card.waitFor({ timeout: 15_000 })
      await card.locator('.xl-notice__open').click()
      await button(supervisor, '同意发布').click({ timeout: 15_000 })
      await field(supervisor, 'textarea', '例如：经核对票据，收支属实').fill('内容属实，同意发布。')
      await onScreen(supervisor, '.nut-dialog-footer-ok').click()
      await stateTag(supervisor, '审核通过待发布').waitFor({ timeout: 15_000 })
      await supervisor.page
        .getByText('监督委员会已同意，等村委会发布。')
        .filter({ visible: true })
        .waitFor({ timeout: 10_000 })
      await toastGone(supervisor)
      await screenshot(supervisor.page, 'notice-reviewed')
    } finally {
      await supervisor.close()
    }

    // now the committee publishes it, with the opinion beside it
    await c.reload()
    await button(committee, '发布').click({ timeout: 30_000 })
    await c.locator('.taro-model__confirm').filter({ visible: true }).click()
    await stateTag(committee, '公示中').waitFor({ timeout: 15_000 })
    expect(await visible(committee, '.xl-notice-body').innerText()).toMatch(
      /村务监督委员会意见[\s\S]*内容属实，同意发布。/,
    )
  })
})

import { openBrowser, screenshot, type Session, openPerson } from './support/browser'
import { demoApi, type DemoApi } from './support/api'
import { startServer, type RunningServer } from './support/server'
import {
  button,
  chip,
  confirmModal,
  field,
  loginAs,
  onScreen,
  stateTag,
  tab,
  toastGone,
  visible,
} from './support/ui'

const TITLE = '提议召开村民会议商量修村北的路'
const TEXT = '村北的土路一下雨就没法走，孩子上学、老人看病都不方便，提议召开村民会议商量集资修路。'
const DELIBERATION = '集资修建村北道路'

interface Criterion {
  criterion: string
  signed: number
  needed: number
  met: boolean
}
interface Petition {
  id: number
  status: string
  signatures: number
  reached: boolean
  criteria: Criterion[]
  deliberationId: number | null
}

describe('联名提议 on 柳林村 in the H5 app', () => {
  let server: RunningServer
  let resident: Session
  let representative: Session
  let committee: Session
  let villageId = 0
  let petitionId = 0
  let detailUrl = ''

  let http: DemoApi

  beforeAll(async () => {
    // a copy of the H5 build, so that a rebuild during the run does not swap the app's chunks
    server = await startServer()
    http = await demoApi(server.url)
    resident = await openBrowser()
    representative = await openPerson(resident.browser)
    committee = await openPerson(resident.browser)
  })
  afterAll(async () => {
    await committee?.close()
    await representative?.close()
    await resident?.close()
    await http?.dispose()
    await server?.stop()
  })

  it('lets 王秀英 start a petition from 办事, with the legal threshold explained', async () => {
    const p = resident.page
    await loginAs(resident, server.url, '王秀英')
    await tab(resident, '办事').click({ timeout: 15_000 })
    // the 办事 entry (the home, a tab below, has a 联名提议 line of its own, hidden now)
    await onScreen(resident, '.nut-cell:not(.home__line)', '联名提议').first().click({ timeout: 15_000 })
    await visible(resident, '.petition__start').waitFor({ timeout: 15_000 })
    await button(resident, '发起联名提议').click({ timeout: 15_000 })

    // the village may petition for either meeting; each choice explains its threshold
    await chip(resident, '村民代表会议').click({ timeout: 15_000 })
    await visible(resident, '.petition__rule', '村民代表的五分之一以上').waitFor()
    await chip(resident, '村民会议').click()
    await visible(
      resident,
      '.petition__rule',
      '十八周岁以上村民的十分之一以上，或者村民代表的三分之一以上',
    ).waitFor()

    // a blank form is refused with what to fill in
    await button(resident, '发起联名').click()
    await visible(resident, '.xl-form__error', '请填写提议召开会议的事由').waitFor({ timeout: 10_000 })
    await field(resident, 'input', '一句话说清楚，例如：提议召开村民会议商量修村北的路').fill(TITLE)
    await field(
      resident,
      'textarea',
      '为什么要开这个会、想让大家议什么、有什么想法，说得越清楚越容易得到联名',
    ).fill(TEXT)
    await toastGone(resident)
    await screenshot(p, 'petition-start')
    await button(resident, '发起联名').click()
    await confirmModal(resident)

    await visible(resident, '.petition__title', TITLE).waitFor({ timeout: 15_000 })
    await stateTag(resident, '正在联名').waitFor()
    const url = new URL(p.url().replace('/#/', '/'))
    petitionId = Number(url.searchParams.get('id'))
    villageId = Number(url.searchParams.get('villageId'))
    expect(petitionId).toBeGreaterThan(0)
    expect(villageId).toBeGreaterThan(0)
    detailUrl = `${server.url}/#/subpackages/petition/pages/detail/index?id=${petitionId}&villageId=${villageId}`

    const view = (
      await http.call<Petition>(
        await http.tokenOf('resident'),
        'GET',
        `/api/villages/${villageId}/petitions/${petitionId}`,
      )
    ).body
    const villagers = view.criteria.find((c) => c.criterion === 'villagers')!
    expect(villagers.signed).toBe(1)
    const page = await visible(resident, '.xl-page').innerText()
    expect(page).toContain(`已有 1 人联名，需 ${villagers.needed} 人`)
    expect(page).toContain('这是您发起的联名，您已经签了名。')
    // the initiator may withdraw it before the threshold, and cannot sign twice
    await button(resident, '撤回联名').waitFor()
    expect(await button(resident, '我要联名').count()).toBe(0)
    await toastGone(resident)
    await screenshot(p, 'petition-detail')
  })

  it('lets 刘长青 co-sign it in another browser in 长辈模式, after confirming', async () => {
    const r = representative.page
    // 刘长青 (born 1955) reads with 长辈模式 on: large text and buttons
    const prefs = await http.call(await http.tokenOf('representative'), 'PATCH', '/api/me/preferences', {
      elderMode: true,
    })
    expect(prefs.status).toBe(200)
    await loginAs(representative, server.url, '刘长青')
    await r.goto(detailUrl)
    await visible(representative, '.petition__title', TITLE).waitFor({ timeout: 15_000 })
    await visible(representative, '.xl-page.xl-elder').waitFor({ timeout: 15_000 })
    await visible(representative, '.petition__mine', '您还没有联名。').waitFor()
    await button(representative, '我要联名').click()
    // cancelling the dialog signs nothing
    await onScreen(representative, '.taro-model__cancel').click({ timeout: 10_000 })
    await visible(representative, '.petition__headline', '已有 1 ').waitFor()
    await button(representative, '我要联名').click()
    await confirmModal(representative)
    await visible(representative, '.petition__mine', '您已联名。').waitFor({ timeout: 15_000 })
    await visible(representative, '.petition__headline', /已有 2 人联名/).waitFor()
    expect(await button(representative, '我要联名').count()).toBe(0)
    await toastGone(representative)
    await screenshot(r, 'petition-signed')
  })

  it('reaches the threshold with more adults of 柳林村, and shows 已达到法定人数', async () => {
    const path = `/api/villages/${villageId}/petitions/${petitionId}`
    let view: Petition | null = null
    for (const key of ['party_member', 'supervisor', 'secretary', 'committee']) {
      const res = await http.call<Petition>(await http.tokenOf(key), 'POST', `${path}/signatures`)
      expect(res.status).toBe(200)
      view = res.body
      if (view.status === 'reached') break
    }
    expect(view).toMatchObject({ status: 'reached', reached: true })
    expect(view!.criteria.some((c) => c.met)).toBe(true)

    const p = resident.page
    await p.reload()
    await stateTag(resident, '已达到法定人数').waitFor({ timeout: 30_000 })
    await visible(
      resident,
      '.petition__headline',
      `已有 ${view!.signatures} 人联名，已达到法定人数`,
    ).waitFor()
    await visible(resident, '.petition__banner', '村委会已收到通知，应当召集村民会议').waitFor()
    // past the threshold the initiator can no longer withdraw it
    expect(await button(resident, '撤回联名').count()).toBe(0)
    await screenshot(p, 'petition-reached')
  })

  it('lets 张丽 of the committee find the reached petition and convene it as a deliberation', async () => {
    const c = committee.page
    await loginAs(committee, server.url, '张丽')
    await tab(committee, '办事').click({ timeout: 15_000 })
    await onScreen(committee, '.nut-cell:not(.home__line)', '联名提议').first().click({ timeout: 15_000 })
    await chip(committee, '已达到法定人数').click({ timeout: 15_000 })
    const row = visible(committee, '.petition__row', TITLE)
    await row.waitFor({ timeout: 15_000 })
    expect(await row.innerText()).toMatch(
      /已达到法定人数[\s\S]*提议召开村民会议[\s\S]*已有 \d+ 人联名[\s\S]*王秀英发起/,
    )
    // the 办事 page slides away; wait until it is gone before the picture
    await onScreen(committee, '.weui-tabbar__item').first().waitFor({ state: 'hidden', timeout: 10_000 })
    await screenshot(c, 'petition-list')
    await row.click()
    await visible(committee, '.petition__convene').waitFor({ timeout: 15_000 })
    // the draft comes from the petition; the committee names the deliberation and its matter
    const title = field(committee, 'input', '议题，例如：集资修建村北道路')
    expect(await title.inputValue()).toBe(TITLE)
    await title.fill(DELIBERATION)
    await chip(committee, '公益事业的兴办和筹资筹劳方案及建设承包方案').click()
    await screenshot(c, 'petition-convene')
    await visible(committee, '.petition__convene .nut-button', '列入议事').click()
    await confirmModal(committee)

    await stateTag(committee, '已列入议事').waitFor({ timeout: 15_000 })
    await visible(committee, '.petition__banner', '已列入议事').waitFor()
    expect(await visible(committee, '.petition__convene').count()).toBe(0)
    await toastGone(committee)
    await screenshot(c, 'petition-convened')

    const token = await http.tokenOf('committee')
    const petition = (
      await http.call<Petition>(token, 'GET', `/api/villages/${villageId}/petitions/${petitionId}`)
    ).body
    expect(petition.status).toBe('convened')
    expect(petition.deliberationId).toBeGreaterThan(0)
    const deliberation = await http.call<{
      title: string
      source: { kind: string; petitionId: number | null }
    }>(token, 'GET', `/api/villages/${villageId}/deliberations/${petition.deliberationId}`)
    expect(deliberation.body).toMatchObject({
      title: DELIBERATION,
      source: { kind: 'petition', petitionId },
    })

    // the petition links the deliberation it became
    await button(committee, '查看议事').click()
    await c.waitForURL(
      (u) =>
        u.href.includes('/subpackages/deliberation/pages/detail/index') &&
        u.href.includes(`id=${petition.deliberationId}`),
      { timeout: 15_000 },
    )
  })

  it('lets the initiator withdraw a petition that has not reached the threshold', async () => {
    const token = await http.tokenOf('resident')
    const started = await http.call<Petition>(token, 'POST', `/api/villages/${villageId}/petitions`, {
      target: 'villagers_meeting',
      title: '提议召开村民会议商量路灯电费',
      text: '三组的路灯电费一直由几户人家垫付，提议召开村民会议商量怎么分摊。',
    })
    expect(started.status).toBe(201)
    const p = resident.page
    await p.goto(
      `${server.url}/#/subpackages/petition/pages/detail/index?id=${started.body.id}&villageId=${villageId}`,
    )
    await visible(resident, '.petition__title', '路灯电费').waitFor({ timeout: 15_000 })
    await visible(resident, '.petition__headline', /^已有 1 人联名，需 \d+ 人$/).waitFor()
    await button(resident, '撤回联名').click()
    await confirmModal(resident)
    await stateTag(resident, '已撤回').waitFor({ timeout: 15_000 })
    await visible(resident, '.petition__mine', '您已撤回这份联名，不再签名。').waitFor()
    expect(await button(resident, '撤回联名').count()).toBe(0)
    await toastGone(resident)
    await screenshot(p, 'petition-withdrawn')
  })
})

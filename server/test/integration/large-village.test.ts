import { deliberationMeetingPage, noticePage } from '@xiangli/shared'
import { DIALECT, startTestApp, villageIds, type TestApp } from '../support/app'
import { openVillagersMeeting } from '../support/villagers-meeting'
import { growVillage } from '../support/village'

/** 5,000 adults, half of them with the app (and WeChat): a large village, on either database. */
const ADULTS = 4_960
const ACCOUNTS = 2_500

describe(`a village of 5,000 adults on ${DIALECT}`, () => {
  let t: TestApp
  let village: number
  let secretary: string
  let committee: string

  const count = async (sql: string, params: unknown[]): Promise<number> =>
    Number(((await t.ds.query(sql, params)) as { n: number | string }[])[0]!.n)
  const post = (token: string, url: string, body: unknown = {}) =>
    t.request({ method: 'POST', url, token, body })
  /** app accounts of 柳林村's roster: the audience of a notice to the whole village */
  const villageAccounts = () =>
    count(
      'SELECT COUNT(DISTINCT accountId) AS n FROM resident WHERE villageId = ? AND accountId IS NOT NULL',
      [village],
    )

  beforeAll(async () => {
    t = await startTestApp({ WECHAT_SUBSCRIBE_TEMPLATE_ID: 'tmpl-large-village' })
    village = (await villageIds(t.ds)).village
    secretary = await t.login('secretary')
    committee = await t.login('committee')
    await growVillage(t, { villageId: village, adults: ADULTS, accounts: ACCOUNTS, openids: true })
  }, 120_000)
  afterAll(async () => t.close())

  it('schedules a villagers’ meeting, notifying every member with the app, and takes the paper sign-in of all', async () => {
    const base = `/api/villages/${village}/deliberations`
    const {
      deliberationId: id,
      meetingId,
      members,
    } = await openVillagersMeeting(t, {
      token: secretary,
      villageId: village,
      ballot: 'secret',
    })
    expect(members.length).toBeGreaterThanOrEqual(ADULTS)
    const withApp = await count(
      `SELECT COUNT(*) AS n FROM deliberation_meeting_member mm JOIN resident r ON r.id = mm.residentId
        WHERE mm.meetingId = ? AND r.accountId IS NOT NULL`,
      [meetingId],
    )
    expect(withApp).toBeGreaterThanOrEqual(ACCOUNTS)
    const link = deliberationMeetingPage(id, meetingId)
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM notification WHERE kind = 'deliberation.meeting_scheduled' AND link = ?`,
        [link],
      ),
    ).toBe(withApp)
    // the WeChat subscribe message goes to each member who came from WeChat
    expect(
      await count(`SELECT COUNT(*) AS n FROM outbox_message WHERE page = ? AND openid LIKE 'openid-%'`, [
        link,
      ]),
    ).toBe(ACCOUNTS)

    const path = `${base}/${id}/meetings/${meetingId}`
    const signedIn = await post(secretary, `${path}/paper-sign-in`, { memberIds: members.map((m) => m.id) })
    expect(signedIn.status).toBe(200)
    expect(signedIn.body.attendance).toMatchObject({ due: members.length, present: members.length })
    // the close publishes 决议公开 to the whole village by itself
    const before = await count(`SELECT COUNT(*) AS n FROM notification WHERE kind = 'notice.published'`, [])
    const closed = await post(secretary, `${path}/close`, {
      counted: { yes: members.length, no: 0, abstain: 0 },
    })
    expect(closed.status).toBe(200)
    expect(closed.body.result).toMatchObject({ outcome: 'passed', present: members.length })
    expect(await count(`SELECT COUNT(*) AS n FROM notification WHERE kind = 'notice.published'`, [])).toBe(
      before + (await villageAccounts()),
    )
  }, 120_000)

  it('publishes a notice to every resident with the app', async () => {
    const created = await post(committee, `/api/villages/${village}/notices`, {
      category: 'village',
      title: '村道硬化工程公示',
      body: '村道硬化工程的预算与施工安排如下。',
    })
    expect(created.status).toBe(201)
    const published = await post(committee, `/api/villages/${village}/notices/${created.body.id}/publish`)
    expect(published.status).toBe(200)
    expect(
      await count(`SELECT COUNT(*) AS n FROM notification WHERE kind = 'notice.published' AND body = ?`, [
        '村道硬化工程公示',
      ]),
    ).toBe(await villageAccounts())
    expect(
      await count(`SELECT COUNT(*) AS n FROM outbox_message WHERE page = ? AND openid LIKE 'openid-%'`, [
        noticePage('resident', created.body.id),
      ]),
    ).toBe(ACCOUNTS)
  }, 60_000)
})

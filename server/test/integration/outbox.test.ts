import type { NotificationView } from '@xiangli/shared'
import { TxService } from '../../src/core/tx/tx.service'
import { OutboxMessage } from '../../src/infra/wechat/entities/outbox-message.entity'
import { backoffMs, OUTBOX_MAX_ATTEMPTS, OutboxWorker } from '../../src/infra/wechat/outbox.worker'
import { SEND_CREDITS, type SendCredits } from '../../src/infra/wechat/send-credits'
import { NotifyService } from '../../src/modules/inbox/notify.service'
import { DIALECT, startTestApp, villageIds, type TestApp } from '../support/app'
import { agreeToIdNumber, addAccount, addResident } from '../support/factories'
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat'

const TEMPLATE = 'tmpl-workflow-notice'
const VERIFIED = 'tmpl-verified'
const METRICS_TOKEN = 'metrics-token-for-the-outbox-test-0123'
const OPENID = 'openid-zhang-li'
const SEND = '/cgi-bin/message/subscribe/send'
const TOKEN = '/cgi-bin/stable_token'

/** MySQL keeps DATETIME to the second; compare times to that precision. */
const closeTo = (actual: Date | null, expected: number) =>
  expect(Math.abs(actual!.getTime() - expected)).toBeLessThanOrEqual(1000)

describe(`WeChat subscribe messages through the outbox on ${DIALECT}`, () => {
  let t: TestApp
  let wechat: FakeWechat
  let worker: OutboxWorker
  let village: number
  let tokensIssued = 0
  /** tokens the fake WeChat now answers 40001 for */
  const expired = new Set<string>()
  let sendAnswer: { errcode: number; errmsg: string } = { errcode: 0, errmsg: 'ok' }

  let zhangLi: string

  /** What the miniapp reports after wx.requestSubscribeMessage. */
  const report = (token: string, results: Record<string, string>) =>
    t.request({ method: 'POST', url: '/api/me/subscriptions', token, body: { results } })
  const accept = async (token: string, templateId: string) => {
    const res = await report(token, { [templateId]: 'accept' })
    expect(res.status).toBe(200)
    return res.body.credits as Record<string, number>
  }

  const outbox = () => t.ds.getRepository(OutboxMessage).find({ order: { id: 'ASC' } })
  const latest = async () => (await outbox()).at(-1)!

  /** A workflow that tells the committee: someone on the roster asks to be verified. */
  async function someoneAsksToBeVerified(): Promise<void> {
    const account = await addAccount(t)
    const r = await addResident(t, { villageId: village })
    await agreeToIdNumber(t, account.token)
    const res = await t.request({
      method: 'POST',
      url: '/api/me/verifications',
      token: account.token,
      body: { villageId: village, name: r.name, idNumber: r.plainIdNumber, phone: r.plainPhone },
    })
    expect(res.status).toBe(201)
  }

  beforeAll(async () => {
    wechat = await startFakeWechat()
    wechat.on(TOKEN, () => ({ body: { access_token: `tok-${++tokensIssued}`, expires_in: 7200 } }))
    wechat.on(SEND, ({ query }) => ({
      body: expired.has(query.access_token!) ? { errcode: 40001, errmsg: 'invalid credential' } : sendAnswer,
    }))
    t = await startTestApp({
      WECHAT_API_BASE: wechat.base,
      WECHAT_APP_ID: 'wx-test-app',
      WECHAT_APP_SECRET: 'wx-test-secret',
      WECHAT_SUBSCRIBE_TEMPLATE_ID: TEMPLATE,
      WECHAT_TEMPLATES: JSON.stringify({
        'verification.confirmed': {
          id: VERIFIED,
          fields: { thing1: 'title', time2: 'time', phrase3: '=已通过' },
        },
      }),
      METRICS_TOKEN,
    })
    worker = t.app.get(OutboxWorker)
    village = (await villageIds(t.ds)).village
    // 张丽 (committee member of 柳林村) signed in with WeChat once, and accepted messages of the
    // workflow template ten times when she tapped
    await t.ds.query(`UPDATE account SET openid = ? WHERE demoKey = ?`, [OPENID, 'committee'])
    zhangLi = await t.login('committee')
    for (let i = 0; i < 10; i++) await accept(zhangLi, TEMPLATE)
  })
  afterAll(async () => {
    await t.close()
    await wechat.down()
  })

  describe('a workflow that notifies a WeChat user', () => {
    let t0: number

    it('queues a subscribe message and succeeds even while WeChat is down', async () => {
      await wechat.down()
      await someoneAsksToBeVerified()
      const rows = await outbox()
      expect(rows).toHaveLength(1) // only 张丽 came from WeChat; 李建华 gets the inbox message alone
      expect(rows[0]).toMatchObject({
        openid: OPENID,
        templateId: TEMPLATE,
        page: '/subpackages/committee/pages/verifications/index',
        data: { thing1: { value: '有新的实名认证待确认' }, thing2: { value: expect.any(String) } },
        state: 'pending',
        attempts: 0,
        sentAt: null,
      })
      expect(rows[0]!.data.thing2!.value.length).toBeLessThanOrEqual(20)
      expect(wechat.calls).toHaveLength(0)
    })

    it('retries after a failure with a growing wait', async () => {
      t0 = Date.now() + 60_000
      expect(await worker.runOnce(new Date(t0))).toBe(0)
      let row = await latest()
      expect(row).toMatchObject({
        state: 'pending',
        attempts: 1,
        claimedUntil: null,
        lastError: expect.stringContaining('unreachable'),
      })
      closeTo(row.nextAttemptAt, t0 + backoffMs(1))

      // not due yet: nothing is tried
      expect(await worker.runOnce(new Date(t0 + backoffMs(1) - 5_000))).toBe(0)
      expect((await latest()).attempts).toBe(1)

      const t1 = t0 + backoffMs(1) + 1_000
      expect(await worker.runOnce(new Date(t1))).toBe(0)
      row = await latest()
      expect(row).toMatchObject({ state: 'pending', attempts: 2 })
      closeTo(row.nextAttemptAt, t1 + backoffMs(2))
      expect(backoffMs(2)).toBe(4 * backoffMs(1))
    })

    it('marks the message sent once WeChat answers errcode 0', async () => {
      await wechat.up()
      const row = await latest()
      expect(await worker.runOnce(new Date(row.nextAttemptAt.getTime() + 1_000))).toBe(1)
      expect(await latest()).toMatchObject({
        state: 'sent',
        attempts: 3,
        lastError: null,
        claimedUntil: null,
        sentAt: expect.any(Date),
      })

      expect(wechat.callsTo(TOKEN)).toEqual([
        expect.objectContaining({
          method: 'POST',
          body: {
            grant_type: 'client_credential',
            appid: 'wx-test-app',
            secret: 'wx-test-secret',
            force_refresh: false,
          },
        }),
      ])
      const sends = wechat.callsTo(SEND)
      expect(sends).toHaveLength(1)
      expect(sends[0]).toMatchObject({
        method: 'POST',
        query: { access_token: 'tok-1' },
        body: {
          touser: OPENID,
          template_id: TEMPLATE,
          page: row.page,
          data: row.data,
          miniprogram_state: 'developer',
          lang: 'zh_CN',
        },
      })
    })

    it('does not send a message twice', async () => {
      expect(await worker.runOnce(new Date(Date.now() + 86_400_000))).toBe(0)
      expect(wechat.callsTo(SEND)).toHaveLength(1)
    })

    it('queues nothing for an account that did not come from WeChat', async () => {
      const applicant = await addAccount(t)
      const r = await addResident(t, { villageId: village })
      const body = { villageId: village, name: r.name, idNumber: r.plainIdNumber, phone: r.plainPhone }
      await agreeToIdNumber(t, applicant.token)
      const submitted = await t.request({
        method: 'POST',
        url: '/api/me/verifications',
        token: applicant.token,
        body,
      })
      const before = (await outbox()).length
      const confirmed = await t.request({
        method: 'POST',
        url: `/api/villages/${village}/verifications/${submitted.body.id}/confirm`,
        token: await t.login('secretary'),
      })
      expect(confirmed.body.state).toBe('confirmed')
      const inbox = await t.request({ method: 'GET', url: '/api/inbox', token: applicant.token })
      expect(inbox.body.items[0]).toMatchObject({ title: '实名认证已通过' })
      expect((await outbox()).length).toBe(before)
      // the message for 张丽 from the submission is due; leave the queue as the next tests expect it
      await worker.runOnce(new Date(Date.now() + 60_000))
    })
  })

  describe('the access token', () => {
    it('is fetched again once when WeChat says it expired (40001), and the message goes out', async () => {
      expired.add('tok-1')
      await someoneAsksToBeVerified()
      const tokensBefore = wechat.callsTo(TOKEN).length
      const sendsBefore = wechat.callsTo(SEND).length

      expect(await worker.runOnce(new Date(Date.now() + 60_000))).toBe(1)
      expect(wechat.callsTo(TOKEN).length - tokensBefore).toBe(1)
      expect(
        wechat
          .callsTo(SEND)
          .slice(sendsBefore)
          .map((c) => c.query.access_token),
      ).toEqual(['tok-1', 'tok-2'])
      expect(await latest()).toMatchObject({ state: 'sent', attempts: 1 })
    })

    it('is fetched only once per attempt even when the new one is refused too', async () => {
      expired.add('tok-2').add('tok-3')
      await someoneAsksToBeVerified()
      const tokensBefore = wechat.callsTo(TOKEN).length
      const sendsBefore = wechat.callsTo(SEND).length

      expect(await worker.runOnce(new Date(Date.now() + 60_000))).toBe(0)
      expect(wechat.callsTo(TOKEN).length - tokensBefore).toBe(1)
      expect(wechat.callsTo(SEND).length - sendsBefore).toBe(2)
      expect(await latest()).toMatchObject({
        state: 'pending',
        attempts: 1,
        lastError: expect.stringContaining('40001'),
      })

      expired.clear()
      const row = await latest()
      expect(await worker.runOnce(new Date(row.nextAttemptAt.getTime() + 1_000))).toBe(1)
      expect(await latest()).toMatchObject({ state: 'sent', attempts: 2 })
    })
  })

  describe('giving up', () => {
    afterEach(() => {
      sendAnswer = { errcode: 0, errmsg: 'ok' }
    })

    it('stops at once when the person refused subscribe messages (43101)', async () => {
      sendAnswer = { errcode: 43101, errmsg: 'user refuse to accept the msg' }
      await someoneAsksToBeVerified()
      expect(await worker.runOnce(new Date(Date.now() + 60_000))).toBe(0)
      expect(await latest()).toMatchObject({
        state: 'refused',
        attempts: 1,
        lastError: expect.stringContaining('43101'),
      })
      expect(worker.lastRun).toMatchObject({ refused: 1, sent: 0, failed: 0 })
      // never tried again
      sendAnswer = { errcode: 0, errmsg: 'ok' }
      const sends = wechat.callsTo(SEND).length
      expect(await worker.runOnce(new Date(Date.now() + 86_400_000))).toBe(0)
      expect(wechat.callsTo(SEND)).toHaveLength(sends)
      expect((await latest()).state).toBe('refused')
    })

    it(`stops after ${OUTBOX_MAX_ATTEMPTS} failed attempts`, async () => {
      sendAnswer = { errcode: -1, errmsg: 'system busy' }
      await someoneAsksToBeVerified()
      let now = Date.now() + 60_000
      for (let i = 1; i <= OUTBOX_MAX_ATTEMPTS; i++) {
        await worker.runOnce(new Date(now))
        const row = await latest()
        expect({ attempt: i, state: row.state, attempts: row.attempts }).toEqual({
          attempt: i,
          state: i < OUTBOX_MAX_ATTEMPTS ? 'pending' : 'failed',
          attempts: i,
        })
        now = row.nextAttemptAt.getTime() + 1_000
      }
      sendAnswer = { errcode: 0, errmsg: 'ok' }
      expect(await worker.runOnce(new Date(now + 86_400_000))).toBe(0)
      expect((await latest()).state).toBe('failed')
    })
  })

  describe('what people accepted', () => {
    const notifyTest = (accountId: number, title: string) =>
      t.app
        .get(TxService)
        .run((m) =>
          t.app
            .get(NotifyService)
            .notify(m, { accountIds: [accountId], orgId: null, kind: 'test.event', title, body: '正文' }),
        )
    const rowsOf = async (openid: string) => (await outbox()).filter((r) => r.openid === openid)
    const due = () => new Date(Date.now() + 60_000)

    it('tells the miniapp which templates each tap asks for', async () => {
      const res = await t.request({ method: 'GET', url: '/api/me/subscriptions/templates', token: zhangLi })
      expect(res.status).toBe(200)
      expect(res.body.actions).toEqual({
        grievance: [TEMPLATE],
        certificate: [TEMPLATE],
        verification: [VERIFIED, TEMPLATE],
        objection: [TEMPLATE],
        petition: [TEMPLATE],
      })
      expect((await t.request({ method: 'GET', url: '/api/me/subscriptions/templates' })).status).toBe(401)
    })

    it('records each accept as one message, and ignores refusals and templates it does not use', async () => {
      const me = await addAccount(t, { openid: 'openid-reporter' })
      const results = {
        [VERIFIED]: 'accept',
        [TEMPLATE]: 'reject',
        'tmpl-not-ours': 'accept',
        errMsg: 'requestSubscribeMessage:ok',
      }
      expect((await report(me.token, results)).body).toEqual({ credits: { [VERIFIED]: 1, [TEMPLATE]: 0 } })
      expect((await report(me.token, { [VERIFIED]: 'accept', [TEMPLATE]: 'ban' })).body.credits).toEqual({
        [VERIFIED]: 2,
        [TEMPLATE]: 0,
      })
      const bad = await report(me.token, {})
      expect(bad.status).toBe(400)
      expect(bad.body).toMatchObject({ code: expect.any(String), message: expect.any(String) })
    })

    it('sends only what was accepted: without it the message stays in the inbox, skipped', async () => {
      await worker.runOnce(due()) // what is queued for 张丽 so far
      const openid = 'openid-no-credit'
      const applicant = await addAccount(t, { openid })
      const r = await addResident(t, { villageId: village })
      await agreeToIdNumber(t, applicant.token)
      const submitted = await t.request({
        method: 'POST',
        url: '/api/me/verifications',
        token: applicant.token,
        body: { villageId: village, name: r.name, idNumber: r.plainIdNumber, phone: r.plainPhone },
      })
      await worker.runOnce(due())
      await t.request({
        method: 'POST',
        url: `/api/villages/${village}/verifications/${submitted.body.id}/confirm`,
        token: await t.login('secretary'),
      })
      const [queued] = await rowsOf(openid)
      expect(queued).toMatchObject({
        accountId: applicant.id,
        templateId: VERIFIED,
        state: 'pending',
        data: {
          thing1: { value: '实名认证已通过' },
          time2: { value: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d$/) },
          phrase3: { value: '已通过' },
        },
      })
      const sends = wechat.callsTo(SEND).length
      await worker.runOnce(due())
      expect(worker.lastRun).toMatchObject({ skipped: 1, sent: 0 })
      expect((await rowsOf(openid))[0]).toMatchObject({ state: 'skipped', attempts: 0 })
      expect(wechat.callsTo(SEND)).toHaveLength(sends)
      const inbox = await t.request({ method: 'GET', url: '/api/inbox', token: applicant.token })
      expect(inbox.body.items[0]).toMatchObject({ title: '实名认证已通过' })

      // having accepted once: one message goes out, and the next one is skipped again
      await accept(applicant.token, TEMPLATE)
      await notifyTest(applicant.id, '第一条')
      await notifyTest(applicant.id, '第二条')
      expect(await worker.runOnce(due())).toBe(1)
      expect((await rowsOf(openid)).map((x) => [x.data.thing1!.value, x.state])).toEqual([
        ['实名认证已通过', 'skipped'],
        ['第一条', 'sent'],
        ['第二条', 'skipped'],
      ])
      expect(wechat.callsTo(SEND).at(-1)!.body).toMatchObject({ touser: openid, template_id: TEMPLATE })
      expect(await accept(applicant.token, VERIFIED)).toEqual({ [VERIFIED]: 1, [TEMPLATE]: 0 })
    })

    it('spends one credit on a message however often its send is retried', async () => {
      const openid = 'openid-retry'
      const me = await addAccount(t, { openid })
      await accept(me.token, TEMPLATE)
      await accept(me.token, TEMPLATE)
      await notifyTest(me.id, '重试')
      sendAnswer = { errcode: -1, errmsg: 'system busy' }
      await worker.runOnce(due())
      expect(worker.lastRun).toMatchObject({ retrying: 1 })
      sendAnswer = { errcode: 0, errmsg: 'ok' }
      const [row] = await rowsOf(openid)
      expect(await worker.runOnce(new Date(row!.nextAttemptAt.getTime() + 1_000))).toBe(1)
      expect((await rowsOf(openid))[0]).toMatchObject({ state: 'sent', attempts: 2 })
      expect((await report(me.token, { [TEMPLATE]: 'reject' })).body.credits[TEMPLATE]).toBe(1)
    })

    it('never lets two sends spend the same credit', async () => {
      const me = await addAccount(t, { openid: 'openid-race' })
      await accept(me.token, TEMPLATE)
      await accept(me.token, TEMPLATE)
      const credits = t.app.get<SendCredits>(SEND_CREDITS)
      const now = new Date()
      const messages = [9_000_001, 9_000_002, 9_000_003, 9_000_004, 9_000_005]
      const taken = await Promise.all(messages.map((id) => credits.take(me.id, TEMPLATE, id, now)))
      expect(taken.filter(Boolean)).toHaveLength(2)
      // a message that holds one keeps it; no more are spent
      const holder = messages[taken.indexOf(true)]!
      expect(await credits.take(me.id, TEMPLATE, holder, now)).toBe(true)
      const used = (await t.ds.query('SELECT usedFor FROM subscribe_credit WHERE accountId = ?', [
        me.id,
      ])) as {
        usedFor: number
      }[]
      expect(used.map((u) => u.usedFor).sort()).toEqual(messages.filter((_, k) => taken[k]).sort())
    })

    it('counts sent, refused, skipped and failed messages on /metrics', async () => {
      const res = await t.request({
        method: 'GET',
        url: '/metrics',
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      })
      expect(res.status).toBe(200)
      const text = String(res.body)
      for (const state of ['pending', 'sent', 'refused', 'skipped', 'failed'])
        expect(text).toMatch(new RegExp(`^xiangli_outbox_messages\\{state="${state}"\\} \\d+$`, 'm'))
      const figure = (result: string) =>
        Number(
          new RegExp(`^xiangli_outbox_results_total\\{result="${result}"\\} (\\d+)$`, 'm').exec(text)?.[1],
        )
      expect(figure('sent')).toBeGreaterThanOrEqual(4)
      expect(figure('refused')).toBe(1)
      expect(figure('skipped')).toBeGreaterThanOrEqual(2)
      expect(figure('failed')).toBe(1)
    })
  })
})

describe(`the inbox on ${DIALECT}`, () => {
  let t: TestApp
  let me: { id: number; token: string }
  let other: { id: number; token: string }

  const get = (url: string, token = me.token) => t.request({ method: 'GET', url, token })
  const post = (url: string, token = me.token) => t.request({ method: 'POST', url, token })

  beforeAll(async () => {
    t = await startTestApp()
    me = await addAccount(t)
    other = await addAccount(t)
    const notify = t.app.get(NotifyService)
    await t.app.get(TxService).run(async (m) => {
      for (let i = 1; i <= 25; i++)
        await notify.notify(m, {
          accountIds: [me.id],
          orgId: null,
          kind: 'test',
          title: `通知 ${i}`,
          body: `第 ${i} 条`,
        })
      await notify.notify(m, {
        accountIds: [other.id],
        orgId: null,
        kind: 'test',
        title: '别人的通知',
        body: '不是你的',
      })
    })
  })
  afterAll(async () => t.close())

  it('lists one’s own messages newest first, a page at a time', async () => {
    const first = await get('/api/inbox?page=1&pageSize=10')
    expect(first.body).toMatchObject({ total: 25, page: 1, pageSize: 10 })
    expect(first.body.items.map((n: NotificationView) => n.title)).toEqual(
      Array.from({ length: 10 }, (_, i) => `通知 ${25 - i}`),
    )
    const last = await get('/api/inbox?page=3&pageSize=10')
    expect(last.body.items.map((n: NotificationView) => n.title)).toEqual([
      '通知 5',
      '通知 4',
      '通知 3',
      '通知 2',
      '通知 1',
    ])
    expect(last.body.items.every((n: NotificationView) => n.read === false)).toBe(true)
  })

  it('counts the unread', async () => {
    expect((await get('/api/inbox/unread-count')).body).toEqual({ count: 25 })
  })

  it('marks one message read, once', async () => {
    const newest = (await get('/api/inbox?pageSize=1')).body.items[0] as NotificationView
    const res = await post(`/api/inbox/${newest.id}/read`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ id: newest.id, read: true })
    expect((await post(`/api/inbox/${newest.id}/read`)).body.read).toBe(true)
    expect((await get('/api/inbox/unread-count')).body).toEqual({ count: 24 })
  })

  it('will not mark someone else’s message', async () => {
    const theirs = (await get('/api/inbox', other.token)).body.items[0] as NotificationView
    const res = await post(`/api/inbox/${theirs.id}/read`)
    expect(res.status).toBe(404)
    expect(res.body.code).toBe('NOT_FOUND')
    expect((await get('/api/inbox/unread-count', other.token)).body).toEqual({ count: 1 })
  })

  it('marks everything read, leaving other people’s messages alone', async () => {
    const res = await post('/api/inbox/read-all')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ count: 0 })
    expect((await get('/api/inbox/unread-count')).body).toEqual({ count: 0 })
    expect((await get('/api/inbox?pageSize=100')).body.items.every((n: NotificationView) => n.read)).toBe(
      true,
    )
    expect((await get('/api/inbox/unread-count', other.token)).body).toEqual({ count: 1 })
  })
})

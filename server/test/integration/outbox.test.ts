import type { NotificationView } from '@xiangli/shared'
import { TxService } from '../../src/core/tx/tx.service'
import { OutboxMessage } from '../../src/infra/wechat/entities/outbox-message.entity'
import { backoffMs, OUTBOX_MAX_ATTEMPTS, OutboxWorker } from '../../src/infra/wechat/outbox.worker'
import { NotifyService } from '../../src/modules/inbox/notify.service'
import { DIALECT, startTestApp, villageIds, type TestApp } from '../support/app'
import { addAccount, addResident } from '../support/factories'
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat'

const TEMPLATE = 'tmpl-workflow-notice'
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

  const outbox = () => t.ds.getRepository(OutboxMessage).find({ order: { id: 'ASC' } })
  const latest = async () => (await outbox()).at(-1)!

  /** A workflow that tells the committee: someone on the roster asks to be verified. */
  async function someoneAsksToBeVerified(): Promise<void> {
    const account = await addAccount(t)
    const r = await addResident(t, { villageId: village })
    const res = await t.request({
      method: 'POST',
      url: '/api/me/verifications',
      token: account.token,
      body: { villageId: village, name: r.name, idNumber: r.plainIdNumber, phone: r.phone },
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
    })
    worker = t.app.get(OutboxWorker)
    village = (await villageIds(t.ds)).village
    // 张丽 (committee member of 柳林村) signed in with WeChat once
    await t.ds.query(`UPDATE account SET openid = ? WHERE demoKey = ?`, [OPENID, 'committee'])
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
      const body = { villageId: village, name: r.name, idNumber: r.plainIdNumber, phone: r.phone }
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
        state: 'failed',
        attempts: 1,
        lastError: expect.stringContaining('43101'),
      })
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

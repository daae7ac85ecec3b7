import { randomBytes } from 'node:crypto'
import { loadConfig } from '../../src/core/config/config'
import { AccessTokenStore } from '../../src/infra/wechat/access-token.store'
import { WechatClient, WechatError } from '../../src/infra/wechat/wechat.client'
import { TEST_ENV } from '../support/app'
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat'

const TOKEN = '/cgi-bin/stable_token'
const SEND = '/cgi-bin/message/subscribe/send'
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const message = { touser: 'openid-1', template_id: 'tmpl-1', data: { thing1: { value: '你好' } } }

/** The real WeChat client against a fake api.weixin.qq.com: the access token's life. */
describe('the WeChat access token', () => {
  let wechat: FakeWechat
  let issued = 0
  let ttl = 7200
  /** tokens the fake now answers `rejectWith` for */
  const rejected = new Set<string>()
  let rejectWith = 40001
  let sendAnswer = { errcode: 0, errmsg: 'ok' }
  const stores: AccessTokenStore[] = []

  function client(env: Record<string, string> = {}): WechatClient {
    const config = loadConfig({
      ...TEST_ENV,
      WECHAT_API_BASE: wechat.base,
      WECHAT_APP_ID: 'wx-app',
      WECHAT_APP_SECRET: 'wx-secret',
      ...env,
    })
    const store = new AccessTokenStore(config)
    stores.push(store)
    return new WechatClient(config, store)
  }
  const sendTokens = () => wechat.callsTo(SEND).map((c) => c.query.access_token)

  beforeAll(async () => {
    wechat = await startFakeWechat()
    // like stable_token: the same token to every caller until it is rejected (expired)
    wechat.on(TOKEN, () => {
      const current = `tok-${issued}`
      if (issued === 0 || rejected.has(current)) issued++
      return { body: { access_token: `tok-${issued}`, expires_in: ttl } }
    })
    wechat.on(SEND, ({ query }) => ({
      body: rejected.has(query.access_token!) ? { errcode: rejectWith, errmsg: 'expired' } : sendAnswer,
    }))
  })
  afterEach(async () => {
    wechat.calls.length = 0
    rejected.clear()
    sendAnswer = { errcode: 0, errmsg: 'ok' }
    ttl = 7200
    rejectWith = 40001
    for (const s of stores.splice(0)) s.onModuleDestroy()
  })
  afterAll(() => wechat.down())

  it('is asked of stable_token with force_refresh false, and reused until shortly before it expires', async () => {
    const c = client()
    await c.send(message)
    await c.send(message)
    expect(wechat.callsTo(TOKEN)).toEqual([
      expect.objectContaining({
        method: 'POST',
        body: { grant_type: 'client_credential', appid: 'wx-app', secret: 'wx-secret', force_refresh: false },
      }),
    ])
    expect(sendTokens()).toEqual([`tok-${issued}`, `tok-${issued}`])
  })

  it('is fetched again when it is about to expire', async () => {
    ttl = 300 // renewed five minutes early: this one is kept a minute at most
    const c = client()
    await c.send(message)
    const later = Date.now() + 61_000
    const clock = jest.spyOn(Date, 'now').mockReturnValue(later)
    try {
      await c.send(message)
    } finally {
      clock.mockRestore()
    }
    expect(wechat.callsTo(TOKEN)).toHaveLength(2)
  })

  it.each([40001, 42001])(
    'is refreshed once when WeChat answers %i, and the message goes out',
    async (code) => {
      const c = client()
      await c.send(message)
      const old = `tok-${issued}`
      rejected.add(old)
      rejectWith = code
      await c.send(message)
      expect(sendTokens()).toEqual([old, old, `tok-${issued}`])
      expect(issued).not.toBe(Number(old.slice(4)))
      expect(wechat.callsTo(TOKEN)).toHaveLength(2)
    },
  )

  it('is refreshed only once per send: a second rejection is the caller’s error', async () => {
    const c = client()
    await c.send(message)
    rejected.add(`tok-${issued}`).add(`tok-${issued + 1}`)
    await expect(c.send(message)).rejects.toMatchObject({ errcode: 40001 })
    expect(wechat.callsTo(TOKEN)).toHaveLength(2)
    expect(wechat.callsTo(SEND)).toHaveLength(3)
  })

  it('passes other errors through with their errcode (43101: the person refused)', async () => {
    sendAnswer = { errcode: 43101, errmsg: 'user refuse to accept the msg' }
    const e = await client()
      .send(message)
      .catch((x: unknown) => x)
    expect(e).toBeInstanceOf(WechatError)
    expect((e as WechatError).errcode).toBe(43101)
    expect(wechat.callsTo(TOKEN)).toHaveLength(1)
  })

  it('is shared through Redis: a second instance uses the first one’s token without asking', async () => {
    const env = { REDIS_URL, REDIS_KEY_PREFIX: `xiangli-test-${randomBytes(6).toString('hex')}:` }
    const a = client(env)
    const b = client(env)
    await a.send(message)
    await b.send(message)
    expect(wechat.callsTo(TOKEN)).toHaveLength(1)

    // b learns the token expired, fetches the new one; a then picks that up from Redis
    rejected.add(`tok-${issued}`)
    await b.send(message)
    await a.send(message)
    expect(wechat.callsTo(TOKEN)).toHaveLength(2)
    expect(sendTokens().slice(-2)).toEqual([`tok-${issued}`, `tok-${issued}`])
  })

  it('is kept in memory when Redis is unreachable', async () => {
    const c = client({ REDIS_URL: 'redis://127.0.0.1:9' })
    await c.send(message)
    await c.send(message)
    expect(wechat.callsTo(TOKEN)).toHaveLength(1)
    expect(wechat.callsTo(SEND)).toHaveLength(2)
  })
})

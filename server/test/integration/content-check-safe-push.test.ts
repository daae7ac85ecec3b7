import { DIALECT, multipart, startTestApp, villageIds, type TestApp } from '../support/app'
import { encryptedPush, FakeContentSecurity, startFakeWechat, type FakeWechat } from '../support/fake-wechat'
import { expectError } from '../support/http'
import { png } from '../support/images'

const MSG_TOKEN = 'push-token-of-the-test'
/** the platform's EncodingAESKey: 43 letters and digits */
const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG'
const APP_ID = 'wx-test-app'
const PUSH = '/api/wechat/push'

/**
 * The message endpoint in 安全模式: with WECHAT_MSG_AES_KEY set, a photo's result is believed only
 * encrypted for this AppID and signed over the encrypted text; plain pushes, forged signatures and
 * messages made for another mini-program are refused, with a code.
 */
describe(`WeChat's encrypted pushes (安全模式) on ${DIALECT}`, () => {
  let t: TestApp
  let wechat: FakeWechat
  let security: FakeContentSecurity
  let village: number
  let resident: string
  let neighbour: string

  const push = (p: { url: string; body: unknown }) => t.request({ method: 'POST', url: p.url, body: p.body })
  const pass = (traceId: string) =>
    security.mediaPush(PUSH, { traceId, verdict: { suggest: 'pass' }, token: MSG_TOKEN })
  const raiseWithPhoto = async (): Promise<{ id: number; traceId: string }> => {
    const up = await t.request({
      method: 'POST',
      url: `/api/villages/${village}/uploads`,
      token: resident,
      ...multipart('file', 'well.png', png(4, 4, [90, 80, 70]), 'image/png'),
    })
    expect(up.status).toBe(201)
    const g = await t.request({
      method: 'POST',
      url: `/api/villages/${village}/grievances`,
      token: resident,
      body: {
        category: '环境卫生',
        title: '水井盖板裂了',
        text: '见照片',
        photoIds: [up.body.id],
        visibility: 'public',
      },
    })
    expect(g.status).toBe(201)
    expect(g.body.moderation.state).toBe('pending')
    return { id: g.body.id, traceId: security.asked.at(-1)!.traceId }
  }
  const seenByNeighbour = async (id: number) =>
    (await t.request({ method: 'GET', url: `/api/villages/${village}/grievances/${id}`, token: neighbour }))
      .status === 200

  beforeAll(async () => {
    wechat = await startFakeWechat()
    security = new FakeContentSecurity(wechat)
    t = await startTestApp({
      WECHAT_API_BASE: wechat.base,
      WECHAT_APP_ID: APP_ID,
      WECHAT_APP_SECRET: 'wx-test-secret',
      WECHAT_MSG_TOKEN: MSG_TOKEN,
      WECHAT_MSG_AES_KEY: AES_KEY,
      PUBLIC_BASE_URL: 'https://xiangli.example.cn',
    })
    village = (await villageIds(t.ds)).village
    for (const key of ['resident', 'representative'])
      await t.ds.query(`UPDATE account SET openid = ? WHERE demoKey = ?`, [`openid-${key}`, key])
    ;[resident, neighbour] = await Promise.all(['resident', 'representative'].map((k) => t.login(k)))
  })
  afterAll(async () => {
    await t.close()
    await wechat.down()
  })

  it('refuses a plain push, even correctly signed, once the endpoint is in 安全模式', async () => {
    const { id, traceId } = await raiseWithPhoto()
    expectError(await push(pass(traceId)), 'WECHAT_PUSH_NOT_ENCRYPTED')
    expect(await seenByNeighbour(id)).toBe(false)
  })

  it('refuses an encrypted push signed with another token, or made for another mini-program', async () => {
    const { id, traceId } = await raiseWithPhoto()
    const keys = { token: MSG_TOKEN, encodingAesKey: AES_KEY, appId: APP_ID }
    expectError(
      await push(encryptedPush(pass(traceId), { ...keys, signWith: 'not-the-token' })),
      'WECHAT_PUSH_SIGNATURE_INVALID',
    )
    expectError(
      await push(encryptedPush(pass(traceId), { ...keys, appId: 'wx-another-app' })),
      'WECHAT_PUSH_UNREADABLE',
    )
    // encrypted with another key: the signature is right, the text does not decrypt
    const otherKey = encryptedPush(pass(traceId), { ...keys, encodingAesKey: 'Z'.repeat(43) })
    expectError(await push(otherKey), 'WECHAT_PUSH_UNREADABLE')
    expect(await seenByNeighbour(id)).toBe(false)
  })

  it('believes the encrypted, signed push and shows the issue', async () => {
    const { id, traceId } = await raiseWithPhoto()
    const res = await push(
      encryptedPush(pass(traceId), { token: MSG_TOKEN, encodingAesKey: AES_KEY, appId: APP_ID }),
    )
    expect(res.status).toBe(200)
    expect(res.body).toBe('success')
    expect(await seenByNeighbour(id)).toBe(true)
  })
})

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ERRORS, type ContentCheckView, type GrievanceSummary, type GrievanceView } from '@xiangli/shared'
import { Clock } from '../../src/core/clock/clock'
import { JobRunner } from '../../src/core/jobs/job-runner'
import { CONTENT_CHECK_JOB } from '../../src/modules/content-check/use-cases/content-retry'
import { DIALECT, multipart, startTestApp, villageIds, type TestApp } from '../support/app'
import { FakeContentSecurity, startFakeWechat, type FakeWechat } from '../support/fake-wechat'
import { expectError } from '../support/http'
import { png } from '../support/images'

const MSG_TOKEN = 'push-token-of-the-test'
const METRICS_TOKEN = 'metrics-token-for-the-content-check-0123'
const PUSH = '/api/wechat/push'
/** what the fake WeChat finds risky */
const RISKY = '违禁词'

describe(`content security (内容安全) on ${DIALECT}`, () => {
  let t: TestApp
  let wechat: FakeWechat
  let security: FakeContentSecurity
  let uploads: string
  let village: number
  /** 王秀英, a resident of 柳林村, who writes */
  let resident: string
  /** 刘长青, another resident of 柳林村, who reads */
  let neighbour: string
  /** 张丽, committee member of 柳林村 */
  let committee: string
  let serial = 0

  const base = () => `/api/villages/${village}/grievances`
  const queueUrl = (status = 'held') => `/api/villages/${village}/content-checks?status=${status}`
  const raise = async (text: string, photoIds: number[] = []): Promise<GrievanceView> => {
    const res = await t.request({
      method: 'POST',
      url: base(),
      token: resident,
      body: { category: '环境卫生', title: `内容检测 ${++serial}`, text, photoIds, visibility: 'public' },
    })
    expect(res.status).toBe(201)
    return res.body
  }
  const detailAs = (token: string, id: number) => t.request({ method: 'GET', url: `${base()}/${id}`, token })
  const wall = async (token: string): Promise<GrievanceSummary[]> =>
    (await t.request({ method: 'GET', url: `${base()}/public?pageSize=100`, token })).body.items
  const mine = async (): Promise<GrievanceSummary[]> =>
    (await t.request({ method: 'GET', url: `${base()}/mine?pageSize=100`, token: resident })).body.items
  const queue = async (status = 'held'): Promise<ContentCheckView[]> => {
    const res = await t.request({ method: 'GET', url: `${queueUrl(status)}&pageSize=50`, token: committee })
    expect(res.status).toBe(200)
    return res.body.items
  }
  const review = (id: number, body: Record<string, unknown>, token = committee) =>
    t.request({ method: 'POST', url: `/api/villages/${village}/content-checks/${id}/review`, token, body })
  const checkOf = async (itemId: number, kind = 'grievance', status = 'held') =>
    (await queue(status)).find((c) => c.itemId === itemId && c.kind === kind)
  const upload = async (): Promise<number> => {
    const res = await t.request({
      method: 'POST',
      url: `/api/villages/${village}/uploads`,
      token: resident,
      ...multipart('file', 'photo.png', png(4, 3, [10, 20, 30 + ++serial]), 'image/png'),
    })
    expect(res.status).toBe(201)
    return res.body.id
  }
  const push = (p: { url: string; body: unknown }) => t.request({ method: 'POST', url: p.url, body: p.body })
  const metric = async (queueName: string): Promise<number> => {
    const res = await t.request({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    })
    const m = new RegExp(`^xiangli_queue_depth\\{queue="${queueName}"\\} (\\d+)$`, 'm').exec(String(res.body))
    return Number(m?.[1] ?? NaN)
  }

  beforeAll(async () => {
    wechat = await startFakeWechat()
    security = new FakeContentSecurity(wechat, (content) =>
      content.includes(RISKY) ? { suggest: 'risky', label: 20006 } : { suggest: 'pass' },
    )
    uploads = mkdtempSync(join(tmpdir(), 'xiangli-content-check-'))
    t = await startTestApp({
      WECHAT_API_BASE: wechat.base,
      WECHAT_APP_ID: 'wx-test-app',
      WECHAT_APP_SECRET: 'wx-test-secret',
      WECHAT_MSG_TOKEN: MSG_TOKEN,
      METRICS_TOKEN,
      PUBLIC_BASE_URL: 'https://xiangli.example.cn',
      UPLOAD_DIR: uploads,
    })
    village = (await villageIds(t.ds)).village
    // they signed in with WeChat once: msgSecCheck v2 asks for the writer's openid
    for (const key of ['resident', 'representative', 'committee'])
      await t.ds.query(`UPDATE account SET openid = ? WHERE demoKey = ?`, [`openid-${key}`, key])
    ;[resident, neighbour, committee] = await Promise.all(
      ['resident', 'representative', 'committee'].map((k) => t.login(k)),
    )
  })
  afterAll(async () => {
    await t.close()
    await wechat.down()
    rmSync(uploads, { recursive: true, force: true })
  })

  describe('the text check', () => {
    it('shows an issue WeChat passes to everyone, having asked with version 2, the scene and the openid', async () => {
      const g = await raise('村口路灯坏了三盏')
      expect(g.moderation).toEqual({ state: 'shown', note: null })
      const call = wechat.callsTo('/wxa/msg_sec_check').at(-1)!
      expect(call.query.access_token).toBe('content-token')
      expect(call.body).toEqual({
        content: `${g.title}\n村口路灯坏了三盏`,
        version: 2,
        scene: 3,
        openid: 'openid-resident',
      })
      expect((await detailAs(neighbour, g.id)).status).toBe(200)
      expect((await wall(neighbour)).map((w) => w.id)).toContain(g.id)
    })

    it('hides a risky issue from everyone but its writer and the 两委, and tells the writer', async () => {
      const g = await raise(`这里有${RISKY}`)
      expect(g.moderation.state).toBe('held')
      expect(g.moderation.note).toMatch(/^内容审核中/)
      // another resident: not on the wall, not by id, no "+1"
      expect((await wall(neighbour)).map((w) => w.id)).not.toContain(g.id)
      expectError(await detailAs(neighbour, g.id), 'NOT_FOUND')
      expectError(
        await t.request({ method: 'POST', url: `${base()}/${g.id}/support`, token: neighbour, body: {} }),
        'NOT_FOUND',
      )
      // the writer and the 两委 still read it
      expect((await mine()).find((m) => m.id === g.id)?.moderation.state).toBe('held')
      expect((await detailAs(committee, g.id)).body.moderation.state).toBe('held')
      const check = await checkOf(g.id)
      expect(check).toMatchObject({
        kind: 'grievance',
        kindLabel: '村民说事',
        status: 'held',
        label: '20006',
      })
      expect(check!.text).toContain(RISKY)
    })

    it('keeps a risky reply on a public issue from other residents', async () => {
      const g = await raise('河边垃圾没人清')
      const res = await t.request({
        method: 'POST',
        url: `${base()}/${g.id}/replies`,
        token: resident,
        body: { text: `补充：${RISKY}`, photoIds: [] },
      })
      expect(res.status).toBe(200)
      const own = (res.body as GrievanceView).timeline.find((e) => e.action === 'replied')!
      expect(own.moderation.state).toBe('held')
      expect(wechat.callsTo('/wxa/msg_sec_check').at(-1)!.body).toMatchObject({ scene: 2 })
      const seen = (await detailAs(neighbour, g.id)).body as GrievanceView
      expect(seen.timeline.some((e) => e.action === 'replied')).toBe(false)
      const handled = (await detailAs(committee, g.id)).body as GrievanceView
      expect(handled.timeline.find((e) => e.action === 'replied')?.text).toContain(RISKY)
      const replyCheck = (await queue()).find((c) => c.kind === 'grievance_reply' && c.parentId === g.id)
      expect(replyCheck).toMatchObject({ kindLabel: '说事的留言', status: 'held' })
    })
  })

  describe('a petition (联名提议)', () => {
    const petitions = () => `/api/villages/${village}/petitions`
    const start = (text: string) =>
      t.request({
        method: 'POST',
        url: petitions(),
        token: resident,
        body: { target: 'villagers_meeting', title: `联名 ${++serial}`, text },
      })
    const listed = async (token: string): Promise<number[]> =>
      (await t.request({ method: 'GET', url: `${petitions()}?pageSize=50`, token })).body.items.map(
        (p: { id: number }) => p.id,
      )

    it('keeps a risky petition from the village, unsigned by others, until the 两委 approve it', async () => {
      const res = await start(`提议召开村民会议：${RISKY}`)
      expect(res.status).toBe(201)
      expect(res.body.moderation.state).toBe('held')
      const id = res.body.id as number
      expect(await listed(neighbour)).not.toContain(id)
      expect(await listed(resident)).toContain(id)
      expect(await listed(committee)).toContain(id)
      expectError(
        await t.request({ method: 'GET', url: `${petitions()}/${id}`, token: neighbour }),
        'NOT_FOUND',
      )
      expectError(
        await t.request({
          method: 'POST',
          url: `${petitions()}/${id}/signatures`,
          token: neighbour,
          body: {},
        }),
        'NOT_FOUND',
      )
      const check = (await checkOf(id, 'petition'))!
      expect(check.kindLabel).toBe('联名提议')
      expect((await review(check.id, { decision: 'approve' })).status).toBe(200)
      expect(await listed(neighbour)).toContain(id)
      const seen = await t.request({ method: 'GET', url: `${petitions()}/${id}`, token: neighbour })
      expect(seen.body.moderation).toEqual({ state: 'shown', note: null })
    })

    it('shows a petition WeChat passes at once', async () => {
      const res = await start('提议召开村民会议讨论修路')
      expect(res.body.moderation.state).toBe('shown')
      expect(await listed(neighbour)).toContain(res.body.id)
    })
  })

  describe("the 两委's review queue", () => {
    it('is for the 两委 only', async () => {
      expectError(await t.request({ method: 'GET', url: queueUrl(), token: neighbour }), 'FORBIDDEN')
    })

    it('shows an approved item to everyone', async () => {
      const g = await raise(`审核通过的${RISKY}`)
      const check = (await checkOf(g.id))!
      const res = await review(check.id, { decision: 'approve' })
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ status: 'approved', decidedAt: expect.any(String) })
      expect((await detailAs(neighbour, g.id)).body.moderation).toEqual({ state: 'shown', note: null })
      expect((await wall(neighbour)).map((w) => w.id)).toContain(g.id)
      expect(await checkOf(g.id)).toBeUndefined()
      expectError(
        await review(check.id, { decision: 'reject', reason: '改主意' }),
        'CONTENT_ALREADY_REVIEWED',
      )
    })

    it('keeps a rejected item hidden and shows the writer the reason', async () => {
      const g = await raise(`审核不通过的${RISKY}`)
      const check = (await checkOf(g.id))!
      expectError(await review(check.id, { decision: 'reject' }), 'CONTENT_REJECT_REASON_REQUIRED')
      expect((await review(check.id, { decision: 'reject', reason: '含有辱骂他人的话' })).status).toBe(200)
      expectError(await detailAs(neighbour, g.id), 'NOT_FOUND')
      const own = (await detailAs(resident, g.id)).body as GrievanceView
      expect(own.moderation).toEqual({ state: 'rejected', note: '未通过审核：含有辱骂他人的话' })
      expect((await mine()).find((m) => m.id === g.id)?.moderation.note).toBe('未通过审核：含有辱骂他人的话')
      expect((await queue('rejected')).find((c) => c.id === check.id)?.reason).toBe('含有辱骂他人的话')
      const told = await t.request({ method: 'GET', url: '/api/inbox?pageSize=50', token: resident })
      expect(told.body.items.map((n: { title: string }) => n.title)).toContain('您发布的内容未通过审核')
    })

    it('refuses a committee member of another village', async () => {
      const other = (await villageIds(t.ds)).community
      const res = await t.request({
        method: 'POST',
        url: `/api/villages/${other}/content-checks/1/review`,
        token: committee,
        body: { decision: 'approve' },
      })
      expectError(res, 'OUT_OF_SCOPE')
    })
  })

  describe('when WeChat cannot be reached', () => {
    it('acknowledges the issue, keeps it pending, and the retry job shows it once WeChat answers', async () => {
      await wechat.down()
      let g: GrievanceView
      try {
        g = await raise('停电两天了')
      } finally {
        await wechat.up()
      }
      expect(g.moderation).toEqual({ state: 'pending', note: '内容审核中，审核通过后其他人才能看到' })
      expectError(await detailAs(neighbour, g.id), 'NOT_FOUND')
      expect(await metric('content_check')).toBeGreaterThanOrEqual(1)
      // the job waits for the retry time, then asks again
      const runner = t.app.get(JobRunner)
      await runner.run(CONTENT_CHECK_JOB)
      expect((await detailAs(resident, g.id)).body.moderation.state).toBe('pending')
      t.app.get(Clock).advance(10 * 60_000)
      await runner.run(CONTENT_CHECK_JOB)
      expect((await detailAs(neighbour, g.id)).body.moderation.state).toBe('shown')
      expect(security.textsChecked().filter((c) => c.includes('停电两天了'))).toHaveLength(1)
    })

    it('keeps the issue pending when WeChat answers 5xx', async () => {
      wechat.on('/wxa/msg_sec_check', () => ({ status: 502, body: { errmsg: 'bad gateway' } }))
      try {
        const g = await raise('井水发浑')
        expect(g.moderation.state).toBe('pending')
      } finally {
        security = new FakeContentSecurity(wechat, security.judge)
      }
    })
  })

  describe('the photo check, answered by a push', () => {
    let g: GrievanceView

    it('asks mediaCheckAsync with a link WeChat can fetch, and waits for the push', async () => {
      const photo = await upload()
      g = await raise('桥栏杆断了', [photo])
      expect(g.moderation.state).toBe('pending')
      const asked = security.asked.at(-1)!
      expect(asked.openid).toBe('openid-resident')
      expect(asked.mediaUrl).toMatch(
        new RegExp(`^https://xiangli\\.example\\.cn/api/files/${photo}\\?exp=\\d+&sig=`),
      )
    })

    it('refuses a push with a wrong signature and changes nothing', async () => {
      const traceId = security.asked.at(-1)!.traceId
      const forged = security.mediaPush(PUSH, {
        traceId,
        verdict: { suggest: 'pass' },
        token: MSG_TOKEN,
        signWith: 'not-the-token',
      })
      expectError(await push(forged), 'WECHAT_PUSH_SIGNATURE_INVALID')
      expect((await push({ url: PUSH, body: forged.body })).status).toBe(403)
      expect((await detailAs(resident, g.id)).body.moderation.state).toBe('pending')
    })

    it('shows the issue once the signed push says the photo passed', async () => {
      const traceId = security.asked.at(-1)!.traceId
      const res = await push(
        security.mediaPush(PUSH, { traceId, verdict: { suggest: 'pass' }, token: MSG_TOKEN }),
      )
      expect(res.status).toBe(200)
      expect(res.body).toBe('success')
      expect((await detailAs(neighbour, g.id)).body.moderation.state).toBe('shown')
    })

    it('holds an issue whose photo WeChat finds risky', async () => {
      const h = await raise('另一张照片', [await upload()])
      const traceId = security.asked.at(-1)!.traceId
      const verdict = { suggest: 'risky' as const, label: 20002 }
      expect((await push(security.mediaPush(PUSH, { traceId, verdict, token: MSG_TOKEN }))).status).toBe(200)
      expect((await detailAs(resident, h.id)).body.moderation.state).toBe('held')
      expectError(await detailAs(neighbour, h.id), 'NOT_FOUND')
      expect((await checkOf(h.id))?.photoUrls).toHaveLength(1)
    })

    it('asks again when the push never comes, and after three questions leaves the photo to the 两委', async () => {
      const runner = t.app.get(JobRunner)
      const clock = t.app.get(Clock)
      const photo = await upload()
      const askedAbout = () => security.asked.filter((a) => a.mediaUrl.includes(`/api/files/${photo}?`))
      const h = await raise('井盖丢了', [photo])
      expect(askedAbout()).toHaveLength(1)
      // while the push may still come, the retry job leaves the photo alone
      clock.advance(10 * 60_000)
      await runner.run(CONTENT_CHECK_JOB)
      expect(askedAbout()).toHaveLength(1)
      // the push was lost: once the wait is over WeChat is asked again, with a new trace
      clock.advance(21 * 60_000)
      await runner.run(CONTENT_CHECK_JOB)
      expect(askedAbout()).toHaveLength(2)
      const [first, second] = askedAbout()
      expect(second!.traceId).not.toBe(first!.traceId)
      // a late push of the first question finds nothing to change
      expect(
        (
          await push(
            security.mediaPush(PUSH, {
              traceId: first!.traceId,
              verdict: { suggest: 'pass' },
              token: MSG_TOKEN,
            }),
          )
        ).status,
      ).toBe(200)
      expect((await detailAs(resident, h.id)).body.moderation.state).toBe('pending')
      clock.advance(31 * 60_000)
      await runner.run(CONTENT_CHECK_JOB)
      expect(askedAbout()).toHaveLength(3)
      // three questions and no answer: the 两委 look at it
      clock.advance(31 * 60_000)
      await runner.run(CONTENT_CHECK_JOB)
      expect(askedAbout()).toHaveLength(3)
      expect((await detailAs(resident, h.id)).body.moderation.state).toBe('held')
      expectError(await detailAs(neighbour, h.id), 'NOT_FOUND')
      expect(await checkOf(h.id)).toBeDefined()
    })

    it('answers the address check with the echostr when signed, and refuses it otherwise', async () => {
      const signed = security.mediaPush(PUSH, {
        traceId: 'x',
        verdict: { suggest: 'pass' },
        token: MSG_TOKEN,
      })
      const ok = await t.request({ method: 'GET', url: `${signed.url}&echostr=hello-wechat` })
      expect(ok.status).toBe(200)
      expect(ok.body).toBe('hello-wechat')
      const bad = await t.request({
        method: 'GET',
        url: `${PUSH}?signature=abc&timestamp=1&nonce=2&echostr=x`,
      })
      expect(bad.status).toBe(403)
      expect(bad.body).toMatchObject({
        code: 'WECHAT_PUSH_SIGNATURE_INVALID',
        message: ERRORS.WECHAT_PUSH_SIGNATURE_INVALID.message,
      })
    })
  })

  describe('on /metrics', () => {
    it('counts what waits for the 两委 and what waits for WeChat', async () => {
      const held = (await queue()).length
      expect(held).toBeGreaterThan(0)
      expect(await metric('content_review')).toBe(held)
      const pending = await t.ds.query(`SELECT id FROM content_check WHERE status = 'pending'`)
      expect(await metric('content_check')).toBe(pending.length)
    })
  })
})

describe(`content security without a WeChat app (embedded or demo) on ${DIALECT}`, () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp()
  })
  afterAll(() => t.close())

  it('checks nothing and shows what is written at once', async () => {
    const village = (await villageIds(t.ds)).village
    const res = await t.request({
      method: 'POST',
      url: `/api/villages/${village}/grievances`,
      token: await t.login('resident'),
      body: {
        category: '环境卫生',
        title: '演示模式',
        text: `不检测：${RISKY}`,
        photoIds: [],
        visibility: 'public',
      },
    })
    expect(res.status).toBe(201)
    expect(res.body.moderation).toEqual({ state: 'shown', note: null })
    expect(await t.ds.query('SELECT id FROM content_check')).toEqual([])
  })
})

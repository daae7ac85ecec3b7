import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ContentCheckView, NoticeView, NotificationView } from '@xiangli/shared'
import { JobRunner } from '../../src/core/jobs/job-runner'
import { Clock } from '../../src/core/clock/clock'
import { CONTENT_CHECK_JOB } from '../../src/modules/content-check/use-cases/content-retry'
import { DIALECT, multipart, startTestApp, villageIds, type TestApp } from '../support/app'
import { FakeContentSecurity, startFakeWechat, type FakeWechat } from '../support/fake-wechat'
import { expectError } from '../support/http'
import { png } from '../support/images'

const MSG_TOKEN = 'push-token-of-the-test'
const PUSH = '/api/wechat/push'
/** what the fake WeChat finds risky */
const RISKY = '违禁词'

/**
 * The content check of what a notice publishes (村务公开): the first version and every correction,
 * text and photos. Until it is shown, residents neither read the notice (in the app, on the share
 * link, in the 公开栏) nor are told of it; the 两委, the supervision committee and the township read
 * it with the note, and a held one waits in the 两委's review queue.
 */
describe(`content security of notices on ${DIALECT}`, () => {
  let t: TestApp
  let wechat: FakeWechat
  let security: FakeContentSecurity
  let uploads: string
  let village: number
  /** 王秀英, resident of 柳林村 */
  let resident: string
  /** 张丽, committee member of 柳林村 */
  let committee: string
  /** 赵国强, supervision committee of 柳林村 */
  let supervisor: string
  /** 赵建国, official of 柳林镇 */
  let township: string
  let serial = 0

  const V = () => `/api/villages/${village}`
  const post = (url: string, token: string, body: unknown = {}) =>
    t.request({ method: 'POST', url, token, body })
  const get = (url: string, token?: string) => t.request({ method: 'GET', url, token })
  const publish = async (title: string, body: string, attachmentIds: number[] = []): Promise<NoticeView> => {
    const c = await post(`${V()}/notices`, committee, { category: 'village', title, body, attachmentIds })
    expect(c.status).toBe(201)
    const p = await post(`${V()}/notices/${c.body.id}/publish`, committee)
    expect(p.status).toBe(200)
    return p.body
  }
  const correct = async (id: number, title: string, body: string): Promise<NoticeView> => {
    const res = await post(`${V()}/notices/${id}/corrections`, committee, {
      category: 'village',
      title,
      body,
      reason: '更正错字',
    })
    expect(res.status).toBe(200)
    return res.body
  }
  const feedIds = async (token: string): Promise<number[]> => {
    const res = await get(`${V()}/notices?pageSize=50`, token)
    expect(res.status).toBe(200)
    return res.body.items.map((n: { id: number }) => n.id)
  }
  /** the village's 公开栏 as a plain page anyone opens */
  const board = async (): Promise<string> => {
    const res = await t.app.inject({ method: 'GET', url: `/villages/${village}/notices` })
    expect(res.statusCode).toBe(200)
    return res.body
  }
  const toldOf = async (token: string, title: string): Promise<NotificationView[]> =>
    ((await get('/api/inbox?pageSize=100', token)).body.items as NotificationView[]).filter((x) =>
      x.body.includes(title),
    )
  const queue = async (status: string): Promise<ContentCheckView[]> => {
    const res = await get(`${V()}/content-checks?status=${status}&pageSize=50`, committee)
    expect(res.status).toBe(200)
    return res.body.items
  }
  const checkOf = async (noticeId: number, status: string) =>
    (await queue(status)).filter((c) => c.kind === 'notice' && c.parentId === noticeId).at(-1)
  const review = (id: number, body: Record<string, unknown>) =>
    post(`${V()}/content-checks/${id}/review`, committee, body)
  /** residents cannot reach it by any door */
  const hiddenFromResidents = async (n: NoticeView) => {
    expectError(await get(`${V()}/notices/${n.id}`, resident), 'NOT_FOUND')
    expect(await feedIds(resident)).not.toContain(n.id)
    expectError(await get(`/api/public/notices/${n.id}`), 'NOT_FOUND')
    expect(await board()).not.toContain(n.title)
  }
  const shownToResidents = async (n: NoticeView) => {
    expect((await get(`${V()}/notices/${n.id}`, resident)).status).toBe(200)
    expect(await feedIds(resident)).toContain(n.id)
    expect((await get(`/api/public/notices/${n.id}`)).status).toBe(200)
    expect(await board()).toContain(n.title)
  }

  beforeAll(async () => {
    wechat = await startFakeWechat()
    security = new FakeContentSecurity(wechat, (content) =>
      content.includes(RISKY) ? { suggest: 'risky', label: 20006 } : { suggest: 'pass' },
    )
    uploads = mkdtempSync(join(tmpdir(), 'xiangli-content-notices-'))
    t = await startTestApp({
      WECHAT_API_BASE: wechat.base,
      WECHAT_APP_ID: 'wx-test-app',
      WECHAT_APP_SECRET: 'wx-test-secret',
      WECHAT_MSG_TOKEN: MSG_TOKEN,
      PUBLIC_BASE_URL: 'https://xiangli.example.cn',
      UPLOAD_DIR: uploads,
    })
    village = (await villageIds(t.ds)).village
    const keys = ['resident', 'committee', 'supervisor', 'township']
    for (const key of keys)
      await t.ds.query(`UPDATE account SET openid = ? WHERE demoKey = ?`, [`openid-${key}`, key])
    ;[resident, committee, supervisor, township] = await Promise.all(keys.map((k) => t.login(k)))
  })
  afterAll(async () => {
    await t.close()
    await wechat.down()
    rmSync(uploads, { recursive: true, force: true })
  })

  it('publishes a clean notice at once: checked, shown, and the village told', async () => {
    const n = await publish('秋季防火通知', '请勿在田间焚烧秸秆')
    expect(n.moderation).toEqual({ state: 'shown', note: null })
    expect(security.textsChecked().some((x) => x.includes('秋季防火通知') && x.includes('焚烧秸秆'))).toBe(
      true,
    )
    await shownToResidents(n)
    expect(await toldOf(resident, '秋季防火通知')).toHaveLength(1)
  })

  it('keeps a risky notice from residents, untold, until the 两委 approve it in the queue', async () => {
    const n = await publish('村道修缮公示', `修缮费用 ${RISKY}`)
    expect(n.state).toBe('published')
    expect(n.moderation.state).toBe('held')
    await hiddenFromResidents(n)
    expect(await toldOf(resident, '村道修缮公示')).toHaveLength(0)
    // those who oversee the village's notices read it with the note
    for (const token of [committee, supervisor]) {
      const seen = await get(`${V()}/notices/${n.id}`, token)
      expect(seen.status).toBe(200)
      expect(seen.body.moderation.note).toContain('内容审核中')
      expect(await feedIds(token)).toContain(n.id)
    }
    expect((await get(`${V()}/notices/${n.id}`, township)).status).toBe(200)
    // a resident can neither object to it nor acknowledge it
    expectError(await post(`${V()}/notices/${n.id}/objections`, resident, { text: '有意见' }), 'NOT_FOUND')

    const check = await checkOf(n.id, 'held')
    expect(check).toMatchObject({ kindLabel: '村务公告', label: '20006' })
    expect(check!.text).toContain(RISKY)
    expect((await review(check!.id, { decision: 'approve' })).status).toBe(200)
    await shownToResidents(n)
    expect(await toldOf(resident, '村道修缮公示')).toHaveLength(1)
  })

  it('hides a notice while a risky correction is held, says why when rejected, and shows a clean one', async () => {
    const n = await publish('低保名单公示', '名单如下')
    await shownToResidents(n)
    const corrected = await correct(n.id, '低保名单公示', `名单如下 ${RISKY}`)
    expect(corrected.version).toBe(2)
    expect(corrected.moderation.state).toBe('held')
    await hiddenFromResidents(n)
    const check = await checkOf(n.id, 'held')
    expect((await review(check!.id, { decision: 'reject', reason: '含不当用语，请修改' })).status).toBe(200)
    const seen = await get(`${V()}/notices/${n.id}`, committee)
    expect(seen.body.moderation).toEqual({ state: 'rejected', note: '未通过审核：含不当用语，请修改' })
    await hiddenFromResidents(n)
    // the 两委 correct it again: the new version is checked on its own and shown
    const again = await correct(n.id, '低保名单公示', '名单如下（已更正）')
    expect(again.version).toBe(3)
    expect(again.moderation.state).toBe('shown')
    await shownToResidents(n)
    const told = await toldOf(resident, '低保名单公示')
    expect(told.map((x) => x.title)).toEqual(expect.arrayContaining(['公告有更正']))
  })

  it('ignores the verdict on a version a later correction replaced', async () => {
    const n = await publish('水费收缴公示', `水费 ${RISKY}`)
    const stale = await checkOf(n.id, 'held')
    const fixed = await correct(n.id, '水费收缴公示', '水费每吨两元')
    expect(fixed.moderation.state).toBe('shown')
    // rejecting the old version's check leaves the corrected notice as it is
    expect((await review(stale!.id, { decision: 'reject', reason: '旧版本' })).status).toBe(200)
    await shownToResidents(n)
  })

  it('publishes while WeChat is down, keeps it pending, and the retry job shows it and tells the village', async () => {
    await wechat.down()
    let n: NoticeView
    try {
      n = await publish('冬季供暖通知', '十二月十日起供暖')
    } finally {
      await wechat.up()
    }
    expect(n.state).toBe('published')
    expect(n.moderation).toEqual({ state: 'pending', note: '内容审核中，审核通过后其他人才能看到' })
    await hiddenFromResidents(n)
    t.app.get(Clock).advance(10 * 60_000)
    await t.app.get(JobRunner).run(CONTENT_CHECK_JOB)
    await shownToResidents(n)
    expect(await toldOf(resident, '冬季供暖通知')).toHaveLength(1)
  })

  it('sends a photo on the notice to the media check and shows the notice once the push passes it', async () => {
    const { payload, headers } = multipart(
      'file',
      'site.png',
      png(5, 4, [10, 20, 30 + ++serial]),
      'image/png',
    )
    const up = await t.request({
      method: 'POST',
      url: `${V()}/attachments`,
      token: committee,
      payload,
      headers,
    })
    expect(up.status).toBe(201)
    const n = await publish('公共厕所建设公示', '选址见图', [up.body.id])
    expect(n.moderation.state).toBe('pending')
    await hiddenFromResidents(n)
    const asked = security.asked.at(-1)!
    expect(asked.openid).toBe('openid-committee')
    const pushed = security.mediaPush(PUSH, {
      traceId: asked.traceId,
      verdict: { suggest: 'pass' },
      token: MSG_TOKEN,
    })
    const res = await t.request({ method: 'POST', url: pushed.url, body: pushed.body })
    expect(res.status).toBe(200)
    await shownToResidents(n)
  })

  it('counts a notice held through a resident’s 全部已读 as unread once the 两委 approve it', async () => {
    const held = await publish('秋收用工安排', `用工 ${RISKY}`)
    expect(held.moderation.state).toBe('held')
    // published after the held one and shown at once: 全部已读 reaches past the held one's place
    await publish('秋收晾晒场地', '晒场在村委会门前')
    const readAll = await post(`${V()}/notices/read-all`, resident)
    expect(readAll.status).toBe(200)
    expect(readAll.body.total).toBe(0)
    expect((await review((await checkOf(held.id, 'held'))!.id, { decision: 'approve' })).status).toBe(200)
    expect((await get(`${V()}/notices/unread`, resident)).body.total).toBe(1)
    const unread = await get(`${V()}/notices?unread=true`, resident)
    expect(unread.body.items.map((n: { id: number }) => n.id)).toEqual([held.id])
  })
})

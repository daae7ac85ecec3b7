import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ContentCheckView, GrievanceView, ObjectionView, OpinionView } from '@xiangli/shared'
import { Resident } from '../../src/modules/roster/entities/resident.entity'
import { DIALECT, multipart, startTestApp, villageIds, type TestApp } from '../support/app'
import { addAccount, tokenFor } from '../support/factories'
import { FakeContentSecurity, startFakeWechat, type FakeWechat } from '../support/fake-wechat'
import { expectError } from '../support/http'
import { png } from '../support/images'

const MSG_TOKEN = 'push-token-of-the-test'
const PUSH = '/api/wechat/push'
/** what the fake WeChat finds risky */
const RISKY = '违禁词'
const DAY = 86_400_000

/**
 * The content check beyond issues and petitions: objections to notices and their photos, the 两委's
 * formal answers (to an issue, to an objection) and 一征's opinions. Held items are read by their
 * writer, the 两委 and the township (and an answer by the person it answers); the others, here the
 * supervision committee and the neighbours, read them once shown.
 */
describe(`content security of objections, answers and opinions on ${DIALECT}`, () => {
  let t: TestApp
  let wechat: FakeWechat
  let security: FakeContentSecurity
  let uploads: string
  let ids: { village: number; community: number; township: number }
  /** 王秀英, resident of 柳林村 */
  let resident: string
  /** 刘长青, another resident of 柳林村 */
  let neighbour: string
  /** 张丽, committee member of 柳林村 */
  let committee: string
  /** 赵国强, supervision committee of 柳林村 */
  let supervisor: string
  /** 赵建国, official of 柳林镇 */
  let township: string
  let serial = 0

  const V = () => `/api/villages/${ids.village}`
  const post = (url: string, token: string, body: unknown = {}) =>
    t.request({ method: 'POST', url, token, body })
  const get = (url: string, token: string) => t.request({ method: 'GET', url, token })
  const queue = async (village: number, status = 'held'): Promise<ContentCheckView[]> => {
    const res = await get(
      `/api/villages/${village}/content-checks?status=${status}&pageSize=50`,
      committeeOf(village),
    )
    expect(res.status).toBe(200)
    return res.body.items
  }
  const checkOf = async (village: number, kind: string, itemId: number, status = 'held') =>
    (await queue(village, status)).find((c) => c.kind === kind && c.itemId === itemId)
  const review = (village: number, id: number, body: Record<string, unknown>) =>
    post(`/api/villages/${village}/content-checks/${id}/review`, committeeOf(village), body)
  const upload = async (village: number, token: string): Promise<number> => {
    const res = await t.request({
      method: 'POST',
      url: `/api/villages/${village}/uploads`,
      token,
      ...multipart('file', 'photo.png', png(4, 3, [40, 50, 60 + ++serial]), 'image/png'),
    })
    expect(res.status).toBe(201)
    return res.body.id
  }
  const readFile = (token: string, id: number) => get(`/api/files/${id}`, token)
  let communityCommittee: string
  const committeeOf = (village: number) => (village === ids.village ? committee : communityCommittee)

  beforeAll(async () => {
    wechat = await startFakeWechat()
    security = new FakeContentSecurity(wechat, (content) =>
      content.includes(RISKY) ? { suggest: 'risky', label: 20006 } : { suggest: 'pass' },
    )
    uploads = mkdtempSync(join(tmpdir(), 'xiangli-content-answers-'))
    t = await startTestApp({
      WECHAT_API_BASE: wechat.base,
      WECHAT_APP_ID: 'wx-test-app',
      WECHAT_APP_SECRET: 'wx-test-secret',
      WECHAT_MSG_TOKEN: MSG_TOKEN,
      PUBLIC_BASE_URL: 'https://xiangli.example.cn',
      UPLOAD_DIR: uploads,
    })
    ids = await villageIds(t.ds)
    // they signed in with WeChat once: msgSecCheck v2 asks for the writer's openid
    const keys = ['resident', 'representative', 'committee', 'supervisor', 'township']
    for (const key of [...keys, 'community_resident', 'community_committee'])
      await t.ds.query(`UPDATE account SET openid = ? WHERE demoKey = ?`, [`openid-${key}`, key])
    ;[resident, neighbour, committee, supervisor, township, communityCommittee] = await Promise.all(
      [...keys, 'community_committee'].map((k) => t.login(k)),
    )
  })
  afterAll(async () => {
    await t.close()
    await wechat.down()
    rmSync(uploads, { recursive: true, force: true })
  })

  describe("the 两委's answer to an issue", () => {
    let g: GrievanceView
    const timeline = async (token: string) =>
      ((await get(`${V()}/grievances/${g.id}`, token)).body as GrievanceView).timeline.map((e) => e.action)

    it('keeps a risky answer on a public issue from the neighbours, not from the raiser it answers', async () => {
      const raised = await post(`${V()}/grievances`, resident, {
        category: '环境卫生',
        title: '答复检测',
        text: '垃圾桶满了没人清',
        photoIds: [],
        visibility: 'public',
      })
      expect(raised.status).toBe(201)
      g = raised.body
      expect((await post(`${V()}/grievances/${g.id}/accept`, committee)).status).toBe(200)
      const answered = await post(`${V()}/grievances/${g.id}/answer`, committee, {
        text: `已清理，${RISKY}`,
        photoIds: [],
      })
      expect(answered.status).toBe(200)
      const step = (answered.body as GrievanceView).timeline.find((e) => e.action === 'answered')!
      expect(step.moderation.state).toBe('held')
      expect(security.textsChecked().at(-1)).toBe(`已清理，${RISKY}`)
      expect(wechat.callsTo('/wxa/msg_sec_check').at(-1)!.body).toMatchObject({
        scene: 2,
        openid: 'openid-committee',
      })
      // the raiser reads the answer addressed to them, and can rate it; a neighbour does not see it yet
      expect(await timeline(resident)).toContain('answered')
      expect(await timeline(neighbour)).not.toContain('answered')
      expect(await timeline(township)).toContain('answered')
      expect(await checkId(g.id)).toBeGreaterThan(0)
    })

    /** the answer's step id, as the 两委's queue names it */
    const checkId = async (grievanceId: number): Promise<number> =>
      (await queue(ids.village)).find((c) => c.kind === 'grievance_answer' && c.parentId === grievanceId)!
        .itemId

    it('shows the answer to the neighbours once the 两委 approve it', async () => {
      const c = await checkOf(ids.village, 'grievance_answer', await checkId(g.id))
      expect(c).toMatchObject({ kindLabel: '说事的答复', text: `已清理，${RISKY}` })
      expect((await review(ids.village, c!.id, { decision: 'approve' })).status).toBe(200)
      expect(await timeline(neighbour)).toContain('answered')
    })
  })

  describe('an objection to a notice and its answer', () => {
    let noticeId: number
    let held: ObjectionView
    const objectionsOf = async (token: string): Promise<ObjectionView[]> => {
      const res = await get(`${V()}/notices/${noticeId}/objections`, token)
      expect(res.status).toBe(200)
      return res.body
    }
    const objectionQueue = async (token: string): Promise<ObjectionView[]> =>
      (await get(`${V()}/notice-objections?pageSize=50`, token)).body.items
    const object = async (text: string, photoIds: number[] = []): Promise<ObjectionView> => {
      const res = await post(`${V()}/notices/${noticeId}/objections`, resident, { text, photoIds })
      expect(res.status).toBe(201)
      return res.body
    }

    beforeAll(async () => {
      const c = await post(`${V()}/notices`, committee, {
        category: 'village',
        title: '异议检测',
        body: '内容',
      })
      expect(c.status).toBe(201)
      const p = await post(`${V()}/notices/${c.body.id}/publish`, committee)
      expect(p.status).toBe(200)
      noticeId = c.body.id
    })

    it('holds a risky objection from the supervision committee, not from the objector, the 两委 or the township', async () => {
      held = await object(`支出有问题，${RISKY}`)
      expect(held.moderation.state).toBe('held')
      expect(held.moderation.note).toMatch(/^内容审核中/)
      expect((await objectionsOf(committee)).map((o) => o.id)).toContain(held.id)
      expect((await objectionsOf(resident)).map((o) => o.id)).toContain(held.id)
      expect((await objectionsOf(supervisor)).map((o) => o.id)).not.toContain(held.id)
      expect((await objectionQueue(supervisor)).map((o) => o.id)).not.toContain(held.id)
      expect((await objectionQueue(committee)).map((o) => o.id)).toContain(held.id)
      const list = await get(`/api/townships/${ids.township}/notice-objections?scope=attention`, township)
      expect(list.status).toBe(200)
      expect(await checkOf(ids.village, 'objection', held.id)).toMatchObject({
        kindLabel: '对公告的异议',
        parentId: noticeId,
      })
    })

    it('shows a rejected objection to its objector with the reason, and still not to the supervisors', async () => {
      const c = await checkOf(ids.village, 'objection', held.id)
      expect((await review(ids.village, c!.id, { decision: 'reject', reason: '含不当言语' })).status).toBe(
        200,
      )
      const mine = (await get(`${V()}/notice-objections/mine?pageSize=50`, resident)).body
        .items as ObjectionView[]
      expect(mine.find((o) => o.id === held.id)?.moderation).toEqual({
        state: 'rejected',
        note: '未通过审核：含不当言语',
      })
      expect((await objectionsOf(supervisor)).map((o) => o.id)).not.toContain(held.id)
    })

    it('keeps the photo of an objection from the supervisors until its check says it passed', async () => {
      const photo = await upload(ids.village, resident)
      const o = await object('修路的钱花在哪了', [photo])
      expect(o.moderation.state).toBe('pending')
      // a file one may not open does not exist, as far as they are told
      expect((await readFile(supervisor, photo)).status).toBe(404)
      expect((await objectionsOf(supervisor)).map((x) => x.id)).not.toContain(o.id)
      const traceId = security.asked.at(-1)!.traceId
      const pushed = security.mediaPush(PUSH, { traceId, verdict: { suggest: 'pass' }, token: MSG_TOKEN })
      expect((await t.request({ method: 'POST', url: pushed.url, body: pushed.body })).status).toBe(200)
      expect((await objectionsOf(supervisor)).find((x) => x.id === o.id)?.moderation.state).toBe('shown')
      expect((await readFile(supervisor, photo)).status).toBe(200)
    })

    it('keeps a risky answer from the supervisors, not from the objector it answers', async () => {
      const o = await object('公示的金额对不上')
      expect(o.moderation.state).toBe('shown')
      const res = await post(`${V()}/notice-objections/${o.id}/answer`, committee, {
        text: `金额无误，${RISKY}`,
        photoIds: [],
      })
      expect(res.status).toBe(200)
      expect(res.body.answerModeration.state).toBe('held')
      const ofSupervisor = (await objectionsOf(supervisor)).find((x) => x.id === o.id)!
      expect(ofSupervisor).toMatchObject({ answer: null, answerPhotoUrls: [], answerModeration: null })
      expect(ofSupervisor.state).toBe('answered')
      const ofObjector = (await objectionsOf(resident)).find((x) => x.id === o.id)!
      expect(ofObjector).toMatchObject({ answer: `金额无误，${RISKY}` })
      expect(ofObjector.answerModeration?.state).toBe('held')
      // the objector acts on the answer whatever its check says
      expect((await post(`${V()}/notice-objections/${o.id}/accept`, resident)).status).toBe(200)
      const c = await checkOf(ids.village, 'objection_answer', o.id)
      expect(c).toMatchObject({ kindLabel: '异议的答复', parentId: noticeId })
      expect((await review(ids.village, c!.id, { decision: 'approve' })).status).toBe(200)
      expect((await objectionsOf(supervisor)).find((x) => x.id === o.id)?.answer).toBe(`金额无误，${RISKY}`)
    })

    it('is not for a resident to review', async () => {
      const c = (await queue(ids.village, 'approved')).find((x) => x.kind === 'objection_answer')!
      expectError(
        await post(`${V()}/content-checks/${c.id}/review`, resident, { decision: 'approve' }),
        'FORBIDDEN',
      )
    })
  })

  describe('一征: opinions on a deliberation of 新华社区', () => {
    let deliberationId: number
    let author: string
    let supervisorHere: string
    const opinions = async (token: string): Promise<OpinionView[]> => {
      const res = await get(
        `/api/villages/${ids.community}/deliberations/${deliberationId}/opinions?pageSize=50`,
        token,
      )
      expect(res.status).toBe(200)
      return res.body.items
    }
    const tokenOfName = async (name: string): Promise<string> => {
      const r = await t.ds.getRepository(Resident).findOneByOrFail({ name, villageId: ids.community })
      let accountId = r.accountId
      if (accountId === null) {
        accountId = (await addAccount(t, { displayName: r.name })).id
        await t.ds.getRepository(Resident).update({ id: r.id }, { accountId })
      }
      return tokenFor(t, accountId)
    }

    beforeAll(async () => {
      author = await t.login('community_resident')
      supervisorHere = await tokenOfName('蒋振宇')
      const base = `/api/villages/${ids.community}/deliberations`
      const d = await post(base, communityCommittee, {
        title: '停车位划线',
        content: '小区内划定停车位，征求全体居民意见。',
        matterType: 'public_works',
        source: { kind: 'cadre' },
        attachmentIds: [],
      })
      expect(d.status).toBe(201)
      deliberationId = d.body.id
      const opened = await post(`${base}/${deliberationId}/solicitation`, communityCommittee, {
        step: 'solicit',
        closesAt: new Date(Date.now() + 6 * DAY).toISOString(),
      })
      expect(opened.status).toBe(200)
    })

    it('holds a risky opinion from the supervisors, not from its writer or the 两委', async () => {
      const url = `/api/villages/${ids.community}/deliberations/${deliberationId}/opinions`
      const risky = await post(url, author, { text: `不同意，${RISKY}`, photoIds: [] })
      expect(risky.status).toBe(201)
      expect(risky.body.moderation.state).toBe('held')
      const fine = await post(url, author, { text: '同意划线，希望留出消防通道', photoIds: [] })
      expect(fine.body.moderation).toEqual({ state: 'shown', note: null })
      expect((await opinions(supervisorHere)).map((o) => o.id)).toEqual([fine.body.id])
      expect((await opinions(communityCommittee)).map((o) => o.id)).toEqual([fine.body.id, risky.body.id])
      expect((await opinions(author)).find((o) => o.id === risky.body.id)?.moderation.state).toBe('held')
      expect((await opinions(township)).map((o) => o.id)).toContain(risky.body.id)
      const c = await checkOf(ids.community, 'opinion', risky.body.id)
      expect(c).toMatchObject({ kindLabel: '议事的意见', parentId: deliberationId })
      expect((await review(ids.community, c!.id, { decision: 'approve' })).status).toBe(200)
      expect((await opinions(supervisorHere)).map((o) => o.id)).toEqual([fine.body.id, risky.body.id])
    })
  })
})

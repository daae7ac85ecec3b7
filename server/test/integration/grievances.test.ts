import sharp from 'sharp'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  defaultVillageSettings,
  ERRORS,
  grievancePage,
  maskName,
  type GrievanceSummary,
  type GrievanceView,
  type NotificationView,
} from '@xiangli/shared'
import { JobLeases } from '../../src/core/jobs/job-lease.service'
import { ESCALATION_JOB } from '../../src/modules/grievances/grievances.rules'
import { GrievanceEscalation } from '../../src/modules/grievances/use-cases/grievance-escalation'
import { Grievance } from '../../src/modules/grievances/entities/grievance.entity'
import { GrievanceSupport } from '../../src/modules/grievances/entities/grievance-support.entity'
import { Org } from '../../src/modules/orgs/entities/org.entity'
import { RoleAssignment } from '../../src/modules/roles/entities/role-assignment.entity'
import { Resident } from '../../src/modules/roster/entities/resident.entity'
import { expectError } from '../support/http'
import { DIALECT, multipart, startTestApp, villageIds, type TestApp } from '../support/app'
import { recountGrievanceStats } from '../support/grievance-stats'
import { verifyOverHttp } from '../support/audit'
import { addAccount } from '../support/factories'
import { png } from '../support/images'

const DAY = 86_400_000
/** A photo's address without a signed link: reading it needs a login and the right to see the file. */
const filePath = (id: number) => `/api/files/${id}`
/** A signed link to a photo, as the views hand them out (see files.test.ts). */
const linkTo = (id: number) =>
  expect.stringMatching(new RegExp(`^/api/files/${id}\\?exp=\\d+&sig=[\\w-]{43}$`))

describe(`村民说事 (grievances) on ${DIALECT}`, () => {
  let t: TestApp
  let uploads: string
  let ids: { village: number; community: number; township: number }
  /** 王秀英, a resident of 柳林村 */
  let resident: string
  /** 刘长青, a representative of 柳林村: another resident */
  let neighbour: string
  /** 张丽, committee member of 柳林村 */
  let committee: string
  /** 李建华, party secretary of 柳林村 */
  let secretary: string
  /** 赵建国, official of 柳林镇 */
  let township: string
  let zhangLi: Resident

  const base = (village = ids.village) => `/api/villages/${village}/grievances`
  const raise = (token: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.request({ method: 'POST', url: base(), token, body, headers })
  const act = (id: number, action: string, token: string, body?: unknown, village = ids.village) =>
    t.request({ method: 'POST', url: `${base(village)}/${id}/${action}`, token, body: body ?? {} })
  const detail = async (id: number, token: string): Promise<GrievanceView> => {
    const res = await t.request({ method: 'GET', url: `${base()}/${id}`, token })
    expect(res.status).toBe(200)
    return res.body
  }
  const inbox = async (token: string): Promise<NotificationView[]> =>
    (await t.request({ method: 'GET', url: '/api/inbox?pageSize=100', token })).body.items
  const upload = (
    token: string,
    bytes: Buffer,
    name = 'photo.png',
    type = 'image/png',
    village = ids.village,
  ) =>
    t.request({
      method: 'POST',
      url: `/api/villages/${village}/uploads`,
      token,
      ...multipart('file', name, bytes, type),
    })
  const audited = async (id: number): Promise<string[]> =>
    (
      await t.ds.query(
        `SELECT action FROM audit_entry WHERE targetType = 'grievance' AND targetId = ? ORDER BY seq`,
        [String(id)],
      )
    ).map((r: { action: string }) => r.action)

  let serial = 0
  /** A new issue raised by the resident; returns its id. */
  async function raised(o: Record<string, unknown> = {}, token = resident): Promise<number> {
    const res = await raise(token, {
      category: '环境卫生',
      title: `测试反映 ${++serial}`,
      text: '路边的排水沟堵了，下雨就积水。',
      ...o,
    })
    expect(res.status).toBe(201)
    return res.body.id
  }
  async function accepted(o: Record<string, unknown> = {}): Promise<number> {
    const id = await raised(o)
    expect((await act(id, 'accept', committee)).status).toBe(200)
    return id
  }
  async function answered(o: Record<string, unknown> = {}): Promise<number> {
    const id = await accepted(o)
    expect((await act(id, 'answer', committee, { text: '已经疏通了。' })).status).toBe(200)
    return id
  }

  beforeAll(async () => {
    uploads = mkdtempSync(join(tmpdir(), 'xiangli-grievance-uploads-'))
    t = await startTestApp({ UPLOAD_DIR: uploads })
    ids = await villageIds(t.ds)
    ;[resident, neighbour, committee, secretary, township] = await Promise.all(
      ['resident', 'representative', 'committee', 'secretary', 'township'].map((k) => t.login(k)),
    )
    zhangLi = await t.ds.getRepository(Resident).findOneByOrFail({ name: '张丽' })
  })
  afterAll(async () => {
    await t.close()
    rmSync(uploads, { recursive: true, force: true })
  })

  describe('the whole way: raise → accept → assign → answer → rate → closed', () => {
    let id: number
    let photo: { id: number; url: string }
    let answerPhoto: { id: number; url: string }
    const bytes = png(4, 3)

    it('uploads a real PNG and reads its size from the content', async () => {
      const res = await upload(resident, bytes)
      expect(res.status).toBe(201)
      expect(res.body).toEqual({
        id: expect.any(Number),
        url: linkTo(res.body.id),
        mime: 'image/png',
        // kept re-encoded without metadata: its own size, not the upload's
        size: expect.any(Number),
        width: 4,
        height: 3,
      })
      photo = res.body
    })

    it('raises an issue with the photo and a location, waiting to be accepted within 2 days', async () => {
      const before = Date.now()
      const res = await raise(resident, {
        category: '水电设施',
        title: '三组自来水管漏水',
        text: '三组 5 号门口的自来水管漏了两天，地上全是水。',
        photoIds: [photo.id],
        location: { lat: 30.27, lng: 120.15, address: '三组 5 号门口' },
      })
      expect(res.status).toBe(201)
      const g: GrievanceView = res.body
      expect(g).toMatchObject({
        villageId: ids.village,
        villageName: '柳林村',
        category: '水电设施',
        state: 'submitted',
        visibility: 'public',
        raiserName: '王秀英',
        mine: true,
        photoUrls: [linkTo(photo.id)],
        location: { lat: 30.27, lng: 120.15, address: '三组 5 号门口' },
        overdue: false,
        supportCount: 0,
        reopenableUntil: null,
      })
      const due = new Date(g.dueAt!).getTime()
      expect(due).toBeGreaterThanOrEqual(before + 2 * DAY - 2000)
      expect(due).toBeLessThanOrEqual(Date.now() + 2 * DAY)
      expect(g.timeline).toEqual([
        expect.objectContaining({ action: 'submitted', actorName: '王秀英', actorRole: 'resident' }),
      ])
      id = g.id
    })

    it('tells the committee, and not the raiser herself', async () => {
      for (const token of [committee, secretary])
        expect(await inbox(token)).toContainEqual(
          expect.objectContaining({
            kind: 'grievance.submitted',
            title: '有村民反映了新问题',
            link: grievancePage('committee', id),
          }),
        )
      expect((await inbox(resident)).some((n) => n.kind === 'grievance.submitted')).toBe(false)
    })

    it('is accepted by a committee member, which starts the 7-day answer clock', async () => {
      const res = await act(id, 'accept', committee)
      expect(res.status).toBe(200)
      expect(res.body.state).toBe('accepted')
      expect(new Date(res.body.acceptedAt).getTime() + 7 * DAY).toBeCloseTo(
        new Date(res.body.dueAt).getTime(),
        -4,
      )
      expect(await inbox(resident)).toContainEqual(
        expect.objectContaining({ kind: 'grievance.accepted', title: '您反映的事已受理' }),
      )
    })

    it('is assigned by the secretary to 张丽, who is told', async () => {
      const dueBefore = (await detail(id, committee)).dueAt
      const res = await act(id, 'assign', secretary, { residentId: zhangLi.id })
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({
        state: 'assigned',
        assigneeName: '张丽',
        assigneeResidentId: zhangLi.id,
      })
      expect(res.body.dueAt).toBe(dueBefore)
      expect(await inbox(committee)).toContainEqual(
        expect.objectContaining({ kind: 'grievance.assigned', link: grievancePage('committee', id) }),
      )
      expect(await inbox(resident)).toContainEqual(
        expect.objectContaining({ kind: 'grievance.assigned', body: expect.stringContaining('张丽') }),
      )
    })

    it('is answered by 张丽 with text and a photo', async () => {
      const fixed = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#8899aa' } })
        .jpeg()
        .toBuffer()
      answerPhoto = (await upload(committee, fixed, 'fixed.jpg', 'image/jpeg')).body
      expect(answerPhoto).toMatchObject({ mime: 'image/jpeg', width: 800, height: 600 })
      const res = await act(id, 'answer', committee, {
        text: '已请水电工换了水管，现在不漏了。',
        photoIds: [answerPhoto.id],
      })
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ state: 'answered', dueAt: null, overdue: false })
      expect(res.body.timeline.at(-1)).toMatchObject({
        action: 'answered',
        actorName: '张丽',
        text: '已请水电工换了水管，现在不漏了。',
        photoUrls: [linkTo(answerPhoto.id)],
      })
      expect(await inbox(resident)).toContainEqual(
        expect.objectContaining({ kind: 'grievance.answered', link: grievancePage('resident', id) }),
      )
    })

    it('shows the raiser until when she may reopen it', async () => {
      const g = await detail(id, resident)
      expect(new Date(g.reopenableUntil!).getTime()).toBe(new Date(g.answeredAt!).getTime() + 7 * DAY)
      expect((await detail(id, committee)).reopenableUntil).toBeNull()
    })

    it('is rated by the raiser and closed; 张丽 hears how it went', async () => {
      const res = await act(id, 'rate', resident, { rating: 5, comment: '修得很快' })
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ state: 'closed', rating: 5, ratingComment: '修得很快' })
      expect(res.body.closedAt).toEqual(expect.any(String))
      expect(await inbox(committee)).toContainEqual(
        expect.objectContaining({ kind: 'grievance.rated', title: '村民评价了答复：5 星' }),
      )
    })

    it('keeps every step on the timeline, with who did it', async () => {
      const g = await detail(id, resident)
      expect(g.timeline.map((e) => [e.action, e.actorName])).toEqual([
        ['submitted', '王秀英'],
        ['accepted', '张丽'],
        ['assigned', '李建华'],
        ['answered', '张丽'],
        ['rated', '王秀英'],
      ])
      expect(g.timeline.at(-1)).toMatchObject({ rating: 5, text: '修得很快' })
    })

    it('audits every step', async () => {
      expect(await audited(id)).toEqual([
        'grievance.submitted',
        'grievance.accepted',
        'grievance.assigned',
        'grievance.answered',
        'grievance.rated',
      ])
    })

    it('puts it on the public wall with the raiser’s name masked for other residents', async () => {
      const res = await t.request({ method: 'GET', url: `${base()}/public?pageSize=100`, token: neighbour })
      expect(res.status).toBe(200)
      const item = res.body.items.find((i: GrievanceSummary) => i.id === id)
      expect(item).toMatchObject({ raiserName: maskName('王秀英'), state: 'closed', rating: 5, mine: false })
      expect(item.raiserName).toBe('王*英')
      const own = await t.request({ method: 'GET', url: `${base()}/public?pageSize=100`, token: resident })
      expect(own.body.items.find((i: GrievanceSummary) => i.id === id)).toMatchObject({
        raiserName: '王秀英',
        mine: true,
      })
      const g = await detail(id, neighbour)
      expect(g.raiserName).toBe('王*英')
      expect(g.mine).toBe(false)
      expect(g.timeline.map((e) => e.actorName)).toEqual(['王*英', '张丽', '李建华', '张丽', '王*英'])
    })

    it('serves both photos to those who may see the issue', async () => {
      for (const token of [resident, neighbour, committee, township]) {
        const res = await t.app
          .getHttpAdapter()
          .getInstance()
          .inject({
            method: 'GET',
            url: filePath(photo.id),
            headers: { authorization: `Bearer ${token}` },
          })
        expect(res.statusCode).toBe(200)
        expect(res.headers['content-type']).toBe('image/png')
        expect(res.headers['x-content-type-options']).toBe('nosniff')
        // the same picture (kept re-encoded, so not the same bytes)
        expect(
          (await sharp(res.rawPayload).raw().toBuffer()).equals(await sharp(bytes).raw().toBuffer()),
        ).toBe(true)
      }
      const res = await t.request({ method: 'GET', url: filePath(answerPhoto.id), token: neighbour })
      expect(res.status).toBe(200)
      expect(res.headers['content-type']).toBe('image/jpeg')
    })
  })

  describe('replies on the timeline', () => {
    let id: number
    beforeAll(async () => {
      id = await accepted({ title: '留言测试' })
      await act(id, 'assign', committee, { residentId: zhangLi.id })
    })

    it('lets the raiser add a photo, and tells the member handling it', async () => {
      const photo = (await upload(resident, png(2, 3))).body
      const res = await act(id, 'replies', resident, {
        text: '今天又漏了，补一张照片。',
        photoIds: [photo.id],
      })
      expect(res.status).toBe(200)
      expect(res.body.state).toBe('assigned')
      expect(res.body.timeline.at(-1)).toMatchObject({
        action: 'replied',
        actorName: '王秀英',
        actorRole: 'resident',
        photoUrls: [linkTo(photo.id)],
      })
      expect(await inbox(committee)).toContainEqual(
        expect.objectContaining({ kind: 'grievance.replied', link: grievancePage('committee', id) }),
      )
    })

    it('lets the committee answer back, and tells the raiser', async () => {
      expect((await act(id, 'replies', secretary, { text: '明天上午去看。' })).status).toBe(200)
      expect(await inbox(resident)).toContainEqual(
        expect.objectContaining({ kind: 'grievance.replied', title: '村委会回复了您' }),
      )
      expect(await audited(id)).toContain('grievance.replied')
    })

    it('keeps other residents from writing on someone else’s issue', async () => {
      expectError(await act(id, 'replies', neighbour, { text: '我也说两句' }), 'GRIEVANCE_NOT_YOURS')
    })
  })

  describe('refusals, each with its own code', () => {
    it('refuses to answer or assign an issue that was not accepted', async () => {
      const id = await raised()
      expectError(await act(id, 'answer', committee, { text: '已处理' }), 'GRIEVANCE_NOT_ACCEPTED')
      expectError(await act(id, 'assign', committee, { residentId: zhangLi.id }), 'GRIEVANCE_NOT_ACCEPTED')
      expect((await detail(id, committee)).state).toBe('submitted')
      expect(await audited(id)).toEqual(['grievance.submitted'])
    })

    it('refuses to accept an issue twice', async () => {
      const id = await accepted()
      expectError(await act(id, 'accept', secretary), 'GRIEVANCE_ALREADY_ACCEPTED')
    })

    it("refuses to let a resident rate someone else's issue", async () => {
      const id = await answered()
      const res = await act(id, 'rate', neighbour, { rating: 1 })
      expect(res.status).toBe(403)
      expect(res.body).toEqual({
        code: 'GRIEVANCE_NOT_YOURS',
        message: ERRORS.GRIEVANCE_NOT_YOURS.message,
        requestId: expect.any(String),
      })
      expect((await detail(id, resident)).state).toBe('answered')
    })

    it('refuses a rating before the answer and a second rating', async () => {
      const id = await accepted()
      expectError(await act(id, 'rate', resident, { rating: 4 }), 'GRIEVANCE_NOT_ANSWERED')
      await act(id, 'answer', committee, { text: '好了' })
      expect((await act(id, 'rate', resident, { rating: 4 })).status).toBe(200)
      expectError(await act(id, 'rate', resident, { rating: 5 }), 'GRIEVANCE_ALREADY_RATED')
    })

    it('refuses a rating outside 1 to 5', async () => {
      const id = await answered()
      const res = await act(id, 'rate', resident, { rating: 6 })
      expectError(res, 'VALIDATION_FAILED')
      expect(res.body.details.fields[0]).toMatchObject({ path: 'rating' })
    })

    it('refuses a tenth photo', async () => {
      const photos: number[] = []
      for (let i = 0; i < 10; i++) photos.push((await upload(resident, png(1, i + 1))).body.id)
      const res = await raise(resident, {
        category: '其他',
        title: '十张照片',
        text: '看照片',
        photoIds: photos,
      })
      expectError(res, 'VALIDATION_FAILED')
      expect(res.body.details.fields).toEqual([{ path: 'photoIds', message: '最多只能放 9 张照片' }])
      const nine = await raise(resident, {
        category: '其他',
        title: '九张照片',
        text: '看照片',
        photoIds: photos.slice(0, 9),
      })
      expect(nine.status).toBe(201)
      expect(nine.body.photoUrls).toHaveLength(9)
    })

    it('refuses empty or blank text', async () => {
      for (const text of ['', '   \n  ']) {
        const res = await raise(resident, { category: '其他', title: '空的', text })
        expectError(res, 'VALIDATION_FAILED')
        expect(res.body.details.fields).toEqual([{ path: 'text', message: '请填写要反映的事' }])
      }
    })

    it('refuses a category the village does not use', async () => {
      expectError(
        await raise(resident, { category: '外星人', title: '不明飞行物', text: '天上有光' }),
        'GRIEVANCE_CATEGORY_INVALID',
      )
    })

    it('refuses a photo uploaded by someone else, or already used', async () => {
      const theirs = (await upload(neighbour, png(2, 2))).body.id
      expectError(
        await raise(resident, { category: '其他', title: '别人的照片', text: '看照片', photoIds: [theirs] }),
        'GRIEVANCE_PHOTO_INVALID',
      )
      const mine = (await upload(resident, png(2, 5))).body.id
      await raised({ photoIds: [mine] })
      expectError(
        await raise(resident, { category: '其他', title: '同一张照片', text: '再用一次', photoIds: [mine] }),
        'GRIEVANCE_PHOTO_INVALID',
      )
    })

    it('refuses to assign to someone who is not on the committee', async () => {
      const id = await accepted()
      const plain = await t.ds.getRepository(Resident).findOneByOrFail({ name: '王德福' })
      expectError(await act(id, 'assign', committee, { residentId: plain.id }), 'GRIEVANCE_ASSIGNEE_INVALID')
    })

    it('declines with a reason, after which nothing more can be done', async () => {
      const id = await raised()
      expectError(await act(id, 'decline', committee, { reason: ' ' }), 'VALIDATION_FAILED')
      const res = await act(id, 'decline', committee, { reason: '不属于村委会职责，请向供电所反映' })
      expect(res.status).toBe(200)
      expect(res.body.state).toBe('declined')
      expect(await inbox(resident)).toContainEqual(
        expect.objectContaining({ kind: 'grievance.declined', body: expect.stringContaining('供电所') }),
      )
      expectError(await act(id, 'accept', committee), 'GRIEVANCE_DECLINED')
    })

    it('keeps the committee routes from residents', async () => {
      const id = await raised()
      expectError(await act(id, 'accept', resident), 'FORBIDDEN')
      expectError(await t.request({ method: 'GET', url: base(), token: resident }), 'FORBIDDEN')
    })

    it('keeps raising from a person who is not verified yet', async () => {
      expectError(
        await raise(await t.login('newcomer'), { category: '其他', title: '你好', text: '我是新来的' }),
        'NOT_VERIFIED',
      )
    })

    describe("another village's issue", () => {
      let theirs: number
      beforeAll(async () => {
        const cao = await t.login('community_resident')
        const res = await t.request({
          method: 'POST',
          url: base(ids.community),
          token: cao,
          body: { category: '其他', title: '新华小区电梯坏了', text: '3 栋电梯停了两天。' },
        })
        expect(res.status).toBe(201)
        theirs = res.body.id
      })

      it('is a 404 through the URL of one’s own village', async () => {
        expectError(
          await t.request({ method: 'GET', url: `${base()}/${theirs}`, token: committee }),
          'NOT_FOUND',
        )
        expectError(await act(theirs, 'accept', committee), 'NOT_FOUND')
        expectError(await act(theirs, 'support', resident), 'NOT_FOUND')
      })

      it('is out of scope through its own village’s URL', async () => {
        expectError(await act(theirs, 'accept', committee, undefined, ids.community), 'OUT_OF_SCOPE')
        expectError(
          await t.request({ method: 'GET', url: `${base(ids.community)}/${theirs}`, token: resident }),
          'OUT_OF_SCOPE',
        )
      })
    })

    it('hides an issue meant for the committee only from other residents, photos too', async () => {
      const photo = (await upload(resident, png(3, 3))).body
      const id = await raised({ visibility: 'committee', photoIds: [photo.id] })
      expectError(await t.request({ method: 'GET', url: `${base()}/${id}`, token: neighbour }), 'NOT_FOUND')
      expectError(await act(id, 'support', neighbour), 'NOT_FOUND')
      expectError(await t.request({ method: 'GET', url: filePath(photo.id), token: neighbour }), 'NOT_FOUND')
      expect((await t.request({ method: 'GET', url: filePath(photo.id), token: committee })).status).toBe(200)
      expect((await t.request({ method: 'GET', url: filePath(photo.id), token: township })).status).toBe(200)
      const wall = await t.request({ method: 'GET', url: `${base()}/public?pageSize=100`, token: neighbour })
      expect(wall.body.items.map((i: GrievanceSummary) => i.id)).not.toContain(id)
      // the committee sees the raiser's real name
      expect((await detail(id, committee)).raiserName).toBe('王秀英')
    })
  })

  describe('reopening', () => {
    it('lets the raiser reopen once within 7 days, and refuses the second time', async () => {
      const id = await answered()
      const res = await act(id, 'reopen', resident, { reason: '下雨又堵了' })
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ state: 'reopened', reopenCount: 1, rating: null })
      expect(new Date(res.body.dueAt).getTime()).toBeGreaterThan(Date.now() + 7 * DAY - 60_000)
      expect(await inbox(committee)).toContainEqual(
        expect.objectContaining({ kind: 'grievance.reopened', body: expect.stringContaining('下雨又堵了') }),
      )
      expect((await act(id, 'answer', committee, { text: '加宽了排水沟' })).status).toBe(200)
      expect((await detail(id, resident)).reopenableUntil).toBeNull()
      expectError(await act(id, 'reopen', resident, { reason: '还是不行' }), 'GRIEVANCE_REOPEN_USED')
      expect(await audited(id)).toEqual([
        'grievance.submitted',
        'grievance.accepted',
        'grievance.answered',
        'grievance.reopened',
        'grievance.answered',
      ])
    })

    it('refuses to reopen after 7 days', async () => {
      const id = await answered()
      await t.ds
        .getRepository(Grievance)
        .update({ id }, { answeredAt: new Date(Date.now() - 7 * DAY - 60_000) })
      expectError(await act(id, 'reopen', resident, { reason: '又坏了' }), 'GRIEVANCE_REOPEN_EXPIRED')
    })

    it('counts the 7 days from the rating when the raiser closed it', async () => {
      const id = await answered()
      await act(id, 'rate', resident, { rating: 3 })
      await t.ds
        .getRepository(Grievance)
        .update(
          { id },
          { answeredAt: new Date(Date.now() - 9 * DAY), closedAt: new Date(Date.now() - 5 * DAY) },
        )
      expect((await act(id, 'reopen', resident, { reason: '又坏了' })).status).toBe(200)
    })

    it("refuses to reopen someone else's issue", async () => {
      const id = await answered()
      expectError(await act(id, 'reopen', neighbour, { reason: '我也不满意' }), 'GRIEVANCE_NOT_YOURS')
    })
  })

  describe('"我也遇到" (+1)', () => {
    let id: number
    beforeAll(async () => {
      id = await raised()
    })

    it('counts a person once, however many times they press it at once', async () => {
      const results = await Promise.all(Array.from({ length: 8 }, () => act(id, 'support', neighbour)))
      expect(results.map((r) => r.status)).toEqual(Array(8).fill(200))
      expect(results.at(-1)!.body).toEqual({ supportCount: 1, supportedByMe: true })
      expect(await t.ds.getRepository(GrievanceSupport).countBy({ grievanceId: id })).toBe(1)
    })

    it('counts different people separately, also at once', async () => {
      const others = await Promise.all(['secretary', 'supervisor', 'party_member'].map((k) => t.login(k)))
      await Promise.all(others.flatMap((token) => [act(id, 'support', token), act(id, 'support', token)]))
      const g = await detail(id, neighbour)
      expect(g).toMatchObject({ supportCount: 4, supportedByMe: true })
      expect((await detail(id, resident)).supportedByMe).toBe(false)
    })

    it('can be taken back', async () => {
      const res = await t.request({ method: 'DELETE', url: `${base()}/${id}/support`, token: neighbour })
      expect(res.body).toEqual({ supportCount: 3, supportedByMe: false })
    })

    it('is not for one’s own issue', async () => {
      expectError(await act(id, 'support', resident), 'GRIEVANCE_OWN_SUPPORT')
    })
  })

  describe('photo uploads', () => {
    it('refuses a text file named .jpg, whatever type it claims', async () => {
      const res = await upload(
        resident,
        Buffer.from('这是一个文本文件，不是照片。\n'),
        'photo.jpg',
        'image/jpeg',
      )
      expect(res.status).toBe(415)
      expect(res.body.code).toBe('UNSUPPORTED_FILE')
    })

    it('refuses a file over 5 MB', async () => {
      const big = Buffer.concat([png(1, 1), Buffer.alloc(5 * 1024 * 1024)])
      const res = await upload(resident, big)
      expect(res.status).toBe(413)
      expect(res.body.code).toBe('PAYLOAD_TOO_LARGE')
    })

    it('takes a 2 MB photo, larger than the JSON body limit', async () => {
      // noise does not compress: a real, decodable JPEG of about 2 MB
      const big = await sharp({
        create: {
          width: 1600,
          height: 1200,
          channels: 3,
          background: '#808080',
          noise: { type: 'gaussian', mean: 128, sigma: 60 },
        },
      })
        .jpeg({ quality: 95 })
        .toBuffer()
      expect(big.length).toBeGreaterThan(1.5 * 1024 * 1024)
      const res = await upload(resident, big, 'big.jpg')
      expect(res.status).toBe(201)
      expect(res.body).toMatchObject({ mime: 'image/jpeg', width: 1600, height: 1200 })
    })

    it('stores the same photo once on disk but gives each upload its own id', async () => {
      const bytes = png(7, 7)
      const a = (await upload(resident, bytes)).body
      const b = (await upload(neighbour, bytes)).body
      expect(a.id).not.toBe(b.id)
      const rows: { sha256: string; storageKey: string }[] = await t.ds.query(
        `SELECT sha256, storageKey FROM stored_file WHERE id IN (?, ?)`,
        [a.id, b.id],
      )
      expect(rows[0]).toEqual(rows[1])
    })

    it('shows an upload nobody has used yet to its uploader only', async () => {
      const photo = (await upload(resident, png(5, 1))).body
      expect((await t.request({ method: 'GET', url: filePath(photo.id), token: resident })).status).toBe(200)
      expectError(await t.request({ method: 'GET', url: filePath(photo.id), token: committee }), 'NOT_FOUND')
    })

    it('asks for a file when the form has none', async () => {
      const res = await t.request({
        method: 'POST',
        url: `/api/villages/${ids.village}/uploads`,
        token: resident,
        ...multipart('other', 'photo.png', png(1, 1), 'image/png'),
      })
      expectError(res, 'VALIDATION_FAILED')
    })
  })

  describe('Idempotency-Key', () => {
    it('creates one issue when the same submission is sent twice', async () => {
      const key = `g-${randomUUID()}`
      const body = {
        category: '道路交通',
        title: `重复提交 ${randomUUID().slice(0, 8)}`,
        text: '桥头的路坑很深。',
      }
      const first = await raise(resident, body, { 'idempotency-key': key })
      const second = await raise(resident, body, { 'idempotency-key': key })
      expect([first.status, second.status]).toEqual([201, 201])
      expect(second.body.id).toBe(first.body.id)
      expect(await t.ds.getRepository(Grievance).countBy({ title: body.title })).toBe(1)
      expect(await audited(first.body.id)).toEqual(['grievance.submitted'])
    })
  })

  describe('the committee’s queue', () => {
    let mine: number
    let overdue: number
    beforeAll(async () => {
      mine = await accepted({ category: '治安安全', title: '队列测试：交给张丽' })
      await act(mine, 'assign', committee, { residentId: zhangLi.id })
      overdue = await raised({ category: '治安安全', title: '队列测试：超时' })
      await t.ds.getRepository(Grievance).update({ id: overdue }, { dueAt: new Date(Date.now() - 60_000) })
    })
    const queue = async (qs: string, token = committee) => {
      const res = await t.request({ method: 'GET', url: `${base()}?${qs}`, token })
      expect(res.status).toBe(200)
      return res.body as { items: GrievanceSummary[]; total: number; page: number; pageSize: number }
    }

    it('filters by status', async () => {
      const page = await queue('status=submitted&pageSize=100')
      expect(page.items.length).toBeGreaterThan(0)
      expect(page.items.every((i) => i.state === 'submitted')).toBe(true)
      expect(page.items.map((i) => i.id)).toContain(overdue)
    })

    it('filters by category', async () => {
      const page = await queue(`category=${encodeURIComponent('治安安全')}&pageSize=100`)
      expect(page.items.every((i) => i.category === '治安安全')).toBe(true)
      expect(page.items.map((i) => i.id)).toEqual(expect.arrayContaining([mine, overdue]))
    })

    it('filters by assignee: me, a named member, or nobody', async () => {
      const me = await queue('assignee=me&pageSize=100')
      expect(me.items.map((i) => i.id)).toContain(mine)
      expect(me.items.every((i) => i.assigneeName === '张丽')).toBe(true)
      expect((await queue(`assignee=${zhangLi.id}&pageSize=100`)).total).toBe(me.total)
      expect((await queue('assignee=me&pageSize=100', secretary)).items.map((i) => i.id)).not.toContain(mine)
      const none = await queue('assignee=none&pageSize=100')
      expect(none.items.every((i) => i.assigneeName === null)).toBe(true)
      expect(none.items.map((i) => i.id)).toContain(overdue)
    })

    it('filters overdue items, and the rest', async () => {
      const late = await queue('overdue=true&pageSize=100')
      expect(late.items.map((i) => i.id)).toContain(overdue)
      expect(late.items.every((i) => i.overdue)).toBe(true)
      const onTime = await queue('overdue=false&pageSize=100')
      expect(onTime.items.some((i) => i.overdue)).toBe(false)
      expect(late.total + onTime.total).toBe((await queue('pageSize=1')).total)
    })

    it('pages through the queue without repeating an item', async () => {
      const all = await queue('pageSize=100')
      const first = await queue('pageSize=3&page=1')
      const second = await queue('pageSize=3&page=2')
      expect(first).toMatchObject({ page: 1, pageSize: 3, total: all.total })
      expect(first.items.map((i) => i.id)).toEqual(all.items.slice(0, 3).map((i) => i.id))
      expect(second.items.map((i) => i.id)).toEqual(all.items.slice(3, 6).map((i) => i.id))
    })

    it('refuses a filter it does not know', async () => {
      expectError(
        await t.request({ method: 'GET', url: `${base()}?status=lost`, token: committee }),
        'VALIDATION_FAILED',
      )
    })

    it('accepts several at once and says which could not be', async () => {
      const a = await raised()
      const b = await raised()
      const done = await accepted()
      const res = await t.request({
        method: 'POST',
        url: `${base()}/bulk-accept`,
        token: committee,
        body: { ids: [a, done, b, 999999] },
      })
      expect(res.status).toBe(200)
      expect(res.body).toEqual({
        accepted: [a, b],
        refused: [
          { id: done, code: 'GRIEVANCE_ALREADY_ACCEPTED' },
          { id: 999999, code: 'NOT_FOUND' },
        ],
      })
      expect((await detail(a, committee)).state).toBe('accepted')
    })

    it('lists only the resident’s own issues under "mine"', async () => {
      const res = await t.request({ method: 'GET', url: `${base()}/mine?pageSize=100`, token: neighbour })
      expect(res.body.items.length).toBeGreaterThan(0)
      expect(res.body.items.every((i: GrievanceSummary) => i.raiserName === '刘长青')).toBe(true)
    })
  })

  describe('categories and reply templates', () => {
    it('starts from the default categories', async () => {
      const res = await t.request({ method: 'GET', url: `${base()}/categories`, token: resident })
      expect(res.body).toEqual([
        '环境卫生',
        '道路交通',
        '水电设施',
        '治安安全',
        '邻里纠纷',
        '意见建议',
        '其他',
      ])
    })

    it('lets the committee keep its own lists, audited', async () => {
      const current = (await t.request({ method: 'GET', url: `${base()}/settings`, token: committee })).body
      expect(current.replyTemplates.length).toBeGreaterThan(0)
      const body = {
        categories: [...current.categories, '农田水利'],
        replyTemplates: [{ title: '已到现场', text: '我们已经到现场看过了。' }],
      }
      const res = await t.request({ method: 'PUT', url: `${base()}/settings`, token: committee, body })
      expect(res.status).toBe(200)
      // the sensitive categories, left out, stay as they were
      expect(res.body).toEqual({ ...body, sensitiveCategories: ['邻里纠纷'] })
      expect(
        (await t.request({ method: 'GET', url: `${base()}/categories`, token: resident })).body,
      ).toContain('农田水利')
      expect(await raised({ category: '农田水利' })).toEqual(expect.any(Number))
      const rows = await t.ds.query(
        `SELECT action FROM audit_entry WHERE action = 'grievance.settings_updated'`,
      )
      expect(rows).toHaveLength(1)
      expectError(
        await t.request({ method: 'PUT', url: `${base()}/settings`, token: resident, body }),
        'FORBIDDEN',
      )
    })
  })

  describe('the township', () => {
    let liulinTownship: number
    let escalatedId: number
    const tbase = () => `/api/townships/${liulinTownship}/grievances`

    beforeAll(async () => {
      liulinTownship = ids.township
      escalatedId = await accepted({ title: '需要乡镇协调的事' })
    })

    it('is told when the committee sends an issue up', async () => {
      const res = await act(escalatedId, 'escalate', committee, { reason: '涉及镇里的道路规划，村里定不了' })
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ state: 'escalated', dueAt: null })
      expect(await inbox(township)).toContainEqual(
        expect.objectContaining({
          kind: 'grievance.escalated',
          link: grievancePage('township', escalatedId),
        }),
      )
      expect(await inbox(resident)).toContainEqual(
        expect.objectContaining({ kind: 'grievance.escalated', title: '您反映的事已上报乡镇（街道）' }),
      )
    })

    it('lets the village do nothing more while the township has it', async () => {
      expectError(
        await act(escalatedId, 'answer', committee, { text: '我们来答复' }),
        'GRIEVANCE_AT_TOWNSHIP',
      )
    })

    it('sees escalated and overdue items of its villages', async () => {
      const res = await t.request({ method: 'GET', url: `${tbase()}?pageSize=100`, token: township })
      expect(res.status).toBe(200)
      const items: GrievanceSummary[] = res.body.items
      expect(items.map((i) => i.id)).toContain(escalatedId)
      expect(items.every((i) => i.state === 'escalated' || i.overdue)).toBe(true)
      expect(items.find((i) => i.id === escalatedId)).toMatchObject({
        villageName: '柳林村',
        raiserName: '王秀英',
      })
      const onlyEscalated = await t.request({
        method: 'GET',
        url: `${tbase()}?scope=escalated&pageSize=100`,
        token: township,
      })
      expect(onlyEscalated.body.items.every((i: GrievanceSummary) => i.state === 'escalated')).toBe(true)
      const onlyOverdue = await t.request({
        method: 'GET',
        url: `${tbase()}?scope=overdue&pageSize=100`,
        token: township,
      })
      expect(onlyOverdue.body.items.every((i: GrievanceSummary) => i.overdue)).toBe(true)
    })

    it('answers an escalated issue with a photo; the raiser and the committee are told', async () => {
      const photo = (await upload(township, png(6, 4))).body
      const res = await t.request({
        method: 'POST',
        url: `${tbase()}/${escalatedId}/answer`,
        token: township,
        body: { text: '镇里已把这段路列入明年的修路计划。', photoIds: [photo.id] },
      })
      expect(res.status).toBe(200)
      expect(res.body.state).toBe('answered')
      expect(res.body.timeline.at(-1).photoUrls).toEqual([linkTo(photo.id)])
      expect((await t.request({ method: 'GET', url: filePath(photo.id), token: resident })).status).toBe(200)
      expect(res.body.timeline.at(-1)).toMatchObject({
        action: 'township_answered',
        actorName: '赵建国',
        actorRole: 'township_official',
      })
      expect(await inbox(resident)).toContainEqual(
        expect.objectContaining({
          kind: 'grievance.township_answered',
          title: '乡镇（街道）答复了您反映的事',
        }),
      )
      expect(await inbox(committee)).toContainEqual(
        expect.objectContaining({ kind: 'grievance.township_answered' }),
      )
      expectError(
        await t.request({
          method: 'POST',
          url: `${tbase()}/${escalatedId}/answer`,
          token: township,
          body: { text: '再答' },
        }),
        'GRIEVANCE_NOT_ESCALATED',
      )
    })

    it('sends one back with instructions, after which the village answers it', async () => {
      const id = await accepted({ title: '退回测试' })
      await act(id, 'escalate', committee, { reason: '请镇里定' })
      const res = await t.request({
        method: 'POST',
        url: `${tbase()}/${id}/return`,
        token: township,
        body: { instructions: '这是村里的职责，请三天内到现场处理。' },
      })
      expect(res.status).toBe(200)
      expect(res.body.state).toBe('returned')
      expect(new Date(res.body.dueAt).getTime()).toBeGreaterThan(Date.now() + 6 * DAY)
      expect(await inbox(committee)).toContainEqual(
        expect.objectContaining({ kind: 'grievance.returned', body: expect.stringContaining('三天内') }),
      )
      expect((await act(id, 'answer', committee, { text: '已到现场处理' })).body.state).toBe('answered')
      expect(await audited(id)).toEqual([
        'grievance.submitted',
        'grievance.accepted',
        'grievance.escalated',
        'grievance.township_returned',
        'grievance.answered',
      ])
    })

    it('refuses to answer an issue that was not sent up', async () => {
      const id = await accepted()
      expectError(
        await t.request({
          method: 'POST',
          url: `${tbase()}/${id}/answer`,
          token: township,
          body: { text: '答' },
        }),
        'GRIEVANCE_NOT_ESCALATED',
      )
    })

    describe('with a second township', () => {
      let otherOfficial: string
      let outsideGrievance: number
      beforeAll(async () => {
        const orgs = t.ds.getRepository(Org)
        const county = await orgs.findOneByOrFail({ kind: 'county' })
        const hekou = await orgs.save({
          kind: 'township' as const,
          name: '河口镇',
          code: '330106109',
          parentId: county.id,
          settings: null,
        })
        const village = await orgs.save({
          kind: 'village' as const,
          name: '河口村',
          code: '330106109201',
          parentId: hekou.id,
          settings: defaultVillageSettings('village'),
        })
        const official = await addAccount(t, { displayName: '钱镇长' })
        await t.ds.getRepository(RoleAssignment).save({
          orgId: hekou.id,
          role: 'township_official' as const,
          residentId: null,
          accountId: official.id,
          holder: `a:${official.id}`,
        })
        otherOfficial = official.token
        outsideGrievance = (
          await t.ds.getRepository(Grievance).save({
            villageId: village.id,
            raiserAccountId: official.id,
            raiserResidentId: null,
            raiserName: '河口村民',
            category: '其他',
            title: '河口村的事',
            text: '河口村的事',
            photoIds: [],
            location: null,
            visibility: 'public' as const,
            state: 'escalated' as const,
            dueAt: null,
            assigneeResidentId: null,
            assigneeName: null,
            declineReason: null,
            acceptedAt: null,
            answeredAt: null,
            answerMinutes: null,
            closedAt: null,
            escalatedAt: new Date(),
            reopenCount: 0,
            rating: null,
            ratingComment: null,
          })
        ).id
      })

      it('keeps each township to its own villages', async () => {
        expectError(await t.request({ method: 'GET', url: tbase(), token: otherOfficial }), 'OUT_OF_SCOPE')
        expectError(
          await t.request({ method: 'GET', url: `${tbase()}/${outsideGrievance}`, token: township }),
          'NOT_FOUND',
        )
        expectError(
          await t.request({
            method: 'POST',
            url: `${tbase()}/${outsideGrievance}/answer`,
            token: township,
            body: { text: '答' },
          }),
          'NOT_FOUND',
        )
        const list = await t.request({ method: 'GET', url: `${tbase()}?pageSize=100`, token: township })
        expect(list.body.items.map((i: GrievanceSummary) => i.id)).not.toContain(outsideGrievance)
      })

      it('keeps residents and committee members out, and wants a township in the URL', async () => {
        expectError(await t.request({ method: 'GET', url: tbase(), token: resident }), 'FORBIDDEN')
        expectError(await t.request({ method: 'GET', url: tbase(), token: committee }), 'FORBIDDEN')
        expectError(
          await t.request({
            method: 'GET',
            url: `/api/townships/${ids.village}/grievances`,
            token: township,
          }),
          'ORG_NOT_A_TOWNSHIP',
        )
        expectError(
          await t.request({ method: 'GET', url: '/api/townships/999999/grievances', token: township }),
          'ORG_NOT_FOUND',
        )
      })
    })

    it('counts per village: open, overdue, escalated, time to answer and satisfaction', async () => {
      // 新华社区 is quiet: set up exactly what it holds
      const cao = await t.login('community_resident')
      const xujing = await t.ds.getRepository(Resident).findOneByOrFail({ name: '许静' })
      const xu = await addAccount(t, { displayName: '许静' })
      await t.ds.getRepository(Resident).update({ id: xujing.id }, { accountId: xu.id })
      const cbase = base(ids.community)
      const make = async (title: string) =>
        (
          await t.request({
            method: 'POST',
            url: cbase,
            token: cao,
            body: { category: '其他', title, text: title },
          })
        ).body.id as number
      const step = (id: number, action: string, token: string, body: unknown = {}) =>
        t.request({ method: 'POST', url: `${cbase}/${id}/${action}`, token, body })
      const rated = async (title: string, rating: number, minutes: number) => {
        const id = await make(title)
        await step(id, 'accept', xu.token)
        await step(id, 'answer', xu.token, { text: '好了' })
        await step(id, 'rate', cao, { rating })
        await t.ds.getRepository(Grievance).update({ id }, { answerMinutes: minutes })
      }
      const before = await t.ds.getRepository(Grievance).countBy({ villageId: ids.community })
      await rated('统计一', 4, 120)
      await rated('统计二', 2, 240)
      const late = await make('统计三')
      await t.ds.getRepository(Grievance).update({ id: late }, { dueAt: new Date(Date.now() - 60_000) })
      const up = await make('统计四')
      await step(up, 'accept', xu.token)
      await step(up, 'escalate', xu.token, { reason: '请镇里协调' })
      // the answer minutes above were set behind the app's back
      await recountGrievanceStats(t, [ids.community])

      const res = await t.request({ method: 'GET', url: `${tbase()}/stats`, token: township })
      expect(res.status).toBe(200)
      expect(res.body.townshipId).toBe(liulinTownship)
      expect(res.body.villages.map((v: { villageName: string }) => v.villageName).sort()).toEqual(
        ['新华社区', '柳林村'].sort(),
      )
      // what 新华社区 held before (the issue raised among the refusals above) is still waiting to be accepted
      expect(res.body.villages.find((v: { villageId: number }) => v.villageId === ids.community)).toEqual({
        villageId: ids.community,
        villageName: '新华社区',
        total: before + 4,
        open: before + 2,
        overdue: 1,
        escalated: 1,
        averageHoursToAnswer: 3,
        satisfactionAverage: 3,
        ratedCount: 2,
      })
      const liulin = res.body.villages.find((v: { villageId: number }) => v.villageId === ids.village)
      expect(liulin.total).toBe(await t.ds.getRepository(Grievance).countBy({ villageId: ids.village }))
      expect(liulin.satisfactionAverage).toBeGreaterThanOrEqual(1)
    })
  })

  describe('the escalation job, run by two server instances at once', () => {
    let second: TestApp
    let raiserAccount: number
    beforeAll(async () => {
      second = await startTestApp({ UPLOAD_DIR: uploads }, { target: t.target })
      raiserAccount = (await t.ds.query(`SELECT id FROM account WHERE demoKey = 'resident'`))[0].id
    })
    afterAll(async () => second.close())

    const townshipNotices = async (id: number) =>
      (
        await t.ds.query(
          `SELECT accountId FROM notification WHERE kind = 'grievance.escalated' AND link = ?`,
          [grievancePage('township', id)],
        )
      ).length
    const raiserNotices = async (id: number) =>
      (
        await t.ds.query(
          `SELECT id FROM notification WHERE kind = 'grievance.escalated' AND accountId = ? AND link = ?`,
          [raiserAccount, grievancePage('resident', id)],
        )
      ).length
    const dueCount = async (now: Date) =>
      t.ds
        .getRepository(Grievance)
        .createQueryBuilder('g')
        .where("g.state IN ('submitted','accepted','assigned','reopened','returned') AND g.dueAt < :now", {
          now,
        })
        .getCount()

    async function expectEscalatedOnce(idsToCheck: number[]): Promise<void> {
      for (const id of idsToCheck) {
        const g = await t.ds.getRepository(Grievance).findOneByOrFail({ id })
        expect(g.state).toBe('escalated')
        expect((await audited(id)).filter((a) => a === 'grievance.escalated')).toHaveLength(1)
        const steps = await t.ds.query(
          `SELECT id FROM grievance_event WHERE grievanceId = ? AND action = 'escalated'`,
          [id],
        )
        expect(steps).toHaveLength(1)
        expect(await townshipNotices(id)).toBe(1)
        expect(await raiserNotices(id)).toBe(1)
      }
    }

    it('escalates each overdue issue once, with one audit entry and one notice each', async () => {
      const waiting = await raised({ title: '无人受理' })
      const unanswered = await accepted({ title: '受理了没答复' })
      const fresh = await raised({ title: '刚刚提出' })
      // three days on: the first is past its 2 days to accept, the second was due to be answered
      // yesterday (moved back), the third still has time (moved forward)
      const now = new Date(Date.now() + 3 * DAY)
      await t.ds
        .getRepository(Grievance)
        .update({ id: unanswered }, { dueAt: new Date(Date.now() + 2 * DAY) })
      await t.ds.getRepository(Grievance).update({ id: fresh }, { dueAt: new Date(Date.now() + 5 * DAY) })
      const due = await dueCount(now)
      expect(due).toBeGreaterThanOrEqual(2)

      const [a, b] = await Promise.all([
        t.app.get(GrievanceEscalation).escalateOverdue(now),
        second.app.get(GrievanceEscalation).escalateOverdue(now),
      ])
      expect(a + b).toBe(due)
      expect(await dueCount(now)).toBe(0)
      await expectEscalatedOnce([waiting, unanswered])
      expect((await t.ds.getRepository(Grievance).findOneByOrFail({ id: fresh })).state).toBe('submitted')
      expect((await detail(waiting, resident)).timeline.at(-1)).toMatchObject({
        action: 'escalated',
        actorName: '系统',
        actorRole: 'system',
      })
    })

    it('still escalates once when both instances skip the lease and race on every item', async () => {
      const items = [
        await raised({ title: '赛跑一' }),
        await raised({ title: '赛跑二' }),
        await accepted({ title: '赛跑三' }),
      ]
      const now = new Date(Date.now() + 10 * DAY)
      const due = await dueCount(now)
      const [a, b] = await Promise.all([
        t.app.get(GrievanceEscalation).escalateDue(now),
        second.app.get(GrievanceEscalation).escalateDue(now),
      ])
      expect(a + b).toBe(due)
      await expectEscalatedOnce(items)
    })

    it('does nothing while another instance holds the lease', async () => {
      const id = await raised({ title: '租约测试' })
      const now = new Date(Date.now() + 30 * DAY)
      const leases = second.app.get(JobLeases)
      expect(await leases.claim(ESCALATION_JOB, now)).toBe(true)
      expect(await t.app.get(GrievanceEscalation).escalateOverdue(now)).toBe(0)
      expect((await t.ds.getRepository(Grievance).findOneByOrFail({ id })).state).toBe('submitted')
      await leases.release(ESCALATION_JOB)
      expect(await t.app.get(GrievanceEscalation).escalateOverdue(now)).toBeGreaterThanOrEqual(1)
      await expectEscalatedOnce([id])
    })

    it('leaves the audit chain whole after the two instances wrote to it', async () => {
      expect(await verifyOverHttp(t, await t.login('admin'))).toMatchObject({ ok: true })
    })
  })
})

import {
  ERRORS,
  beijingDate,
  addIsoDays,
  type NoticeView,
  type NotificationView,
  type ObjectionView,
  type PublicNoticeView,
} from '@xiangli/shared'
import { SYSTEM_ACTOR } from '../../src/core/audit/audit.service'
import { TxService } from '../../src/core/tx/tx.service'
import { NoticesService } from '../../src/modules/notices/notices.service'
import { NoticePeriodEnd } from '../../src/modules/notices/use-cases/notice-period-end'
import { NoticeObjection } from '../../src/modules/notices/entities/notice-objection.entity'
import { PublicNotice } from '../../src/modules/notices/entities/public-notice.entity'
import { Org } from '../../src/modules/orgs/entities/org.entity'
import { verifyChain } from '../../src/cli/verify-chain'
import { DIALECT, multipart, startTestApp, villageIds, type TestApp } from '../support/app'
import { verifyOverHttp } from '../support/audit'
import { addAccount, addResident } from '../support/factories'
import { png } from '../support/images'
import { csvFile, xlsxFile } from '../support/sheets'

const DAY = 86_400_000

const financeDraft = (over: Record<string, unknown> = {}) => ({
  category: 'finance',
  title: '2026年10月财务公开',
  body: '本月收支情况如下，如有疑问请在公示期内提出。',
  lines: [
    { kind: 'income', item: '土地租金', amountFen: 1_200_000 },
    { kind: 'income', item: '上级补助', amountFen: 50_050 },
    { kind: 'expense', item: '村道修缮', amountFen: 830_001, note: '一组至二组' },
  ],
  totals: { totalIncomeFen: 1_250_050, totalExpenseFen: 830_001 },
  coversPeriod: '2026-10',
  ...over,
})

describe(`村务公开 (public notices) on ${DIALECT}`, () => {
  let t: TestApp
  let ids: { village: number; community: number; township: number }
  /** 王秀英, resident of 柳林村 (household 002, 一组) */
  let resident: string
  /** 刘长青, representative of 柳林村: another resident */
  let neighbour: string
  /** 张丽, committee member */
  let committee: string
  /** 赵国强, supervision committee */
  let supervisor: string
  /** 赵建国, official of 柳林镇 */
  let township: string
  let admin: string

  const base = (village = ids.village) => `/api/villages/${village}`
  const post = (url: string, token: string | undefined, body: unknown = {}) =>
    t.request({ method: 'POST', url, token, body })
  const get = (url: string, token?: string) => t.request({ method: 'GET', url, token })
  const create = (body: unknown, token = committee) => post(`${base()}/notices`, token, body)
  const publish = (id: number, body: unknown = {}, token = committee) =>
    post(`${base()}/notices/${id}/publish`, token, body)
  const detail = async (id: number, token: string): Promise<NoticeView> => {
    const res = await get(`${base()}/notices/${id}`, token)
    expect(res.status).toBe(200)
    return res.body
  }
  const refused = (res: { status: number; body: { code: string } }, code: keyof typeof ERRORS) => {
    expect({ status: res.status, code: res.body.code }).toEqual({ status: ERRORS[code].status, code })
  }
  const inbox = async (token: string): Promise<NotificationView[]> =>
    (await get('/api/inbox?pageSize=100', token)).body.items
  const attach = async (token: string, name: string, bytes: Buffer, type = 'application/octet-stream') => {
    const { payload, headers } = multipart('file', name, bytes, type)
    return t.request({ method: 'POST', url: `${base()}/attachments`, token, payload, headers })
  }
  /** A published notice of the given category, straight through the API. */
  const published = async (over: Record<string, unknown> = {}): Promise<NoticeView> => {
    const c = await create({ category: 'village', title: '村务公开', body: '内容', ...over })
    expect(c.status).toBe(201)
    const p = await publish(c.body.id)
    expect(p.status).toBe(200)
    return p.body
  }

  beforeAll(async () => {
    t = await startTestApp()
    ids = await villageIds(t.ds)
    ;[resident, neighbour, committee, supervisor, township, admin] = await Promise.all(
      ['resident', 'representative', 'committee', 'supervisor', 'township', 'admin'].map((k) => t.login(k)),
    )
  })
  afterAll(async () => t.close())

  describe('a finance notice from draft to correction', () => {
    let id: number
    let objection: ObjectionView
    /** uploaded for the draft, then dropped from it before publication */
    let droppedFileId: number

    it('takes a PDF, a workbook and a CSV as attachments, recognised by their bytes', async () => {
      const pdf = await attach(committee, 'a.pdf', Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n'))
      expect(pdf.status).toBe(201)
      expect(pdf.body.mime).toBe('application/pdf')
      const xlsx = await attach(committee, 'a.xlsx', await xlsxFile([{ 户号: '001' }]))
      expect(xlsx.body.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      const csv = await attach(committee, 'a.csv', csvFile([{ 户号: '001' }]))
      expect(csv.body.mime).toBe('text/csv')
      refused(
        await attach(committee, 'a.exe', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00])),
        'UNSUPPORTED_FILE',
      )
      // the photo route still takes photos only
      const { payload, headers } = multipart('file', 'a.pdf', Buffer.from('%PDF-1.4\n'))
      refused(
        await t.request({ method: 'POST', url: `${base()}/uploads`, token: committee, payload, headers }),
        'UNSUPPORTED_FILE',
      )

      droppedFileId = pdf.body.id
      const draft = await create(financeDraft({ attachmentIds: [pdf.body.id, xlsx.body.id] }))
      expect(draft.status).toBe(201)
      expect(draft.body).toMatchObject({ state: 'draft', version: 0, versions: [], publicPath: null })
      expect(draft.body.attachments.map((x: { mime: string }) => x.mime)).toEqual([
        'application/pdf',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ])
      id = draft.body.id
    })

    it('refuses finance totals that do not add up, lines on another category, and a period ending before it starts', async () => {
      refused(
        await create(financeDraft({ totals: { totalIncomeFen: 1_250_051, totalExpenseFen: 830_001 } })),
        'NOTICE_FINANCE_TOTALS_MISMATCH',
      )
      const bad = await create(financeDraft({ totals: { totalIncomeFen: 1_250_050, totalExpenseFen: 1 } }))
      expect(bad.body.message).toContain('8,300.01')
      refused(await create(financeDraft({ lines: [], totals: null })), 'NOTICE_FINANCE_LINES_REQUIRED')
      refused(await create(financeDraft({ coversPeriod: null })), 'NOTICE_COVERS_PERIOD_REQUIRED')
      refused(
        await create({ ...financeDraft(), category: 'village', coversPeriod: null }),
        'NOTICE_LINES_NOT_FINANCE',
      )
      refused(
        await create(financeDraft({ periodStart: '2026-12-10', periodEnd: '2026-12-09' })),
        'NOTICE_PERIOD_INVALID',
      )
      refused(
        await publish(id, { periodStart: '2099-12-10', periodEnd: '2099-12-01' }),
        'NOTICE_PERIOD_INVALID',
      )
      refused(
        await create(financeDraft({ lines: [{ kind: 'income', item: '租金', amountFen: 1.5 }] })),
        'VALIDATION_FAILED',
      )
    })

    it('keeps a draft away from residents and lets the committee edit it', async () => {
      refused(await get(`${base()}/notices/${id}`, resident), 'NOT_FOUND')
      refused(await get(`/api/public/notices/${id}`), 'NOT_FOUND')
      refused(await create(financeDraft(), resident), 'FORBIDDEN')
      const edited = await t.request({
        method: 'PUT',
        url: `${base()}/notices/${id}`,
        token: committee,
        body: financeDraft({ title: '2026年10月财务收支公开', attachmentIds: [] }),
      })
      expect(edited.status).toBe(200)
      expect(edited.body.title).toBe('2026年10月财务收支公开')
    })

    it('publishes version 1 with its hash, notifies the village and shows it unread in the feed', async () => {
      const res = await publish(id)
      expect(res.status).toBe(200)
      const today = beijingDate(new Date())
      expect(res.body).toMatchObject({
        state: 'published',
        version: 1,
        periodStart: today,
        periodEnd: addIsoDays(today, 6),
        objectionsOpen: true,
        publicPath: `/api/public/notices/${id}`,
      })
      expect(res.body.versions).toHaveLength(1)
      expect(res.body.versions[0].contentHash).toMatch(/^[0-9a-f]{64}$/)
      refused(await publish(id), 'NOTICE_ALREADY_PUBLISHED')

      expect(
        (await inbox(resident)).some((n) => n.kind === 'notice.published' && n.body.includes('财务收支')),
      ).toBe(true)
      const feed = await get(`${base()}/notices?category=finance`, resident)
      expect(feed.status).toBe(200)
      expect(feed.body.items.find((n: { id: number }) => n.id === id)).toMatchObject({
        unread: true,
        version: 1,
      })
      expect(
        (await get(`${base()}/notices/unread`, resident)).body.byCategory.finance,
      ).toBeGreaterThanOrEqual(1)
      await detail(id, resident)
      const after = await get(`${base()}/notices?category=finance`, resident)
      expect(after.body.items.find((n: { id: number }) => n.id === id).unread).toBe(false)
      const search = await get(`${base()}/notices?q=${encodeURIComponent('收支')}`, resident)
      expect(search.body.items.map((n: { id: number }) => n.id)).toContain(id)
      const none = await get(`${base()}/notices?q=${encodeURIComponent('没有这种公告%_')}`, resident)
      expect(none.body).toMatchObject({ items: [], total: 0 })
    })

    it('refuses to edit a published version in place', async () => {
      const res = await t.request({
        method: 'PUT',
        url: `${base()}/notices/${id}`,
        token: committee,
        body: financeDraft(),
      })
      refused(res, 'NOTICE_PUBLISHED_IMMUTABLE')
    })

    it('lets anyone read it at the public URL without logging in', async () => {
      const res = await get(`/api/public/notices/${id}`)
      expect(res.status).toBe(200)
      const view: PublicNoticeView = res.body
      expect(view).toMatchObject({ id, villageName: '柳林村', category: 'finance', state: 'published' })
      expect(view.versions[0]!.lines).toHaveLength(3)
      refused(await get('/api/public/notices/999999'), 'NOT_FOUND')
    })

    it('takes an objection with a photo during the period and tells the committee', async () => {
      const { payload, headers } = multipart('file', 'p.png', png(4, 4), 'image/png')
      const photo = await t.request({
        method: 'POST',
        url: `${base()}/uploads`,
        token: resident,
        payload,
        headers,
      })
      const res = await post(`${base()}/notices/${id}/objections`, resident, {
        text: '村道修缮的支出比去年多了不少，请说明。',
        photoIds: [photo.body.id],
      })
      expect(res.status).toBe(201)
      objection = res.body
      expect(objection).toMatchObject({ state: 'submitted', mine: true, overdue: false })
      expect(new Date(objection.dueAt).getTime() - new Date(objection.submittedAt).getTime()).toBe(15 * DAY)
      expect((await inbox(committee)).some((n) => n.kind === 'notice.objection')).toBe(true)
      // another resident sees only their own objections, the committee all of them
      expect((await get(`${base()}/notices/${id}/objections`, neighbour)).body).toEqual([])
      const all = (await get(`${base()}/notices/${id}/objections`, committee)).body
      expect(all[0]).toMatchObject({ id: objection.id, objectorName: '王秀英' })
    })

    it('refuses a reply by a role that may not, and an objector accepting before any answer', async () => {
      const url = `${base()}/notice-objections/${objection.id}/answer`
      refused(await post(url, supervisor, { text: '我来答复' }), 'NOTICE_REPLY_NOT_ALLOWED')
      refused(await post(url, resident, { text: '我来答复' }), 'NOTICE_REPLY_NOT_ALLOWED')
      refused(
        await post(`${base()}/notice-objections/${objection.id}/accept`, resident),
        'OBJECTION_NOT_ANSWERED',
      )
      refused(
        await post(`${base()}/notice-objections/${objection.id}/escalate`, resident, { reason: '太慢' }),
        'OBJECTION_NOT_ANSWERED',
      )
    })

    it('lets the committee answer once, tells the objector, and the objector take it to the township', async () => {
      const url = `${base()}/notice-objections/${objection.id}/answer`
      const answered = await post(url, committee, { text: '今年修缮了两段路，明细见附件。' })
      expect(answered.status).toBe(200)
      expect(answered.body).toMatchObject({ state: 'answered', answeredByName: '张丽' })
      refused(await post(url, committee, { text: '再答一次' }), 'OBJECTION_ALREADY_ANSWERED')
      expect((await inbox(resident)).some((n) => n.kind === 'notice.objection_answered')).toBe(true)
      refused(
        await post(`${base()}/notice-objections/${objection.id}/escalate`, neighbour, { reason: '不满意' }),
        'OBJECTION_NOT_YOURS',
      )
      const up = await post(`${base()}/notice-objections/${objection.id}/escalate`, resident, {
        reason: '答复没有说清楚每一段的费用',
      })
      expect(up.body.state).toBe('escalated')
      expect((await inbox(township)).some((n) => n.kind === 'notice.objection_escalated')).toBe(true)

      const list = await get(`/api/townships/${ids.township}/notice-objections?scope=escalated`, township)
      expect(list.status).toBe(200)
      expect(list.body.items.map((o: ObjectionView) => o.id)).toContain(objection.id)
      const answer = await post(
        `/api/townships/${ids.township}/notice-objections/${objection.id}/answer`,
        township,
        {
          text: '已请村委会在村务公开栏补充分段明细。',
        },
      )
      expect(answer.body).toMatchObject({ state: 'township_answered' })
      // 我的异议: the objector sees it with the township's answer; a neighbour does not
      const mine = await get(`${base()}/notice-objections/mine`, resident)
      expect(mine.status).toBe(200)
      expect(mine.body.items.find((o: ObjectionView) => o.id === objection.id)).toMatchObject({
        state: 'township_answered',
      })
      expect(
        (await get(`${base()}/notice-objections/mine`, neighbour)).body.items.map((o: ObjectionView) => o.id),
      ).not.toContain(objection.id)
      refused(
        await post(`/api/townships/${ids.township}/notice-objections/${objection.id}/answer`, township, {
          text: '再答',
        }),
        'OBJECTION_NOT_ESCALATED',
      )
    })

    it('publishes a correction as version 2 with its reason; the public view keeps both', async () => {
      refused(
        await post(`${base()}/notices/${id}/corrections`, committee, { ...financeDraft(), reason: ' ' }),
        'VALIDATION_FAILED',
      )
      refused(
        await post(`${base()}/notices/${id}/corrections`, committee, {
          ...financeDraft({ totals: { totalIncomeFen: 1, totalExpenseFen: 830_001 } }),
          reason: '补充',
        }),
        'NOTICE_FINANCE_TOTALS_MISMATCH',
      )
      const sheet = await attach(committee, '明细.xlsx', await xlsxFile([{ 户号: '分段明细' }]))
      const res = await post(`${base()}/notices/${id}/corrections`, committee, {
        ...financeDraft({
          attachmentIds: [sheet.body.id],
          lines: [
            { kind: 'income', item: '土地租金', amountFen: 1_200_000 },
            { kind: 'income', item: '上级补助', amountFen: 50_050 },
            { kind: 'expense', item: '村道修缮（一组段）', amountFen: 500_001 },
            { kind: 'expense', item: '村道修缮（二组段）', amountFen: 330_000 },
          ],
        }),
        reason: '按村民意见分段列出村道修缮费用',
      })
      expect(res.status).toBe(200)
      expect(res.body.version).toBe(2)
      const pub: PublicNoticeView = (await get(`/api/public/notices/${id}`)).body
      expect(pub.versions.map((v) => [v.version, v.reason])).toEqual([
        [2, '按村民意见分段列出村道修缮费用'],
        [1, null],
      ])
      expect(pub.versions[0]!.contentHash).not.toBe(pub.versions[1]!.contentHash)
      expect(pub.versions[1]!.lines).toHaveLength(3)
      expect(pub.versions[0]!.attachments.map((a) => a.fileId)).toEqual([sheet.body.id])
      expect(pub.versions[1]!.attachments).toEqual([])
      // a resident reads the published attachment, not the one dropped from the draft
      expect((await get(`/api/files/${sheet.body.id}`, resident)).status).toBe(200)
      refused(await get(`/api/files/${droppedFileId}`, resident), 'NOT_FOUND')
      expect((await get(`/api/files/${droppedFileId}`, committee)).status).toBe(200)
      // a correction is news again
      const feed = await get(`${base()}/notices?unread=true`, resident)
      expect(feed.body.items.map((n: { id: number }) => n.id)).toContain(id)
      expect((await inbox(resident)).some((n) => n.kind === 'notice.corrected')).toBe(true)
    })

    it('catches a published version altered with raw SQL in the audit verifier', async () => {
      expect(await verifyOverHttp(t, admin)).toMatchObject({ ok: true })
      const [row] = await t.ds.query(
        `SELECT id, body FROM notice_version WHERE noticeId = ? AND version = 1`,
        [id],
      )
      await t.ds.query(`UPDATE notice_version SET body = ? WHERE id = ?`, ['本月没有支出。', row.id])
      try {
        const found = await verifyOverHttp(t, admin)
        expect(found.ok).toBe(false)
        expect(found.problem).toContain(`第 ${id} 号公告的第 1 版`)
        // the command-line check (pnpm --filter server audit:verify) catches it too
        expect(await verifyChain(t.ds)).toEqual(found)
        const integrity = await get(`/api/townships/${ids.township}/notice-integrity`, township)
        expect(integrity.body).toMatchObject({ ok: false, mismatches: [{ noticeId: id, version: 1 }] })
        // rewriting the row's own hash does not help: the chain recorded the original
        const [{ contentHash }] = await t.ds.query(`SELECT contentHash FROM notice_version WHERE id = ?`, [
          row.id,
        ])
        await t.ds.query(`UPDATE notice_version SET contentHash = ? WHERE id = ?`, ['0'.repeat(64), row.id])
        expect((await verifyOverHttp(t, admin)).ok).toBe(false)
        await t.ds.query(`UPDATE notice_version SET contentHash = ? WHERE id = ?`, [contentHash, row.id])
      } finally {
        await t.ds.query(`UPDATE notice_version SET body = ? WHERE id = ?`, [row.body, row.id])
      }
      expect(await verifyOverHttp(t, admin)).toMatchObject({ ok: true })
      expect((await get(`/api/townships/${ids.township}/notice-integrity`, township)).body.ok).toBe(true)
    })
  })

  describe('the publicity period', () => {
    it('refuses an objection after the period; the archived notice stays public', async () => {
      const n = await published({ title: '一组道路硬化方案公示' })
      const past = addIsoDays(beijingDate(new Date()), -10)
      await t.ds
        .getRepository(PublicNotice)
        .update({ id: n.id }, { periodStart: past, periodEnd: addIsoDays(past, 6) })
      refused(
        await post(`${base()}/notices/${n.id}/objections`, resident, { text: '有意见' }),
        'NOTICE_PERIOD_ENDED',
      )
      expect((await detail(n.id, resident)).state).toBe('ended')
      expect(await t.app.get(NoticePeriodEnd).endExpired()).toBeGreaterThanOrEqual(1)
      expect((await t.ds.getRepository(PublicNotice).findOneByOrFail({ id: n.id })).state).toBe('ended')
      const pub = await get(`/api/public/notices/${n.id}`)
      expect(pub.body).toMatchObject({ state: 'ended', title: '一组道路硬化方案公示' })
      const archived = await get(`${base()}/notices/manage?state=ended`, committee)
      expect(archived.body.items.map((x: { id: number }) => x.id)).toContain(n.id)
    })

    it('refuses an objection before the period starts', async () => {
      const c = await create({
        category: 'village',
        title: '下月公示',
        periodStart: addIsoDays(beijingDate(new Date()), 3),
        periodEnd: addIsoDays(beijingDate(new Date()), 9),
      })
      await publish(c.body.id)
      refused(
        await post(`${base()}/notices/${c.body.id}/objections`, resident, { text: '有意见' }),
        'NOTICE_PERIOD_NOT_STARTED',
      )
    })

    it('flags an objection unanswered past its limit for the committee and the township', async () => {
      const n = await published({ title: '低保评议结果公示' })
      const o = await post(`${base()}/notices/${n.id}/objections`, neighbour, { text: '名单有误' })
      await t.ds
        .getRepository(NoticeObjection)
        .update({ id: o.body.id }, { dueAt: new Date(Date.now() - DAY) })
      const queue = await get(`${base()}/notice-objections?overdue=true`, committee)
      expect(queue.body.items.find((x: ObjectionView) => x.id === o.body.id)).toMatchObject({ overdue: true })
      const overdue = await get(`/api/townships/${ids.township}/notice-objections?scope=overdue`, township)
      expect(overdue.body.items.map((x: ObjectionView) => x.id)).toContain(o.body.id)
      // the objector may take an overdue objection to the township without waiting for an answer
      const up = await post(`${base()}/notice-objections/${o.body.id}/escalate`, neighbour, {
        reason: '超过 15 天没有答复',
      })
      expect(up.body.state).toBe('escalated')
    })
  })

  describe('supervision review, when the village asks for it', () => {
    beforeAll(async () => {
      const org = await t.ds.getRepository(Org).findOneByOrFail({ id: ids.village })
      await t.ds.getRepository(Org).update(
        { id: ids.village },
        {
          settings: { ...org.settings!, publicity: { ...org.settings!.publicity, supervisionReview: true } },
        },
      )
    })
    afterAll(async () => {
      const org = await t.ds.getRepository(Org).findOneByOrFail({ id: ids.village })
      await t.ds.getRepository(Org).update(
        { id: ids.village },
        {
          settings: { ...org.settings!, publicity: { ...org.settings!.publicity, supervisionReview: false } },
        },
      )
    })

    it('goes through the supervision committee: returned, edited, approved with an opinion, published', async () => {
      const c = await create({ category: 'party', title: '党员发展对象公示', body: '拟发展对象：……' })
      refused(await publish(c.body.id), 'NOTICE_REVIEW_REQUIRED')
      refused(
        await post(`${base()}/notices/${c.body.id}/review`, supervisor, { decision: 'approve' }),
        'NOTICE_NOT_IN_REVIEW',
      )
      expect((await post(`${base()}/notices/${c.body.id}/submit`, committee)).body.state).toBe('in_review')
      expect((await inbox(supervisor)).some((n) => n.kind === 'notice.review')).toBe(true)
      refused(
        await t.request({
          method: 'PUT',
          url: `${base()}/notices/${c.body.id}`,
          token: committee,
          body: { category: 'party', title: 'x' },
        }),
        'NOTICE_IN_REVIEW',
      )
      refused(
        await post(`${base()}/notices/${c.body.id}/review`, committee, { decision: 'approve' }),
        'FORBIDDEN',
      )
      refused(
        await post(`${base()}/notices/${c.body.id}/review`, supervisor, { decision: 'return' }),
        'VALIDATION_FAILED',
      )
      const back = await post(`${base()}/notices/${c.body.id}/review`, supervisor, {
        decision: 'return',
        opinion: '请写明公示期和联系人',
      })
      expect(back.body).toMatchObject({ state: 'returned', returnReason: '请写明公示期和联系人' })
      await t.request({
        method: 'PUT',
        url: `${base()}/notices/${c.body.id}`,
        token: committee,
        body: { category: 'party', title: '党员发展对象公示', body: '联系人：李建华' },
      })
      await post(`${base()}/notices/${c.body.id}/submit`, committee)
      const ok = await post(`${base()}/notices/${c.body.id}/review`, supervisor, {
        decision: 'approve',
        opinion: '内容属实，同意公示。',
      })
      expect(ok.body).toMatchObject({ state: 'approved', supervisionOpinion: '内容属实，同意公示。' })
      expect((await publish(c.body.id)).body.state).toBe('published')
    })

    it('takes the supervision committee’s opinion on a published notice once', async () => {
      const c = await create({ category: 'village', title: '集体资产出租结果' })
      await post(`${base()}/notices/${c.body.id}/submit`, committee)
      await post(`${base()}/notices/${c.body.id}/review`, supervisor, { decision: 'approve' })
      await publish(c.body.id)
      const res = await post(`${base()}/notices/${c.body.id}/opinion`, supervisor, {
        opinion: '已核对合同。',
      })
      expect(res.body.supervisionOpinion).toBe('已核对合同。')
      refused(
        await post(`${base()}/notices/${c.body.id}/opinion`, supervisor, { opinion: '再说一次' }),
        'NOTICE_OPINION_GIVEN',
      )
    })
  })

  describe('per-household acknowledgement', () => {
    it('takes one acknowledgement per household, even when two members press at once', async () => {
      const n = await published({ category: 'other', title: '关于召开村民会议的通知', requiresAck: true })
      // 王小军 lives in 王秀英's household (002)
      const other = await addAccount(t, { displayName: '王小军' })
      await addResident(t, {
        villageId: ids.village,
        name: '王小军',
        householdCode: '002',
        accountId: other.id,
      })
      const results = await Promise.all(
        [resident, other.token, resident, other.token, resident].map((tok) =>
          post(`${base()}/notices/${n.id}/ack`, tok),
        ),
      )
      expect(results.filter((r) => r.status === 200)).toHaveLength(1)
      for (const r of results.filter((x) => x.status !== 200)) refused(r, 'NOTICE_ALREADY_ACKNOWLEDGED')
      expect((await detail(n.id, resident)).acknowledgedByMyHousehold).toBe(true)
      const report = await get(`${base()}/notices/${n.id}/acks`, committee)
      expect(report.status).toBe(200)
      expect(report.body.acknowledged.map((x: { householdCode: string }) => x.householdCode)).toEqual(['002'])
      expect(report.body.missing.length).toBe(report.body.totalHouseholds - 1)
      expect(report.body.missing.map((x: { householdCode: string }) => x.householdCode)).toContain('001')
      refused(await get(`${base()}/notices/${n.id}/acks`, resident), 'FORBIDDEN')
      const plain = await published({ title: '不需要确认的公告' })
      refused(await post(`${base()}/notices/${plain.id}/ack`, resident), 'NOTICE_ACK_NOT_REQUESTED')
    })
  })

  describe('the publication calendar (Art 30)', () => {
    it('shows the committee what is due and overdue, and the township compliance across its villages', async () => {
      const settings = await t.request({
        method: 'PUT',
        url: `${base()}/notice-settings`,
        token: committee,
        body: { financeCadence: 'monthly', graceDays: 10, majorDays: 3, calendarFrom: '2026-01-01' },
      })
      expect(settings.status).toBe(200)
      const now = new Date()
      const cal = await get(`${base()}/notice-calendar`, committee)
      expect(cal.status).toBe(200)
      const item = (obligation: string, period: string) =>
        cal.body.items.find(
          (i: { obligation: string; period: string }) => i.obligation === obligation && i.period === period,
        )
      // 2026-Q1 was due on 10 April: no 村务 notice then
      expect(item('village', '2026-Q1')).toMatchObject({ status: 'overdue', noticeId: null })
      // October's finance notice was published above (late: due 10 November)
      if (now.getTime() > Date.parse('2026-11-10T16:00:00Z') && beijingDate(now) < '2026-12-11')
        expect(item('finance', '2026-10')).toMatchObject({ status: 'met', late: true })
      expect(cal.body.overdue).toBeGreaterThan(0)
      const tw = await get(`/api/townships/${ids.township}/notice-calendar`, township)
      expect(tw.status).toBe(200)
      const liulin = tw.body.villages.find((v: { villageId: number }) => v.villageId === ids.village)
      expect(liulin).toMatchObject({ villageName: '柳林村', overdue: cal.body.overdue })
      expect(liulin.overdueObjections).toBeGreaterThanOrEqual(0)
      refused(await get(`${base()}/notice-calendar`, resident), 'FORBIDDEN')
      // leaving calendarFrom out keeps it
      const quarterly = await t.request({
        method: 'PUT',
        url: `${base()}/notice-settings`,
        token: committee,
        body: { financeCadence: 'quarterly', graceDays: 15, majorDays: 3 },
      })
      expect(quarterly.body).toEqual({
        financeCadence: 'quarterly',
        graceDays: 15,
        majorDays: 3,
        calendarFrom: '2026-01-01',
      })
      const byQuarter = (await get(`${base()}/notice-calendar`, supervisor)).body.items
      expect(
        byQuarter
          .filter((i: { obligation: string }) => i.obligation === 'finance')
          .map((i: { period: string }) => i.period)[0],
      ).toBe('2026-Q1')
      refused(
        await t.request({
          method: 'PUT',
          url: `${base()}/notice-settings`,
          token: committee,
          body: { financeCadence: 'weekly', graceDays: 10, majorDays: 3, calendarFrom: '2026-01-01' },
        }),
        'VALIDATION_FAILED',
      )
    })

    it('counts a major draft left unpublished as due, and overdue after its days', async () => {
      const c = await create({ category: 'village', title: '征地补偿方案', major: true })
      const cal = async () =>
        (await get(`${base()}/notice-calendar`, committee)).body.items.find(
          (i: { noticeId: number; obligation: string }) =>
            i.obligation === 'major' && i.noticeId === c.body.id,
        )
      expect((await cal()).status).toBe('due')
      await t.ds
        .getRepository(PublicNotice)
        .update({ id: c.body.id }, { createdAt: new Date(Date.now() - 4 * DAY) })
      expect((await cal()).status).toBe('overdue')
      await publish(c.body.id)
      expect(await cal()).toBeUndefined()
    })
  })

  describe('boundaries', () => {
    it('answers 404 for a notice of another village', async () => {
      const tx = t.app.get(TxService)
      const n = await tx.run((m) =>
        t.app.get(NoticesService).publishForDeliberation(m, {
          villageId: ids.community,
          category: 'resolution',
          title: '新华社区决议公开',
          body: '决议内容',
          deliberationId: 999999,
          resolutionNoticeId: null,
          actor: SYSTEM_ACTOR,
          publishedByAccountId: null,
        }),
      )
      refused(await get(`${base()}/notices/${n.id}`, committee), 'NOT_FOUND')
      refused(await post(`${base()}/notices/${n.id}/objections`, resident, { text: '异议' }), 'NOT_FOUND')
      refused(
        await post(`${base()}/notices/${n.id}/corrections`, committee, {
          category: 'resolution',
          title: 'x',
          reason: 'y',
        }),
        'NOT_FOUND',
      )
      expect(
        (await get(`${base()}/notices?pageSize=100`, resident)).body.items.map((x: { id: number }) => x.id),
      ).not.toContain(n.id)
      // it is public all the same, with its first version
      const pub = await get(`/api/public/notices/${n.id}`)
      expect(pub.body).toMatchObject({ villageName: '新华社区', versions: [{ version: 1, reason: null }] })
    })

    it('shows a group notice in that group’s feed only; the committee sees it all the same', async () => {
      const [group] = await t.ds.query(`SELECT id FROM org WHERE name = ? AND parentId = ?`, [
        '二组',
        ids.village,
      ])
      refused(
        await create({
          category: 'village',
          title: '外村的组',
          audience: { kind: 'group', groupId: ids.township },
        }),
        'NOTICE_AUDIENCE_INVALID',
      )
      // the village's groups are listed with the village, for the audience picker
      const village = await get(`/api/villages/${ids.village}`, committee)
      expect(village.body.groups).toContainEqual({ id: Number(group.id), name: '二组' })
      const n = await published({ title: '二组水渠清淤安排', audience: { kind: 'group', groupId: group.id } })
      const feed = (tok: string) => get(`${base()}/notices?pageSize=100`, tok)
      expect((await feed(resident)).body.items.map((x: { id: number }) => x.id)).not.toContain(n.id)
      expect((await feed(committee)).body.items.map((x: { id: number }) => x.id)).toContain(n.id)
      expect(
        (await get(`${base()}/notices/manage?pageSize=100`, committee)).body.items.map(
          (x: { id: number }) => x.id,
        ),
      ).toContain(n.id)
    })

    it('stores the longest finance notice the schema allows, and refuses one line more', async () => {
      const line = (i: number) => ({
        kind: i % 2 ? 'income' : 'expense',
        item: '修'.repeat(39) + String(i % 10),
        amountFen: 99_999_999_999,
        note: '注'.repeat(60),
      })
      const lines = Array.from({ length: 100 }, (_, i) => line(i))
      const totals = { totalIncomeFen: 50 * 99_999_999_999, totalExpenseFen: 50 * 99_999_999_999 }
      const body = '正'.repeat(20_000)
      const n = await published(financeDraft({ lines, totals, body, coversPeriod: '2026-Q3' }))
      const v = (await get(`/api/public/notices/${n.id}`)).body.versions[0]
      expect(v.lines).toHaveLength(100)
      expect(v.lines[99]).toEqual(line(99))
      expect(v.body).toBe(body)
      refused(await create(financeDraft({ lines: [...lines, line(100)], totals })), 'VALIDATION_FAILED')
    })

    it('pages the feed with pinned notices first', async () => {
      const n = await published({ title: '置顶的公告' })
      expect((await post(`${base()}/notices/${n.id}/pin`, committee, { pinned: true })).body.pinned).toBe(
        true,
      )
      const page1 = await get(`${base()}/notices?pageSize=2&page=1`, resident)
      expect(page1.body.items[0].id).toBe(n.id)
      expect(page1.body.items).toHaveLength(2)
      const page2 = await get(`${base()}/notices?pageSize=2&page=2`, resident)
      expect(page2.body.items.map((x: { id: number }) => x.id)).not.toContain(n.id)
      expect(page1.body.total).toBe(page2.body.total)
      refused(await get(`${base()}/notices?pageSize=1000`, resident), 'VALIDATION_FAILED')
    })
  })
})

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type {
  CertificateRequestView,
  GrievanceView,
  NotificationView,
  ObjectionView,
  ProxyCandidate,
  VillageView,
} from '@xiangli/shared'
import { digest } from '../../src/core/audit/audit.service'
import { Grievance } from '../../src/modules/grievances/entities/grievance.entity'
import { Resident } from '../../src/modules/roster/entities/resident.entity'
import { DIALECT, multipart, startTestApp, villageIds, type TestApp } from '../support/app'
import { addAccount, addResident, tokenFor } from '../support/factories'
import { expectError } from '../support/http'
import { png } from '../support/images'

const RESIDENCE = { address: '一组 3 号', residentSince: '1988-05-01', tenure: '自有住房' }

describe(`代办 (acting for a resident) on ${DIALECT}`, () => {
  let t: TestApp
  let work: string
  let ids: { village: number; community: number; township: number }
  /** 张丽, committee member of 柳林村 */
  let committee: string
  let committeeAccount: number
  /** 李建华, party secretary of 柳林村 */
  let secretary: string
  /** 王秀英, resident of 柳林村, household 002 */
  let resident: string
  /** 刘长青, representative of 柳林村, another household */
  let representative: string
  /** 赵国强, supervision committee: no capability to act for residents */
  let supervisor: string
  /** 曹丽娟's 新华社区's committee member: staff of another village */
  let otherCommittee: string
  /** 王德福, 王秀英's household head, who has never logged in */
  let elder: Resident
  /** 王小军, of 王秀英's household, given an account below to act as a relative */
  let relative: string
  /** a resident of 新华社区 */
  let stranger: Resident
  let notice: number

  const V = () => `/api/villages/${ids.village}`
  const post = (url: string, token: string, body: unknown = {}) =>
    t.request({ method: 'POST', url, token, body })
  const get = (url: string, token: string) => t.request({ method: 'GET', url, token })
  const onDevice = (name: string) => ({ kind: 'on_device', typedName: name, agreed: true })
  const issue = (over: Record<string, unknown> = {}) => ({
    category: '环境卫生',
    title: '门口的路灯不亮了',
    text: '一组 3 号门口的路灯坏了半个月，晚上出门看不见路。',
    visibility: 'committee',
    ...over,
  })
  const photo = async (token: string): Promise<number> => {
    const res = await t.request({
      method: 'POST',
      url: `${V()}/uploads`,
      token,
      ...multipart('file', 'form.png', png(6, 8), 'image/png'),
    })
    expect(res.status).toBe(201)
    return res.body.id
  }
  const audit = async (targetType: string, id: number) =>
    (await t.ds.query(
      `SELECT action, actorAccountId, actorName, actorRole, afterDigest FROM audit_entry WHERE targetType = ? AND targetId = ? ORDER BY seq`,
      [targetType, String(id)],
    )) as {
      action: string
      actorAccountId: number | string
      actorName: string
      actorRole: string
      afterDigest: string
    }[]
  const inbox = async (token: string): Promise<NotificationView[]> =>
    (await get('/api/inbox?pageSize=100', token)).body.items
  const setFamily = async (on: boolean) => {
    const view: VillageView = (await get(V(), secretary)).body
    const res = await t.request({
      method: 'PUT',
      url: `${V()}/settings`,
      token: secretary,
      body: { ...view.settings, proxy: { familyMembers: on } },
    })
    expect(res.status).toBe(200)
  }

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'xiangli-proxy-'))
    t = await startTestApp({ UPLOAD_DIR: join(work, 'uploads') })
    ids = await villageIds(t.ds)
    ;[committee, secretary, resident, representative, supervisor, otherCommittee] = await Promise.all(
      ['committee', 'secretary', 'resident', 'representative', 'supervisor', 'community_committee'].map((k) =>
        t.login(k),
      ),
    )
    committeeAccount = (await get('/api/me', committee)).body.accountId
    const people = t.ds.getRepository(Resident)
    elder = await people.findOneByOrFail({ name: '王德福' })
    expect(elder.accountId).toBeNull()
    const xiaojun = await people.findOneByOrFail({ name: '王小军' })
    const account = await addAccount(t, { displayName: '王小军' })
    await people.update({ id: xiaojun.id }, { accountId: account.id })
    relative = await tokenFor(t, account.id)
    stranger = await addResident(t, { villageId: ids.community, name: '孙外村' })
    const draft = await post(`${V()}/notices`, committee, {
      category: 'village',
      title: '道路硬化公示',
      body: '二组道路硬化工程的招标结果。',
    })
    expect(draft.status).toBe(201)
    const published = await post(`${V()}/notices/${draft.body.id}/publish`, committee, {})
    expect(published.status).toBe(200)
    notice = draft.body.id
  })
  afterAll(async () => {
    await t.close()
    rmSync(work, { recursive: true, force: true })
  })

  describe('the roster picker', () => {
    it('finds residents of the village by name or the last digits of their phone, never the caller', async () => {
      const byName = await get(`${V()}/proxy/residents?q=${encodeURIComponent('王德')}`, committee)
      expect(byName.status).toBe(200)
      const hit = (byName.body as ProxyCandidate[]).find((c) => c.residentId === elder.id)
      expect(hit).toEqual({
        residentId: elder.id,
        name: '王德福',
        phoneMasked: elder.phoneMasked,
        birthYear: '1962',
        householdCode: '002',
      })
      const tail = elder.phoneMasked!.slice(-4)
      const byPhone = (await get(`${V()}/proxy/residents?q=${tail}`, committee)).body as ProxyCandidate[]
      expect(byPhone.map((c) => c.residentId)).toContain(elder.id)
      expect(byPhone.every((c) => c.phoneMasked?.endsWith(tail))).toBe(true)
      const all = (await get(`${V()}/proxy/residents?q=${encodeURIComponent('张丽')}`, committee)).body
      expect(all).toEqual([])
    })

    it('has nothing for anyone without the capability while the village does not allow relatives to act', async () => {
      expectError(await get(`${V()}/proxy/residents`, supervisor), 'PROXY_FAMILY_NOT_ALLOWED')
      expectError(await get(`${V()}/proxy/residents`, relative), 'PROXY_FAMILY_NOT_ALLOWED')
    })
  })

  describe('an issue raised for a resident who has never logged in', () => {
    let id: number

    it('is refused without the resident’s consent, in plain words', async () => {
      const none = await post(`${V()}/grievances`, committee, issue({ onBehalf: { residentId: elder.id } }))
      expectError(none, 'PROXY_CONSENT_MISSING')
      expect(none.body.message).toContain('本人同意')
      const unticked = await post(
        `${V()}/grievances`,
        committee,
        issue({
          onBehalf: {
            residentId: elder.id,
            consent: { kind: 'on_device', typedName: '王德福', agreed: false },
          },
        }),
      )
      expectError(unticked, 'PROXY_CONSENT_MISSING')
      const wrongName = await post(
        `${V()}/grievances`,
        committee,
        issue({ onBehalf: { residentId: elder.id, consent: onDevice('王德') } }),
      )
      expectError(wrongName, 'PROXY_CONSENT_NAME_MISMATCH')
    })

    it('is theirs, names the committee member who acted, and keeps the consent typed on the phone', async () => {
      const res = await post(
        `${V()}/grievances`,
        committee,
        issue({ onBehalf: { residentId: elder.id, consent: onDevice('王德福') } }),
      )
      expect(res.status).toBe(201)
      const g: GrievanceView = res.body
      id = g.id
      expect(g).toMatchObject({ raiserName: '王德福', mine: false, state: 'submitted' })
      expect(g.proxy).toEqual({
        name: '张丽',
        as: '村委委员',
        consent: 'on_device',
        consentAt: expect.any(String),
      })
      expect(g.timeline[0]).toMatchObject({
        actorName: '张丽',
        actorRole: 'committee_member',
        action: 'submitted',
      })
      expect(g.timeline[0]!.text).toContain('代办人：张丽（村委委员）')
      // not the committee member's own item
      const theirs = (await get(`${V()}/grievances/mine`, committee)).body.items.map(
        (x: { id: number }) => x.id,
      )
      expect(theirs).not.toContain(id)
    })

    it('writes who acted for whom, with the consent, to the audit trail', async () => {
      const rows = await audit('grievance', id)
      expect(rows.map((r) => r.action)).toEqual(['grievance.submitted', 'proxy.filed'])
      expect(rows.every((r) => Number(r.actorAccountId) === committeeAccount)).toBe(true)
      expect(rows[1]).toMatchObject({ actorName: '张丽', actorRole: 'committee_member' })
      // the chain vouches for the consent the item keeps
      const kept = await t.ds.getRepository(Grievance).findOneByOrFail({ id })
      expect(kept.proxy!.consent).toMatchObject({ kind: 'on_device', typedName: '王德福', photoId: null })
      expect(rows[1]!.afterDigest).toBe(
        digest({
          kind: 'grievance',
          residentId: elder.id,
          residentName: '王德福',
          as: '村委委员',
          standing: 'role',
          consent: kept.proxy!.consent,
        }),
      )
    })

    it('shows in the resident’s own list once they log in, and they rate the answer and are told of it', async () => {
      const account = await addAccount(t, { displayName: '王德福' })
      await t.ds.getRepository(Resident).update({ id: elder.id }, { accountId: account.id })
      const elderToken = await tokenFor(t, account.id)
      const mine = (await get(`${V()}/grievances/mine`, elderToken)).body.items
      expect(mine.map((x: { id: number }) => x.id)).toContain(id)
      const seen: GrievanceView = (await get(`${V()}/grievances/${id}`, elderToken)).body
      expect(seen).toMatchObject({ mine: true, proxy: { name: '张丽', as: '村委委员' } })
      expect((await post(`${V()}/grievances/${id}/accept`, secretary)).status).toBe(200)
      expect(
        (await post(`${V()}/grievances/${id}/answer`, secretary, { text: '路灯已经换好了。' })).status,
      ).toBe(200)
      const told = await inbox(elderToken)
      expect(told.some((n) => n.title.includes('答复'))).toBe(true)
      const rated = await post(`${V()}/grievances/${id}/rate`, elderToken, { rating: 5 })
      expect(rated.status).toBe(200)
      expect(rated.body).toMatchObject({ state: 'closed', rating: 5 })
      // the committee member who acted cannot rate it for them
      expectError(await post(`${V()}/grievances/${id}/rate`, committee, { rating: 1 }), 'GRIEVANCE_NOT_YOURS')
    })
  })

  describe('who may act, for whom', () => {
    const consent = () => onDevice('王德福')

    it('refuses someone without the capability with 403', async () => {
      for (const token of [supervisor, representative])
        expectError(
          await post(
            `${V()}/grievances`,
            token,
            issue({ onBehalf: { residentId: elder.id, consent: consent() } }),
          ),
          'FORBIDDEN',
        )
    })

    it('refuses a resident of another village', async () => {
      const res = await post(
        `${V()}/grievances`,
        committee,
        issue({ onBehalf: { residentId: stranger.id, consent: onDevice('孙外村') } }),
      )
      expectError(res, 'PROXY_RESIDENT_NOT_FOUND')
      // nor may another village's staff act for this village's resident
      expectError(
        await post(
          `${V()}/grievances`,
          otherCommittee,
          issue({ onBehalf: { residentId: elder.id, consent: consent() } }),
        ),
        'OUT_OF_SCOPE',
      )
    })

    it('refuses acting for oneself through this path', async () => {
      const self = await t.ds.getRepository(Resident).findOneByOrFail({ name: '张丽' })
      expectError(
        await post(
          `${V()}/grievances`,
          committee,
          issue({ onBehalf: { residentId: self.id, consent: onDevice('张丽') } }),
        ),
        'PROXY_SELF',
      )
    })

    it('lets a household member act for a relative only where the village allows it', async () => {
      const body = issue({
        title: '家里老人反映的事',
        onBehalf: { residentId: elder.id, consent: consent() },
      })
      expectError(await post(`${V()}/grievances`, relative, body), 'PROXY_FAMILY_NOT_ALLOWED')
      await setFamily(true)
      try {
        const res = await post(`${V()}/grievances`, relative, body)
        expect(res.status).toBe(201)
        expect(res.body.proxy).toMatchObject({ name: '王小军', as: '家属' })
        // a relative of another household still may not
        expectError(
          await post(
            `${V()}/grievances`,
            representative,
            issue({ onBehalf: { residentId: elder.id, consent: consent() } }),
          ),
          'FORBIDDEN',
        )
        const picks = (await get(`${V()}/proxy/residents`, relative)).body as ProxyCandidate[]
        expect(picks.map((p) => p.name).sort()).toEqual(['王德福', '王秀英', '王雨'].sort())
      } finally {
        await setFamily(false)
      }
    })
  })

  describe('a certificate request applied for a resident with a signed paper form', () => {
    let id: number
    let form: number

    it('refuses a consent photo that is not the acting person’s upload', async () => {
      const someoneElses = await photo(resident)
      const res = await post(`${V()}/certificates/requests`, secretary, {
        itemCode: 'residence',
        purpose: '办理养老保险',
        fields: RESIDENCE,
        onBehalf: { residentId: elder.id, consent: { kind: 'paper', photoId: someoneElses } },
      })
      expectError(res, 'PROXY_CONSENT_PHOTO_INVALID')
    })

    it('is the resident’s request, shows the secretary as 代办人, and keeps the photo of the form', async () => {
      form = await photo(secretary)
      const res = await post(`${V()}/certificates/requests`, secretary, {
        itemCode: 'residence',
        purpose: '办理养老保险',
        fields: RESIDENCE,
        onBehalf: { residentId: elder.id, consent: { kind: 'paper', photoId: form } },
      })
      expect(res.status).toBe(201)
      const r: CertificateRequestView = res.body
      id = r.id
      expect(r).toMatchObject({
        applicantName: '王德福',
        proxy: { name: '李建华', as: '党组织书记', consent: 'paper' },
      })
      const rows = await audit('certificate_request', id)
      expect(rows.map((x) => x.action)).toEqual(['certificate.requested', 'proxy.filed'])
      expect(rows[1]).toMatchObject({ actorName: '李建华', actorRole: 'party_secretary' })
      // the form is read by the village's overseers, not by other residents
      expect((await get(`/api/files/${form}`, committee)).status).toBe(200)
      expect((await get(`/api/files/${form}`, representative)).status).toBe(404)
    })

    it('appears in the resident’s list, and the one who applied for them may not approve it', async () => {
      const elderToken = await tokenFor(
        t,
        (await t.ds.getRepository(Resident).findOneByOrFail({ id: elder.id })).accountId!,
      )
      const mine = (await get(`${V()}/certificates/requests/mine`, elderToken)).body.items
      expect(mine.map((x: { id: number }) => x.id)).toContain(id)
      expect((await get(`/api/files/${form}`, elderToken)).status).toBe(200)
      expectError(
        await post(`${V()}/certificates/requests/${id}/approve`, secretary),
        'CERTIFICATE_PROXY_OWN_FILING',
      )
    })
  })

  describe('an objection to a notice made for a resident', () => {
    it('is the resident’s objection, with the 代办人 line, and the resident is told', async () => {
      const res = await post(`${V()}/notices/${notice}/objections`, committee, {
        text: '招标结果没有写清楚中标价格，请说明。',
        onBehalf: { residentId: elder.id, consent: onDevice('王德福') },
      })
      expect(res.status).toBe(201)
      const o: ObjectionView = res.body
      expect(o).toMatchObject({
        objectorName: '王德福',
        mine: false,
        proxy: { name: '张丽', as: '村委委员' },
      })
      const rows = await audit('notice_objection', o.id)
      expect(rows.map((x) => x.action)).toEqual(['notice.objection_submitted', 'proxy.filed'])
      const elderToken = await tokenFor(
        t,
        (await t.ds.getRepository(Resident).findOneByOrFail({ id: elder.id })).accountId!,
      )
      const mine = (await get(`${V()}/notice-objections/mine`, elderToken)).body.items as ObjectionView[]
      expect(mine.find((x) => x.id === o.id)).toMatchObject({ mine: true })
      expect((await inbox(elderToken)).some((n) => n.title.includes('代办了对公告的异议'))).toBe(true)
      // and only the resident accepts the answer
      expect(
        (await post(`${V()}/notice-objections/${o.id}/answer`, secretary, { text: '中标价格为 38 万元。' }))
          .status,
      ).toBe(200)
      expectError(await post(`${V()}/notice-objections/${o.id}/accept`, committee), 'OBJECTION_NOT_YOURS')
      expect((await post(`${V()}/notice-objections/${o.id}/accept`, elderToken)).status).toBe(200)
    })

    it('is refused without consent', async () => {
      expectError(
        await post(`${V()}/notices/${notice}/objections`, committee, {
          text: '有疑问',
          onBehalf: { residentId: elder.id },
        }),
        'PROXY_CONSENT_MISSING',
      )
    })
  })
})

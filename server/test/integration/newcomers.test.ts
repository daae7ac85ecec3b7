import {
  beijingDate,
  type NewcomerApplicationView,
  type NotificationView,
  type PollSummary,
  type ResidentView,
} from '@xiangli/shared'
import { adultCutoff } from '../../src/modules/deliberations/adult'
import { Resident } from '../../src/modules/roster/entities/resident.entity'
import { DIALECT, multipart, startTestApp, villageIds, type TestApp } from '../support/app'
import { addAccount, addResident, agreeToIdNumber, idNumber, phoneFor, tokenFor } from '../support/factories'
import { expectError } from '../support/http'
import { png } from '../support/images'
import { serverNow } from '../support/meetings'
import { openVillagersMeeting } from '../support/villagers-meeting'

const DAY = 86_400_000

describe(`流动人口 / 非户籍居民 (newcomers) on ${DIALECT}`, () => {
  let t: TestApp
  let ids: { village: number; community: number }
  /** 张丽, committee member of 柳林村 */
  let committee: string
  /** 王秀英, a resident of 柳林村 */
  let resident: string
  /** 李建华, party secretary of 柳林村: the branch proposes */
  let secretary: string

  const get = (url: string, token: string) => t.request({ method: 'GET', url, token })
  const post = (url: string, token: string, body: unknown = {}) =>
    t.request({ method: 'POST', url, token, body })
  const put = (url: string, token: string, body: unknown) => t.request({ method: 'PUT', url, token, body })
  const daysAgo = (n: number) => beijingDate(new Date(serverNow(t).getTime() - n * DAY))
  const inbox = async (token: string): Promise<NotificationView[]> =>
    (await get('/api/inbox?pageSize=100', token)).body.items
  const queue = (village = ids.village) => `/api/villages/${village}/newcomer-applications`
  const residentUrl = (id: number, tail = '', village = ids.village) =>
    `/api/villages/${village}/residents/${id}${tail}`
  const rosterRow = (id: number) => t.ds.getRepository(Resident).findOneByOrFail({ id })
  const rosterView = async (id: number): Promise<ResidentView> => {
    const row = await rosterRow(id)
    const res = await get(
      `/api/villages/${row.villageId}/residents?householdId=${row.householdId}`,
      committee,
    )
    return res.body.items.find((r: ResidentView) => r.id === id)
  }

  const uploadProof = async (token: string, village = ids.village): Promise<number> => {
    const res = await t.request({
      method: 'POST',
      url: `/api/me/newcomer-proofs/${village}`,
      token,
      ...multipart('file', 'contract.png', png(6, 4), 'image/png'),
    })
    expect(res.status).toBe(201)
    return res.body.id
  }

  /** An account not on any roster, with an ID number and a fresh proof photo, ready to apply. */
  const applicant = async (village = ids.village, movedInOn = daysAgo(30)) => {
    const account = await addAccount(t)
    await agreeToIdNumber(t, account.token)
    const id = idNumber({ sex: 'male' })
    const body = {
      villageId: village,
      name: '马向阳',
      idNumber: id,
      phone: phoneFor(900 + account.id),
      address: '柳林村东街 8 号（租住）',
      movedInOn,
      proofFileIds: [await uploadProof(account.token, village)],
    }
    return { ...account, body }
  }
  const apply = (token: string, body: unknown) => post('/api/me/newcomer-applications', token, body)

  beforeAll(async () => {
    t = await startTestApp()
    ids = await villageIds(t.ds)
    committee = await t.login('committee')
    resident = await t.login('resident')
    secretary = await t.login('secretary')
  })
  afterAll(() => t?.close())

  it('the demo village has one application waiting for its committee, with the proof photo', async () => {
    const list = (await get(`${queue()}?state=pending`, committee)).body as NewcomerApplicationView[]
    expect(list.map((a) => [a.name, a.state, a.proofs.length])).toEqual([['孙悦', 'pending', 1]])
    expect((await get(list[0]!.proofs[0]!.url, committee)).status).toBe(200)
  })

  describe('applying and the decision', () => {
    let a: Awaited<ReturnType<typeof applicant>>
    let application: NewcomerApplicationView

    beforeAll(async () => {
      a = await applicant()
    })

    it('takes an application with a proof photo and tells the committee', async () => {
      const res = await apply(a.token, a.body)
      expect(res.status).toBe(201)
      application = res.body
      expect(application).toMatchObject({
        villageId: ids.village,
        villageName: '柳林村',
        name: '马向阳',
        state: 'pending',
        movedInOn: a.body.movedInOn,
        residentId: null,
        idNumber: a.body.idNumber.slice(0, 4) + '*'.repeat(10) + a.body.idNumber.slice(-4),
        proofs: [{ id: a.body.proofFileIds[0] }],
      })
      expect(application.proofs[0]!.url).toMatch(/^\/api\/files\/\d+\?exp=\d+&sig=/)
      expect(await inbox(committee)).toContainEqual(
        expect.objectContaining({ kind: 'newcomer.applied', body: expect.stringContaining('马向阳') }),
      )
      const mine = (await get('/api/me/newcomer-applications', a.token)).body as NewcomerApplicationView[]
      expect(mine.map((x) => [x.id, x.state])).toEqual([[application.id, 'pending']])
      const audit = await t.ds.query(
        `SELECT action FROM audit_entry WHERE targetType = 'newcomer_application' AND targetId = ?`,
        [String(application.id)],
      )
      expect(audit.map((r: { action: string }) => r.action)).toEqual(['newcomer.applied'])
    })

    it('refuses a duplicate, from the same account or another account with the same ID number', async () => {
      expectError(
        await apply(a.token, { ...a.body, proofFileIds: [await uploadProof(a.token)] }),
        'NEWCOMER_PENDING',
      )
      const other = await addAccount(t)
      await agreeToIdNumber(t, other.token)
      expectError(
        await apply(other.token, { ...a.body, proofFileIds: [await uploadProof(other.token)] }),
        'NEWCOMER_PENDING',
      )
    })

    it('refuses someone already on the roster, a proof that is not theirs, a moving-in day to come', async () => {
      const onRoster = await addResident(t, { villageId: ids.village })
      const b = await applicant()
      expectError(
        await apply(b.token, { ...b.body, idNumber: onRoster.plainIdNumber }),
        'NEWCOMER_ALREADY_ON_ROSTER',
      )
      expectError(
        await apply(b.token, { ...b.body, proofFileIds: a.body.proofFileIds }),
        'NEWCOMER_PROOF_INVALID',
      )
      expectError(
        await apply(b.token, {
          ...b.body,
          movedInOn: beijingDate(new Date(serverNow(t).getTime() + 2 * DAY)),
        }),
        'NEWCOMER_DATE_INVALID',
      )
      expectError(await apply(b.token, { ...b.body, proofFileIds: [] }), 'VALIDATION_FAILED')
      const fresh = await addAccount(t)
      expectError(await apply(fresh.token, b.body), 'ID_NUMBER_CONSENT_REQUIRED')
    })

    it('shows the proof to the applicant and the committee, nobody else', async () => {
      const url = `/api/files/${a.body.proofFileIds[0]}`
      expect((await get(url, a.token)).status).toBe(200)
      expect((await get(url, committee)).status).toBe(200)
      expect((await get(url, resident)).status).toBe(404)
    })

    it('keeps the village closed to the applicant until approved', async () => {
      expect(
        (
          await post(`/api/villages/${ids.village}/grievances`, a.token, {
            category: '环境卫生',
            title: '路灯不亮',
            text: '东街路灯坏了。',
          })
        ).status,
      ).toBe(403)
    })

    it('lets only the committee decide', async () => {
      expectError(await post(`${queue()}/${application.id}/approve`, resident), 'FORBIDDEN')
      const list = (await get(`${queue()}?state=pending`, committee)).body as NewcomerApplicationView[]
      expect(list.map((x) => x.id)).toContain(application.id)
    })

    it('approves: the applicant goes on the roster as 非户籍常住, in a household of their own, and is told', async () => {
      const res = await post(`${queue()}/${application.id}/approve`, committee)
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ state: 'approved', residentId: expect.any(Number) })
      const row = await rosterRow(res.body.residentId)
      expect(row).toMatchObject({
        villageId: ids.village,
        name: '马向阳',
        residency: 'non_registered',
        residentSince: a.body.movedInOn,
        proofFileId: a.body.proofFileIds[0],
        accountId: a.id,
        isHouseholdHead: true,
        admittedOn: null,
      })
      expect(await t.ds.getRepository(Resident).countBy({ householdId: row.householdId })).toBe(1)
      expect(await inbox(a.token)).toContainEqual(
        expect.objectContaining({ kind: 'newcomer.approved', title: '常住居民登记已通过' }),
      )
      expectError(await post(`${queue()}/${application.id}/approve`, committee), 'NEWCOMER_NOT_PENDING')
      expectError(
        await post(`${queue()}/${application.id}/refuse`, committee, { reason: '重复' }),
        'NEWCOMER_NOT_PENDING',
      )
      const view = await rosterView(row.id)
      expect(view.residence).toMatchObject({
        residency: 'non_registered',
        since: a.body.movedInOn,
        proof: { id: a.body.proofFileIds[0] },
        admission: null,
        votes: { election: false, other: false },
      })
      // the supervision committee reads the roster, without the photo of the proof
      const supervisor = await t.login('supervisor')
      const seen = await get(
        `/api/villages/${ids.village}/residents?householdId=${row.householdId}`,
        supervisor,
      )
      expect(seen.body.items[0].residence).toMatchObject({ residency: 'non_registered', proof: null })
      const audit = await t.ds.query(
        `SELECT action FROM audit_entry WHERE targetType = 'newcomer_application' AND targetId = ? ORDER BY seq`,
        [String(application.id)],
      )
      expect(audit.map((r: { action: string }) => r.action)).toEqual([
        'newcomer.applied',
        'newcomer.approved',
      ])
    })

    it('refuses to approve someone whose account got onto the roster meanwhile (实名认证)', async () => {
      const b = await applicant()
      const app = (await apply(b.token, b.body)).body as NewcomerApplicationView
      await addResident(t, { villageId: ids.village, accountId: b.id })
      expectError(await post(`${queue()}/${app.id}/approve`, committee), 'NEWCOMER_ALREADY_ON_ROSTER')
      expect(
        (await get(`${queue()}?state=pending`, committee)).body.map((x: { id: number }) => x.id),
      ).toContain(app.id)
      expect((await post(`${queue()}/${app.id}/refuse`, committee, { reason: '已经实名认证' })).status).toBe(
        200,
      )
    })

    it('refuses with a reason, tells the applicant, who may then apply again', async () => {
      const b = await applicant()
      const first = (await apply(b.token, b.body)).body as NewcomerApplicationView
      expectError(
        await post(`${queue()}/${first.id}/refuse`, committee, { reason: ' ' }),
        'VALIDATION_FAILED',
      )
      const res = await post(`${queue()}/${first.id}/refuse`, committee, {
        reason: '租房合同看不清，请重新拍照',
      })
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({
        state: 'refused',
        reason: '租房合同看不清，请重新拍照',
        residentId: null,
      })
      expect(await inbox(b.token)).toContainEqual(
        expect.objectContaining({
          kind: 'newcomer.refused',
          body: expect.stringContaining('租房合同看不清'),
        }),
      )
      expect(await t.ds.getRepository(Resident).countBy({ accountId: b.id })).toBe(0)
      const again = await apply(b.token, { ...b.body, proofFileIds: [await uploadProof(b.token)] })
      expect(again.status).toBe(201)
    })
  })

  describe('what an approved newcomer may do', () => {
    let newcomer: { id: number; token: string; residentId: number }

    beforeAll(async () => {
      const a = await applicant()
      const app = (await apply(a.token, a.body)).body as NewcomerApplicationView
      const approved = await post(`${queue()}/${app.id}/approve`, committee)
      // the principal is loaded afresh for each request: the same token now carries the resident role
      newcomer = { id: a.id, token: a.token, residentId: approved.body.residentId }
    })

    it('raises an issue', async () => {
      const res = await post(`/api/villages/${ids.village}/grievances`, newcomer.token, {
        category: '环境卫生',
        title: '东街垃圾桶满了',
        text: '东街的垃圾桶三天没人清理。',
      })
      expect(res.status).toBe(201)
    })

    it('reads the notices and objects to one during its publicity period', async () => {
      const draft = await post(`/api/villages/${ids.village}/notices`, committee, {
        category: 'village',
        title: '东街路灯改造公示',
        body: '拟更换东街路灯 12 盏。',
      })
      expect(
        (await post(`/api/villages/${ids.village}/notices/${draft.body.id}/publish`, committee)).status,
      ).toBe(200)
      const feed = await get(`/api/villages/${ids.village}/notices`, newcomer.token)
      expect(feed.status).toBe(200)
      expect(feed.body.items.map((n: { id: number }) => n.id)).toContain(draft.body.id)
      expect(
        (await get(`/api/villages/${ids.village}/notices/${draft.body.id}`, newcomer.token)).status,
      ).toBe(200)
      const objection = await post(
        `/api/villages/${ids.village}/notices/${draft.body.id}/objections`,
        newcomer.token,
        { text: '东街北头也需要路灯。' },
      )
      expect(objection.status).toBe(201)
    })

    it('answers a poll', async () => {
      const polls = (await get(`/api/villages/${ids.village}/polls`, newcomer.token)).body as PollSummary[]
      const open = polls.find((p) => p.state === 'open')!
      const detail = (await get(`/api/villages/${ids.village}/polls/${open.id}`, newcomer.token)).body
      const choices = detail.questions.map(() => [0])
      const res = await post(`/api/villages/${ids.village}/polls/${open.id}/answers`, newcomer.token, {
        choices,
      })
      expect(res.status).toBe(200)
    })

    it('gives an opinion in the 一征 window of a community they were approved into', async () => {
      const c = await applicant(ids.community)
      const communityCommittee = await t.login('community_committee')
      const app = (await apply(c.token, { ...c.body, address: '新华社区 5 栋 302' })).body
      expect((await post(`${queue(ids.community)}/${app.id}/approve`, communityCommittee)).status).toBe(200)
      const secretaryRow = await t.ds
        .getRepository(Resident)
        .findOneByOrFail({ name: '钱卫东', villageId: ids.community })
      const secretaryAccount = secretaryRow.accountId ?? (await addAccount(t)).id
      await t.ds.getRepository(Resident).update({ id: secretaryRow.id }, { accountId: secretaryAccount })
      const secretary = await tokenFor(t, secretaryAccount)
      const base = `/api/villages/${ids.community}/deliberations`
      const d = await post(base, secretary, {
        title: '小区停车位划线',
        content: '拟在小区内划定停车位，先征求全体居民意见。',
        matterType: 'ordinary',
        source: { kind: 'cadre' },
      })
      expect(d.status).toBe(201)
      const opened = await post(`${base}/${d.body.id}/solicitation`, communityCommittee, {
        step: 'solicit',
        closesAt: new Date(serverNow(t).getTime() + 6 * DAY).toISOString(),
      })
      expect(opened.status).toBe(200)
      const res = await post(`${base}/${d.body.id}/opinions`, c.token, { text: '希望给电动车也留位置。' })
      expect(res.status).toBe(201)
    })

    describe('the vote', () => {
      /** a villager registered here who lives in the city */
      let away: Resident
      let first: { meetingId: number; deliberationId: number; members: { id: number; residentId: number }[] }

      beforeAll(async () => {
        away = await addResident(t, { villageId: ids.village, name: '钱外出', sex: 'male' })
        const res = await put(residentUrl(away.id, '/residence'), committee, {
          residency: 'registered_away',
          since: daysAgo(400),
        })
        expect(res.status).toBe(200)
        first = await openVillagersMeeting(t, { token: secretary, villageId: ids.village, ballot: 'secret' })
      })

      it('freezes a villagers’ meeting without the unadmitted newcomer and the undeclared villager away', async () => {
        const residentIds = first.members.map((m) => m.residentId)
        expect(residentIds).not.toContain(newcomer.residentId)
        expect(residentIds).not.toContain(away.id)
        // everyone else of age registered and living here is due
        const [meeting] = await t.ds.query('SELECT meetingAt FROM deliberation_meeting WHERE id = ?', [
          first.meetingId,
        ])
        const [{ n }] = await t.ds.query(
          `SELECT COUNT(*) AS n FROM resident WHERE villageId = ? AND residency = 'registered' AND birthDate <= ?`,
          [ids.village, adultCutoff(new Date(meeting.meetingAt))],
        )
        expect(first.members).toHaveLength(Number(n))
      })

      it('keeps them out of the quorum denominator', async () => {
        const q = await get(
          `/api/villages/${ids.village}/deliberations/${first.deliberationId}/meetings/${first.meetingId}/quorum`,
          committee,
        )
        expect(q.status).toBe(200)
        expect(q.body.attendance.due).toBe(first.members.length)
      })

      it('refuses the newcomer’s check-in and ballot', async () => {
        const m = `/api/villages/${ids.village}/deliberations/${first.deliberationId}/meetings/${first.meetingId}`
        expectError(await post(`${m}/check-in`, newcomer.token), 'DELIBERATION_NOT_A_MEMBER')
        expectError(
          await post(`${m}/ballots`, newcomer.token, { choice: 'yes' }),
          'DELIBERATION_NOT_A_MEMBER',
        )
      })

      it('admits only someone who had lived here a year on the day of the decision', async () => {
        const admission = {
          body: 'villagers_meeting',
          decisionRef: '柳林村村民会议决定〔2026〕3号',
          decidedOn: daysAgo(0),
        }
        expectError(
          await post(residentUrl(newcomer.residentId, '/admission'), resident, admission),
          'FORBIDDEN',
        )
        expectError(
          await post(residentUrl(newcomer.residentId, '/admission'), committee, admission),
          'NEWCOMER_ADMISSION_TOO_SOON',
        )
        expectError(
          await post(residentUrl(away.id, '/admission'), committee, admission),
          'NEWCOMER_ADMISSION_NOT_NEEDED',
        )
        expectError(
          await post(residentUrl(newcomer.residentId, '/admission'), committee, {
            ...admission,
            decidedOn: beijingDate(new Date(serverNow(t).getTime() + DAY)),
          }),
          'NEWCOMER_DATE_INVALID',
        )
        // the committee corrects the day they moved in from the 居住证 they bring
        const since = await put(residentUrl(newcomer.residentId, '/residence'), committee, {
          residency: 'non_registered',
          since: daysAgo(800),
        })
        expect(since.status).toBe(200)
        expectError(
          await put(residentUrl(newcomer.residentId, '/residence'), committee, {
            residency: 'non_registered',
          }),
          'NEWCOMER_SINCE_REQUIRED',
        )
        const res = await post(residentUrl(newcomer.residentId, '/admission'), committee, admission)
        expect(res.status).toBe(200)
        const view = res.body as ResidentView
        expect(view.residence).toMatchObject({
          admission: {
            body: 'villagers_meeting',
            decisionRef: admission.decisionRef,
            decidedOn: admission.decidedOn,
          },
          // elections yes; other matters only where the village says so (default: no)
          votes: { election: true, other: false },
        })
        const audit = await t.ds.query(
          `SELECT action FROM audit_entry WHERE targetType = 'resident' AND targetId = ? ORDER BY seq`,
          [String(newcomer.residentId)],
        )
        expect(audit.map((r: { action: string }) => r.action)).toEqual([
          'resident.residence_changed',
          'resident.admitted',
        ])
      })

      it('records that the villager away will take part, only for someone away', async () => {
        expectError(
          await put(residentUrl(newcomer.residentId, '/takes-part'), committee, { takesPart: true }),
          'NEWCOMER_NOT_AWAY',
        )
        const res = await put(residentUrl(away.id, '/takes-part'), committee, { takesPart: true })
        expect(res.status).toBe(200)
        expect(res.body.residence).toMatchObject({
          residency: 'registered_away',
          takesPartOn: daysAgo(0),
          votes: { election: true, other: true },
        })
      })

      it('keeps the admitted newcomer out of other matters until the village says otherwise', async () => {
        const before = await openVillagersMeeting(t, {
          token: secretary,
          villageId: ids.village,
          ballot: 'open',
          title: '村东道路硬化',
        })
        const due = before.members.map((m) => m.residentId)
        expect(due).toContain(away.id)
        expect(due).not.toContain(newcomer.residentId)
        expect(before.members).toHaveLength(first.members.length + 1)

        const settings = `/api/villages/${ids.village}/residence-settings`
        expect((await get(settings, committee)).body).toEqual({ admittedVoteOnOtherMatters: false })
        expect((await put(settings, committee, { admittedVoteOnOtherMatters: true })).body).toEqual({
          admittedVoteOnOtherMatters: true,
        })
        const after = await openVillagersMeeting(t, {
          token: secretary,
          villageId: ids.village,
          ballot: 'open',
          title: '村西水渠清淤',
        })
        expect(after.members.map((m) => m.residentId)).toContain(newcomer.residentId)
        expect(after.members).toHaveLength(first.members.length + 2)
        const m = `/api/villages/${ids.village}/deliberations/${after.deliberationId}/meetings/${after.meetingId}`
        expect((await post(`${m}/check-in`, newcomer.token)).status).toBe(200)
        const q = await get(`${m}/quorum`, committee)
        expect(q.body.attendance).toMatchObject({ due: after.members.length, present: 1 })
      })
    })
  })

  it('lists people by residence on the roster', async () => {
    const res = await get(
      `/api/villages/${ids.village}/residents?residency=non_registered&pageSize=100`,
      committee,
    )
    expect(res.status).toBe(200)
    expect(res.body.items.length).toBeGreaterThan(0)
    expect(res.body.items.every((r: ResidentView) => r.residency === 'non_registered')).toBe(true)
    expectError(
      await get(`/api/villages/${ids.village}/residents?residency=elsewhere`, committee),
      'VALIDATION_FAILED',
    )
  })
})

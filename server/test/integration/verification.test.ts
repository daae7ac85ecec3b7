import { ERRORS, type NotificationView, type VillageSettings } from '@xiangli/shared'
import { FieldCrypto } from '../../src/core/crypto/field-crypto.service'
import { DemoSeeder } from '../../src/modules/demo/demo.seed'
import { Resident } from '../../src/modules/roster/entities/resident.entity'
import { VerificationRequest } from '../../src/modules/verification/entities/verification-request.entity'
import { DIALECT, startTestApp, villageIds, type TestApp } from '../support/app'
import { agreeToIdNumber, addAccount, addResident, idNumber, residentByName } from '../support/factories'

describe(`实名认证 (verification) on ${DIALECT}`, () => {
  let t: TestApp
  let ids: { village: number; community: number }
  let committee: string
  let secretary: string

  const submit = async (token: string, body: Record<string, unknown>) => {
    await agreeToIdNumber(t, token)
    return t.request({ method: 'POST', url: '/api/me/verifications', token, body })
  }
  const decide = (id: number, action: 'confirm' | 'reject', token = committee, body?: unknown) =>
    t.request({
      method: 'POST',
      url: `/api/villages/${ids.village}/verifications/${id}/${action}`,
      token,
      ...(body ? { body } : {}),
    })
  const inbox = async (token: string): Promise<NotificationView[]> =>
    (await t.request({ method: 'GET', url: '/api/inbox?pageSize=100', token })).body.items
  const me = async (token: string) => (await t.request({ method: 'GET', url: '/api/me', token })).body

  /** A person on the 柳林村 roster with an account of their own that is not linked yet. */
  async function applicant(o: { phone?: string } = {}) {
    const account = await addAccount(t)
    const resident = await addResident(t, {
      villageId: ids.village,
      name: '周晓梅',
      sex: 'female',
      phone: o.phone ?? '13600001111',
    })
    const body = {
      villageId: ids.village,
      name: resident.name,
      idNumber: resident.plainIdNumber,
      phone: resident.plainPhone!,
    }
    return { ...account, resident, body }
  }

  beforeAll(async () => {
    t = await startTestApp()
    ids = await villageIds(t.ds)
    committee = await t.login('committee')
    secretary = await t.login('secretary')
  })
  afterAll(async () => t.close())

  describe('the newcomer claims her roster row', () => {
    let newcomer: string
    let body: { villageId: number; name: string; idNumber: string; phone: string }
    let requestId: number

    beforeAll(async () => {
      newcomer = await t.login('newcomer')
      const row = await residentByName(t, '刘小满')
      body = {
        villageId: ids.village,
        name: '刘小满',
        idNumber: await t.app.get(DemoSeeder).newcomerIdNumber(),
        phone: row.plainPhone,
      }
    })

    it('submits name, ID number and phone and waits for the committee', async () => {
      const res = await submit(newcomer, body)
      expect(res.status).toBe(201)
      expect(res.body).toMatchObject({
        villageId: ids.village,
        villageName: '柳林村',
        name: '刘小满',
        state: 'pending',
        reason: null,
        decidedAt: null,
        idNumberMasked: body.idNumber.slice(0, 4) + '*'.repeat(10) + body.idNumber.slice(-4),
        phoneMasked: body.phone.slice(0, 3) + '****' + body.phone.slice(-4),
      })
      requestId = res.body.id
    })

    it('tells every committee member of the village, and nobody else', async () => {
      for (const token of [committee, secretary]) {
        expect(await inbox(token)).toContainEqual(
          expect.objectContaining({
            kind: 'verification.submitted',
            title: '有新的实名认证待确认',
            orgId: ids.village,
            read: false,
            body: expect.stringContaining('刘小满'),
          }),
        )
      }
      expect((await inbox(await t.login('resident'))).some((n) => n.kind === 'verification.submitted')).toBe(
        false,
      )
      expect(
        (await inbox(await t.login('supervisor'))).some((n) => n.kind === 'verification.submitted'),
      ).toBe(false)
    })

    it('refuses a second request while the first is pending', async () => {
      const res = await submit(newcomer, body)
      expect(res.status).toBe(409)
      expect(res.body.code).toBe('VERIFICATION_PENDING')
    })

    it('shows the request in the committee’s queue of pending requests', async () => {
      const res = await t.request({
        method: 'GET',
        url: `/api/villages/${ids.village}/verifications?state=pending`,
        token: committee,
      })
      expect(res.status).toBe(200)
      expect(res.body.items.map((v: { id: number }) => v.id)).toContain(requestId)
      expect(res.body.items.every((v: { state: string }) => v.state === 'pending')).toBe(true)
    })

    it('is confirmed by a committee member', async () => {
      const res = await decide(requestId, 'confirm')
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ id: requestId, state: 'confirmed', decidedAt: expect.any(String) })
    })

    it('makes her a verified resident of 柳林村', async () => {
      const m = await me(newcomer)
      expect(m.verified).toBe(true)
      expect(m.memberships).toEqual([
        {
          orgId: ids.village,
          orgName: '柳林村',
          orgKind: 'village',
          parentName: '柳林镇',
          roles: ['resident'],
        },
      ])
      expect(m.verifications[0]).toMatchObject({ id: requestId, state: 'confirmed' })
      expect(
        (await t.request({ method: 'GET', url: `/api/villages/${ids.village}/home`, token: newcomer }))
          .status,
      ).toBe(200)
    })

    it('tells her in her inbox', async () => {
      expect(await inbox(newcomer)).toContainEqual(
        expect.objectContaining({
          kind: 'verification.confirmed',
          title: '实名认证已通过',
          orgId: ids.village,
        }),
      )
    })

    it('refuses a second submission once she is verified', async () => {
      const res = await submit(newcomer, body)
      expect(res.status).toBe(409)
      expect(res.body).toEqual({
        code: 'VERIFICATION_ALREADY_DONE',
        message: ERRORS.VERIFICATION_ALREADY_DONE.message,
        requestId: expect.any(String),
      })
    })

    it('refuses to confirm the same request twice', async () => {
      const res = await decide(requestId, 'confirm', secretary)
      expect(res.status).toBe(409)
      expect(res.body.code).toBe('VERIFICATION_NOT_PENDING')
      expect((await decide(requestId, 'reject', secretary, { reason: '改主意了' })).body.code).toBe(
        'VERIFICATION_NOT_PENDING',
      )
    })

    it('records the submission and the confirmation in the audit log', async () => {
      const rows: { action: string; actorName: string | null }[] = await t.ds.query(
        `SELECT action, actorName FROM audit_entry WHERE targetType = 'verification' AND targetId = '${requestId}' ORDER BY seq`,
      )
      expect(rows).toEqual([
        { action: 'verification.submitted', actorName: '刘小满' },
        { action: 'verification.confirmed', actorName: '张丽' },
      ])
    })
  })

  describe('refusals', () => {
    it('answers VERIFICATION_NO_MATCH for the right ID number with the wrong name', async () => {
      const a = await applicant()
      const res = await submit(a.token, { ...a.body, name: '周小梅' })
      expect(res.status).toBe(422)
      expect(res.body).toEqual({
        code: 'VERIFICATION_NO_MATCH',
        message: ERRORS.VERIFICATION_NO_MATCH.message,
        requestId: expect.any(String),
      })
    })

    it('answers VERIFICATION_NO_MATCH for a valid ID number that is not on the roster', async () => {
      const a = await applicant()
      const res = await submit(a.token, { ...a.body, idNumber: idNumber({ area: '510104', sex: 'female' }) })
      expect(res.status).toBe(422)
      expect(res.body.code).toBe('VERIFICATION_NO_MATCH')
    })

    it('answers VERIFICATION_NO_MATCH for a person on another village’s roster', async () => {
      const a = await applicant()
      const res = await submit(a.token, { ...a.body, villageId: ids.community })
      expect(res.status).toBe(422)
      expect(res.body.code).toBe('VERIFICATION_NO_MATCH')
    })

    it('answers ID_NUMBER_INVALID for a wrong check digit', async () => {
      const a = await applicant()
      const id = a.body.idNumber
      const res = await submit(a.token, {
        ...a.body,
        idNumber: id.slice(0, 17) + (id[17] === '0' ? '1' : '0'),
      })
      expect(res.status).toBe(400)
      expect(res.body).toEqual({
        code: 'ID_NUMBER_INVALID',
        message: ERRORS.ID_NUMBER_INVALID.message,
        requestId: expect.any(String),
      })
    })

    it('answers PHONE_INVALID for a phone number that is not a mobile number', async () => {
      const a = await applicant()
      const res = await submit(a.token, { ...a.body, phone: '05718888888' })
      expect(res.status).toBe(400)
      expect(res.body.code).toBe('PHONE_INVALID')
    })

    it('answers VALIDATION_FAILED naming the empty field', async () => {
      const a = await applicant()
      const res = await submit(a.token, { ...a.body, name: '  ' })
      expect(res.status).toBe(400)
      expect(res.body.code).toBe('VALIDATION_FAILED')
      expect(res.body.details.fields).toEqual([{ path: 'name', message: '请填写姓名' }])
    })

    it('answers ORG_NOT_FOUND for a village that does not exist', async () => {
      const a = await applicant()
      const res = await submit(a.token, { ...a.body, villageId: 999999 })
      expect(res.status).toBe(404)
      expect(res.body.code).toBe('ORG_NOT_FOUND')
    })

    it('answers RESIDENT_ALREADY_LINKED for a roster row another account holds', async () => {
      const { token } = await addAccount(t)
      const wang = await residentByName(t, '王秀英')
      const res = await submit(token, {
        villageId: ids.village,
        name: '王秀英',
        idNumber: t.app.get(FieldCrypto).decrypt(wang.idNumberEnc),
        phone: wang.plainPhone,
      })
      expect(res.status).toBe(409)
      expect(res.body.code).toBe('RESIDENT_ALREADY_LINKED')
    })

    it('stores nothing for a refused request', async () => {
      const before = await t.ds.getRepository(VerificationRequest).count()
      const a = await applicant()
      await submit(a.token, { ...a.body, name: '别人' })
      expect(await t.ds.getRepository(VerificationRequest).count()).toBe(before)
    })
  })

  describe('one claim at a time on a roster person', () => {
    /** A roster person of 柳林村 and the claim body anyone who knows their details can send. */
    async function rosterPerson(phone = '13600006666') {
      const r = await addResident(t, { villageId: ids.village, name: '孙桂兰', sex: 'female', phone })
      return { resident: r, body: { villageId: ids.village, name: r.name, idNumber: r.plainIdNumber, phone } }
    }
    const pendingFor = (residentId: number) =>
      t.ds.getRepository(VerificationRequest).findBy({ residentId, state: 'pending' })

    it('refuses a second account’s claim while the first waits, with RESIDENT_CLAIM_PENDING, storing nothing', async () => {
      const { resident, body } = await rosterPerson()
      const first = await addAccount(t)
      const second = await addAccount(t)
      expect((await submit(first.token, body)).status).toBe(201)
      const before = await t.ds.getRepository(VerificationRequest).count()

      const res = await submit(second.token, body)
      expect(res.status).toBe(409)
      expect(res.body).toEqual({
        code: 'RESIDENT_CLAIM_PENDING',
        message: ERRORS.RESIDENT_CLAIM_PENDING.message,
        requestId: expect.any(String),
      })
      expect(await t.ds.getRepository(VerificationRequest).count()).toBe(before)
      expect((await pendingFor(resident.id)).map((v) => v.accountId)).toEqual([first.id])
    })

    it('takes the other claim once the committee has rejected the first', async () => {
      const { body } = await rosterPerson()
      const impostor = await addAccount(t)
      const owner = await addAccount(t)
      const claimed = await submit(impostor.token, body)
      expect((await submit(owner.token, body)).body.code).toBe('RESIDENT_CLAIM_PENDING')
      await decide(claimed.body.id, 'reject', committee, { reason: '本人到村委会说明，这不是她的申请' })
      const res = await submit(owner.token, body)
      expect(res.status).toBe(201)
      expect(res.body.state).toBe('pending')
    })

    it('lets exactly one of many claims made at the same instant wait, and refuses the rest', async () => {
      const { resident, body } = await rosterPerson()
      const accounts = []
      for (let i = 0; i < 8; i++) accounts.push(await addAccount(t))
      const answers = await Promise.all(accounts.map((a) => submit(a.token, body)))
      expect(answers.filter((a) => a.status === 201)).toHaveLength(1)
      for (const a of answers.filter((x) => x.status !== 201)) {
        expect(a.status).toBe(409)
        expect(a.body.code).toBe('RESIDENT_CLAIM_PENDING')
      }
      expect(await pendingFor(resident.id)).toHaveLength(1)
    })

    it('keeps the rule in the database: a second pending claim on the person cannot be stored', async () => {
      const { resident, body } = await rosterPerson()
      const first = await addAccount(t)
      const claimed = await submit(first.token, body)
      const row = await t.ds.getRepository(VerificationRequest).findOneByOrFail({ id: claimed.body.id })
      const { id: _id, ...copy } = row
      await expect(
        t.ds.getRepository(VerificationRequest).insert({ ...copy, accountId: first.id + 1000 }),
      ).rejects.toThrow()
      expect(await pendingFor(resident.id)).toHaveLength(1)
    })
  })

  describe('rejection', () => {
    it('records the reason, tells the applicant, and lets them try again', async () => {
      const a = await applicant()
      const submitted = await submit(a.token, a.body)
      expect(submitted.body.state).toBe('pending')

      const res = await decide(submitted.body.id, 'reject', committee, { reason: '此人已迁出本村' })
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ state: 'rejected', reason: '此人已迁出本村' })
      expect(await inbox(a.token)).toContainEqual(
        expect.objectContaining({
          kind: 'verification.rejected',
          title: '实名认证未通过',
          body: expect.stringContaining('此人已迁出本村'),
        }),
      )
      expect((await me(a.token)).verified).toBe(false)
      expect(await t.ds.getRepository(Resident).findOneByOrFail({ id: a.resident.id })).toMatchObject({
        accountId: null,
      })

      const again = await submit(a.token, a.body)
      expect(again.status).toBe(201)
      expect(again.body.state).toBe('pending')
    })

    it('needs a reason', async () => {
      const a = await applicant()
      const submitted = await submit(a.token, a.body)
      const res = await decide(submitted.body.id, 'reject', committee, { reason: ' ' })
      expect(res.status).toBe(400)
      expect(res.body.details.fields).toEqual([{ path: 'reason', message: '请填写原因' }])
    })

    it('answers NOT_FOUND for a request that does not exist', async () => {
      const res = await decide(999999, 'reject', committee, { reason: '无' })
      expect(res.status).toBe(404)
      expect(res.body.code).toBe('NOT_FOUND')
    })
  })

  describe('with automatic confirmation of an exact match', () => {
    beforeAll(async () => {
      const village = await t.request({
        method: 'GET',
        url: `/api/villages/${ids.village}`,
        token: secretary,
      })
      const settings: VillageSettings = {
        ...village.body.settings,
        verification: { autoConfirmExactMatch: true },
      }
      const res = await t.request({
        method: 'PUT',
        url: `/api/villages/${ids.village}/settings`,
        token: secretary,
        body: settings,
      })
      expect(res.status).toBe(200)
      expect(res.body.settings.verification.autoConfirmExactMatch).toBe(true)
    })

    it('confirms at once when name, ID number and phone all match the roster', async () => {
      const a = await applicant({ phone: '13600002222' })
      const res = await submit(a.token, a.body)
      expect(res.status).toBe(201)
      expect(res.body).toMatchObject({ state: 'confirmed', decidedAt: expect.any(String) })
      const m = await me(a.token)
      expect(m.verified).toBe(true)
      expect(m.memberships[0]).toMatchObject({ orgId: ids.village, roles: ['resident'] })
      const audit: { actorName: string; actorRole: string }[] = await t.ds.query(
        `SELECT actorName, actorRole FROM audit_entry WHERE action = 'verification.confirmed' AND targetId = '${res.body.id}'`,
      )
      expect(audit).toEqual([{ actorName: '系统（信息完全一致自动确认）', actorRole: 'system' }])
    })

    it('still waits for the committee when the phone differs from the roster', async () => {
      const a = await applicant({ phone: '13600003333' })
      const res = await submit(a.token, { ...a.body, phone: '13600004444' })
      expect(res.status).toBe(201)
      expect(res.body.state).toBe('pending')
      expect((await me(a.token)).verified).toBe(false)
    })

    it('still waits when the roster has no phone for the person', async () => {
      const account = await addAccount(t)
      const r = await addResident(t, { villageId: ids.village, name: '钱无话', sex: 'male', phone: null })
      const res = await submit(account.token, {
        villageId: ids.village,
        name: r.name,
        idNumber: r.plainIdNumber,
        phone: '13600005555',
      })
      expect(res.body.state).toBe('pending')
    })
  })
})

import { ERASED_NAME, ERRORS, ID_NUMBER_CONSENT, PRIVACY_GUIDE } from '@xiangli/shared'
import { AuditEntry } from '../../src/core/audit/entities/audit-entry.entity'
import { OutboxMessage } from '../../src/infra/wechat/entities/outbox-message.entity'
import { Account } from '../../src/modules/auth/entities/account.entity'
import { CertificateRequest } from '../../src/modules/certificates/entities/certificate-request.entity'
import { Grievance } from '../../src/modules/grievances/entities/grievance.entity'
import { Resident } from '../../src/modules/roster/entities/resident.entity'
import { VerificationRequest } from '../../src/modules/verification/entities/verification-request.entity'
import { DemoSeeder } from '../../src/modules/demo/demo.seed'
import { DIALECT, startTestApp, type TestApp } from '../support/app'
import { verifyOverHttp } from '../support/audit'
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat'
import { addAccount, residentByName, tokenFor } from '../support/factories'

describe(`privacy: consents and 我的数据 on ${DIALECT}`, () => {
  let t: TestApp
  let wechat: FakeWechat
  let admin: string

  beforeAll(async () => {
    wechat = await startFakeWechat()
    // each wx.login code stands for the openid after its dash
    wechat.on('/sns/jscode2session', ({ query }) => ({
      body: { openid: `openid-${query.js_code!.split('-')[1]}`, session_key: 'sk' },
    }))
    t = await startTestApp({
      WECHAT_API_BASE: wechat.base,
      WECHAT_APP_ID: 'wx-test-app',
      WECHAT_APP_SECRET: 'wx-test-secret',
    })
    admin = await t.login('admin')
  })
  afterAll(async () => {
    await t.close()
    await wechat.down()
  })

  const get = (url: string, token?: string) => t.request({ method: 'GET', url, token })
  const post = (url: string, token?: string, body?: unknown) =>
    t.request({ method: 'POST', url, token, body })
  const consent = (token: string, kind: 'guide' | 'id_number', version: number) =>
    post('/api/me/privacy/consents', token, { kind, version })
  const accountOf = async (token: string): Promise<number> => (await get('/api/me', token)).body.accountId
  const wechatLogin = async (code: string): Promise<string> => {
    const res = await post('/api/auth/wechat', undefined, { code })
    expect(res.status).toBe(200)
    return res.body.accessToken
  }

  describe('the guide and its consent', () => {
    it('serves the guide to anyone, as JSON and as a plain page with the same text', async () => {
      const json = await get('/api/privacy/guide')
      expect(json.status).toBe(200)
      expect(json.body).toEqual(PRIVACY_GUIDE)
      const page = await get('/privacy')
      expect(page.status).toBe(200)
      expect(page.headers['content-type']).toMatch(/text\/html/)
      for (const s of PRIVACY_GUIDE.sections) expect(page.body).toContain(s.title)
      expect(page.body).toContain('已开具的证明和用章登记')
    })

    it('asks a new account, records the version and time it accepted, and then asks no more', async () => {
      const { token } = await addAccount(t)
      const before = await get('/api/me/privacy', token)
      expect(before.body.guide).toEqual({
        current: PRIVACY_GUIDE.version,
        accepted: null,
        acceptedAt: null,
        needed: true,
      })
      const res = await consent(token, 'guide', PRIVACY_GUIDE.version)
      expect(res.status).toBe(200)
      expect(res.body.guide).toMatchObject({ accepted: PRIVACY_GUIDE.version, needed: false })
      expect(Date.parse(res.body.guide.acceptedAt)).not.toBeNaN()
      // the ID-number words are a consent of their own, still to be asked
      expect(res.body.idNumber.needed).toBe(true)
      const audit = await t.ds
        .getRepository(AuditEntry)
        .findBy({ action: 'privacy.consented', targetId: String(await accountOf(token)) })
      expect(audit).toHaveLength(1)
    })

    it('refuses a consent to a version other than today’s, so the person reads the new one', async () => {
      const { token } = await addAccount(t)
      const res = await consent(token, 'guide', PRIVACY_GUIDE.version + 1)
      expect(res.status).toBe(409)
      expect(res.body).toMatchObject({
        code: 'PRIVACY_CONSENT_OUTDATED',
        message: ERRORS.PRIVACY_CONSENT_OUTDATED.message,
      })
      expect((await get('/api/me/privacy', token)).body.guide.needed).toBe(true)
    })

    it('needs a login', async () => {
      expect((await get('/api/me/privacy')).status).toBe(401)
      expect((await post('/api/me/privacy/consents', undefined, { kind: 'guide', version: 1 })).status).toBe(
        401,
      )
    })
  })

  describe('the ID number’s own consent', () => {
    it('takes no ID number before it, with a code and a plain message, and stores nothing', async () => {
      const newcomer = await t.login('newcomer')
      const claim = {
        villageId: (await residentByName(t, '刘小满')).villageId,
        name: '刘小满',
        idNumber: await t.app.get(DemoSeeder).newcomerIdNumber(),
        phone: (await residentByName(t, '刘小满')).plainPhone,
      }
      const refused = await post('/api/me/verifications', newcomer, claim)
      expect(refused.status).toBe(403)
      expect(refused.body).toMatchObject({
        code: 'ID_NUMBER_CONSENT_REQUIRED',
        message: ERRORS.ID_NUMBER_CONSENT_REQUIRED.message,
      })
      const me = await accountOf(newcomer)
      expect(await t.ds.getRepository(VerificationRequest).countBy({ accountId: me })).toBe(0)

      expect((await consent(newcomer, 'id_number', ID_NUMBER_CONSENT.version)).status).toBe(200)
      const taken = await post('/api/me/verifications', newcomer, claim)
      expect(taken.status).toBe(201)
    })
  })

  describe('我的数据', () => {
    it('shows and exports the person’s own data and nothing of anyone else', async () => {
      const resident = await t.login('resident')
      const me = await accountOf(resident)
      const res = await get('/api/me/data', resident)
      expect(res.status).toBe(200)
      const data = res.body.export
      const row0 = await residentByName(t, '王秀英')
      expect(data.accountId).toBe(me)
      expect(data.sections.account.displayName).toBe('王秀英')
      expect(data.sections.roster.map((r: { name: string }) => r.name)).toEqual(['王秀英'])
      const raised = await t.ds.getRepository(Grievance).findBy({ raiserAccountId: me })
      expect(data.sections.grievances.raised.map((g: { id: number }) => g.id).sort()).toEqual(
        raised.map((g) => g.id).sort(),
      )
      expect(data.sections.grievances.raised.every((g: { name: string }) => g.name === '王秀英')).toBe(true)
      expect(data.sections.account.sessions.length).toBeGreaterThan(0)
      // the polls she answered: that she answered, never what she chose
      const polls = await get(`/api/villages/${row0.villageId}/polls`, resident)
      const open = polls.body.find((p: { state: string; answeredByMe: boolean }) => p.state === 'open')
      if (!open.answeredByMe) {
        const answered = await post(`/api/villages/${row0.villageId}/polls/${open.id}/answers`, resident, {
          choices: [[0], [1]],
        })
        expect(answered.status).toBe(200)
      }
      const after = (await get('/api/me/data', resident)).body.export.sections.polls
      expect(after).toEqual([
        { pollId: open.id, villageId: row0.villageId, title: open.title, answered: true },
      ])
      // the other people of the village are not in it
      const text = JSON.stringify(data)
      for (const other of ['刘长青', '张丽', '李建华', '朱红梅']) expect(text).not.toContain(other)
      // the ID number and phone only masked, never in full
      const row = await residentByName(t, '王秀英')
      expect(text).not.toContain(row.plainPhone)

      const file = await get('/api/me/data/export', resident)
      expect(file.status).toBe(200)
      expect(file.headers['content-type']).toMatch(/application\/json/)
      expect(file.headers['content-disposition']).toMatch(
        /^attachment; filename="xiangli-my-data-\d{4}-\d{2}-\d{2}\.json"$/,
      )
      expect(file.body.accountId).toBe(me)
      expect(file.body.sections.account.displayName).toBe('王秀英')
    })

    it('gives another person their own data only: no route names whose data it is', async () => {
      const representative = await t.login('representative')
      const theirs = (await get('/api/me/data/export', representative)).body
      expect(theirs.sections.account.displayName).toBe('刘长青')
      expect(JSON.stringify(theirs)).not.toContain('王秀英')
      expect((await get('/api/me/data/export')).status).toBe(401)
      // the admin's queue lists requests, never anyone's data
      const committee = await t.login('committee')
      expect((await get('/api/admin/data-deletions', committee)).status).toBe(403)
    })
  })

  describe('deletion', () => {
    it('removes or anonymises what may go, keeps what the law keeps, and says which', async () => {
      // the applicant of an issued certificate, who also raised issues
      const issued = await t.ds.getRepository(CertificateRequest).findOneByOrFail({ state: 'issued' })
      const who = issued.applicantAccountId!
      const token = await tokenFor(t, who)
      const name = (await t.ds.getRepository(Account).findOneByOrFail({ id: who })).displayName
      const grievancesBefore = await t.ds.getRepository(Grievance).countBy({ raiserAccountId: who })

      // a WeChat message to them still waiting to be sent, and one sent
      const outbox = t.ds.getRepository(OutboxMessage)
      for (const state of ['pending', 'sent'] as const)
        await outbox.save({
          openid: `openid-of-${who}`,
          accountId: who,
          templateId: 'tpl-status',
          page: null,
          data: { thing1: { value: '您的证明已开具' } },
          state,
          attempts: 0,
          nextAttemptAt: new Date(),
          claimedUntil: null,
          lastError: null,
          sentAt: state === 'sent' ? new Date() : null,
        })

      const asked = await post('/api/me/data/deletion', token)
      expect(asked.status).toBe(201)
      expect(asked.body).toMatchObject({ accountId: who, state: 'pending', processedAt: null })
      const again = await post('/api/me/data/deletion', token)
      expect(again.status).toBe(409)
      expect(again.body.code).toBe('DATA_DELETION_PENDING')
      expect((await get('/api/me/data', token)).body.deletion).toMatchObject({
        id: asked.body.id,
        state: 'pending',
      })

      // only a system administrator processes it
      expect((await post(`/api/admin/data-deletions/${asked.body.id}/process`, token)).status).toBe(403)
      const queue = await get('/api/admin/data-deletions', admin)
      expect(queue.body.map((r: { id: number }) => r.id)).toContain(asked.body.id)
      const done = await post(`/api/admin/data-deletions/${asked.body.id}/process`, admin)
      expect(done.status).toBe(200)
      expect(done.body.state).toBe('done')
      const sections = done.body.outcome.map((o: { section: string }) => o.section)
      expect(sections).toEqual(
        expect.arrayContaining([
          'account',
          'roster',
          'verifications',
          'grievances',
          'certificates',
          'consents',
        ]),
      )
      const certs = done.body.outcome.find((o: { section: string }) => o.section === 'certificates')
      expect(certs.kept).toBeGreaterThan(0)
      expect(certs.note).toContain('已开具的证明')

      // gone or anonymous
      const account = await t.ds.getRepository(Account).findOneByOrFail({ id: who })
      expect(account).toMatchObject({ displayName: ERASED_NAME, openid: null, demoKey: null })
      expect(await t.ds.getRepository(Resident).countBy({ accountId: who })).toBe(0)
      // nothing more is sent to them, and no copy of what was sent stays
      expect(await outbox.countBy({ accountId: who })).toBe(0)
      const claims = await t.ds.getRepository(VerificationRequest).findBy({ accountId: who })
      expect(
        claims.every((c) => c.name === ERASED_NAME && c.idNumberMasked === '' && c.phoneEnc === null),
      ).toBe(true)
      // kept: the issues as the village's record, without the name; the issued certificate as issued
      const grievances = await t.ds.getRepository(Grievance).findBy({ raiserAccountId: who })
      expect(grievances).toHaveLength(grievancesBefore)
      expect(grievances.every((g) => g.raiserName === ERASED_NAME && g.location === null)).toBe(true)
      const still = await t.ds.getRepository(CertificateRequest).findOneByOrFail({ id: issued.id })
      expect(still).toMatchObject({
        state: 'issued',
        number: issued.number,
        applicantName: issued.applicantName,
        bodyEnc: issued.bodyEnc,
      })
      // the roster line itself is the village's register and stays
      expect(await t.ds.getRepository(Resident).countBy({ name: issued.applicantName })).toBeGreaterThan(0)

      // both steps are in the audit trail, and the chain and every record it vouches for still verify
      const actions = (
        await t.ds
          .getRepository(AuditEntry)
          .findBy({ targetType: 'data_deletion_request', targetId: String(asked.body.id) })
      ).map((e) => e.action)
      expect(actions.sort()).toEqual(['privacy.deletion_processed', 'privacy.deletion_requested'])
      expect((await verifyOverHttp(t, admin)).ok).toBe(true)

      // the person's logins ended with it
      expect((await get('/api/me', token)).status).toBe(401)
      expect(name).not.toBe(ERASED_NAME)

      const twice = await post(`/api/admin/data-deletions/${asked.body.id}/process`, admin)
      expect(twice.status).toBe(409)
      expect(twice.body.code).toBe('DATA_DELETION_NOT_PENDING')
      expect((await post('/api/admin/data-deletions/999999/process', admin)).status).toBe(404)
    })

    it('covers what staff filed for the person by roster row before they had an account (代办)', async () => {
      const elder = await t.ds.getRepository(Resident).findOneByOrFail({ name: '王德福' })
      expect(elder.accountId).toBeNull()
      const committee = await t.login('committee')
      const filed = await post(`/api/villages/${elder.villageId}/grievances`, committee, {
        category: '环境卫生',
        title: '代办的说事',
        text: '家门口的排水沟堵了，下雨就积水。',
        visibility: 'committee',
        onBehalf: {
          residentId: elder.id,
          consent: { kind: 'on_device', typedName: '王德福', agreed: true },
        },
      })
      expect(filed.body).toMatchObject({ raiserName: '王德福' })
      const row = await t.ds.getRepository(Grievance).findOneByOrFail({ id: filed.body.id })
      expect(row).toMatchObject({ raiserAccountId: null, raiserResidentId: elder.id })

      // later he has an account, linked to his roster row: the item is in his data
      const account = await addAccount(t, { displayName: '王德福' })
      await t.ds.getRepository(Resident).update({ id: elder.id }, { accountId: account.id })
      const data = (await get('/api/me/data', account.token)).body.export
      expect(data.sections.grievances.raised.map((g: { id: number }) => g.id)).toContain(row.id)

      // and his deletion reaches it: kept as the village's record, without his name
      const asked = await post('/api/me/data/deletion', account.token)
      expect(asked.status).toBe(201)
      const done = await post(`/api/admin/data-deletions/${asked.body.id}/process`, admin)
      expect(done.status).toBe(200)
      const grievances = done.body.outcome.find((o: { section: string }) => o.section === 'grievances')
      expect(grievances.kept).toBeGreaterThanOrEqual(1)
      expect(await t.ds.getRepository(Grievance).findOneByOrFail({ id: row.id })).toMatchObject({
        raiserName: ERASED_NAME,
        raiserResidentId: elder.id,
      })
      // the roster line stays, no longer linked
      expect(await t.ds.getRepository(Resident).findOneByOrFail({ id: elder.id })).toMatchObject({
        name: '王德福',
        accountId: null,
      })
    })

    it('lets the same WeChat user log in again as a new, unverified account that is asked to consent', async () => {
      const first = await wechatLogin('code-W1')
      const firstId = await accountOf(first)
      expect((await consent(first, 'guide', PRIVACY_GUIDE.version)).status).toBe(200)
      const asked = await post('/api/me/data/deletion', first)
      expect((await post(`/api/admin/data-deletions/${asked.body.id}/process`, admin)).status).toBe(200)
      expect((await get('/api/me', first)).status).toBe(401)

      const again = await wechatLogin('code-W2')
      const me = await get('/api/me', again)
      expect(me.status).toBe(200)
      expect(me.body.accountId).not.toBe(firstId)
      expect(me.body.verified).toBe(false)
      expect((await get('/api/me/privacy', again)).body.guide.needed).toBe(true)
      // the old account holds nothing that leads back to the WeChat user
      expect(await t.ds.getRepository(Account).findOneByOrFail({ id: firstId })).toMatchObject({
        openid: null,
        displayName: ERASED_NAME,
      })
    })
  })
})

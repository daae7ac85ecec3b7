import type { ResidentView } from '@xiangli/shared'
import { FieldCrypto } from '../../src/core/crypto/field-crypto.service'
import { ApplicantPhoneSealing } from '../../src/modules/certificates/use-cases/applicant-phone-sealing'
import { PhoneSealing } from '../../src/modules/roster/use-cases/phone-sealing'
import { ClaimPhoneSealing } from '../../src/modules/verification/use-cases/claim-phone-sealing'
import { startTestApp, villageIds, type TestApp } from '../support/app'
import { agreeToIdNumber, addAccount, addResident } from '../support/factories'

const FULL = /^1[3-9]\d{9}$/
const MASKED = /^1\d{2}\*{4}\d{4}$/

type RawPhones = { id: number; phone: string | null; phoneEnc: string | null; phoneMasked: string | null }

/** Phone numbers at rest and on screen: encrypted, matched by keyed hash, masked for all but the person and the 两委. */
describe('phone numbers', () => {
  let t: TestApp
  let ids: Awaited<ReturnType<typeof villageIds>>
  const crypto = () => t.app.get(FieldCrypto)

  const rawResident = async (id: number): Promise<RawPhones & { phoneHash: string | null }> =>
    (await t.ds.query(`SELECT id, phone, phoneEnc, phoneHash, phoneMasked FROM resident WHERE id = ${id}`))[0]
  const residents = async (token: string, name: string): Promise<ResidentView[]> => {
    const res = await t.request({
      method: 'GET',
      url: `/api/villages/${ids.village}/residents?pageSize=100&q=${encodeURIComponent(name)}`,
      token,
    })
    expect(res.status).toBe(200)
    return res.body.items
  }
  const accountOf = async (token: string): Promise<number> =>
    (await t.request({ method: 'GET', url: '/api/me', token })).body.accountId

  beforeAll(async () => {
    t = await startTestApp()
    ids = await villageIds(t.ds)
  })
  afterAll(async () => t.close())

  it('stores no roster phone in plain text: a ciphertext, a keyed hash and the masked form', async () => {
    const r = await addResident(t, { villageId: ids.village, name: '钱秀芝', phone: '13912345678' })
    const raw = await rawResident(r.id)
    expect(raw.phone).toBeNull()
    expect(raw.phoneEnc).toMatch(/^v1:/)
    expect(raw.phoneEnc).not.toContain('13912345678')
    expect(raw.phoneHash).toMatch(/^[0-9a-f]{64}$/)
    expect(raw.phoneHash).not.toBe(crypto().blindIndex('13912345678'))
    expect(raw.phoneMasked).toBe('139****5678')
    expect(crypto().decrypt(raw.phoneEnc!)).toBe('13912345678')
    // the demo's people too: not one phone left in the clear
    const plain: { n: number | string }[] = await t.ds.query(
      'SELECT COUNT(*) AS n FROM resident WHERE phone IS NOT NULL',
    )
    expect(Number(plain[0]!.n)).toBe(0)
    const sealed: { n: number | string }[] = await t.ds.query(
      "SELECT COUNT(*) AS n FROM resident WHERE phoneEnc LIKE 'v1:%'",
    )
    expect(Number(sealed[0]!.n)).toBeGreaterThan(10)
  })

  it('keeps the applicant’s phone on a certificate request encrypted too', async () => {
    const rows: { applicantPhone: string | null; applicantPhoneEnc: string | null }[] = await t.ds.query(
      'SELECT applicantPhone, applicantPhoneEnc FROM certificate_request',
    )
    expect(rows.length).toBeGreaterThan(0)
    for (const r of rows) {
      expect(r.applicantPhone).toBeNull()
      if (r.applicantPhoneEnc !== null) expect(crypto().decrypt(r.applicantPhoneEnc)).toMatch(FULL)
    }
    expect(rows.some((r) => r.applicantPhoneEnc !== null)).toBe(true)
  })

  it('shows the 两委 every phone in full', async () => {
    await addResident(t, { villageId: ids.village, name: '孔令华', phone: '13811112222' })
    const [row] = await residents(await t.login('committee'), '孔令华')
    expect(row!.phone).toBe('13811112222')
  })

  it('shows a supervisor other people’s phones masked and her own in full', async () => {
    const supervisor = await t.login('supervisor')
    const own = await addResident(t, {
      villageId: ids.village,
      name: '监委自己',
      phone: '13722223333',
      accountId: await accountOf(supervisor),
    })
    await addResident(t, { villageId: ids.village, name: '监委邻居', phone: '13733334444' })
    const [other] = await residents(supervisor, '监委邻居')
    expect(other!.phone).toBe('137****4444')
    const mine = (await residents(supervisor, '监委自己')).find((r) => r.id === own.id)!
    expect(mine.phone).toBe('13722223333')
  })

  it('shows the township masked phones, and a plain resident no roster at all', async () => {
    await addResident(t, { villageId: ids.village, name: '镇上看', phone: '13744445555' })
    const [row] = await residents(await t.login('township'), '镇上看')
    expect(row!.phone).toMatch(MASKED)
    const res = await t.request({
      method: 'GET',
      url: `/api/villages/${ids.village}/residents`,
      token: await t.login('resident'),
    })
    expect(res.status).toBe(403)
  })

  it('matches a claim’s phone with the roster’s by keyed hash, however the number was typed', async () => {
    const secretary = await t.login('secretary')
    const village = await t.request({ method: 'GET', url: `/api/villages/${ids.village}`, token: secretary })
    const settings = { ...village.body.settings, verification: { autoConfirmExactMatch: true } }
    const set = await t.request({
      method: 'PUT',
      url: `/api/villages/${ids.village}/settings`,
      token: secretary,
      body: settings,
    })
    expect(set.status).toBe(200)
    const r = await addResident(t, { villageId: ids.village, name: '严书琴', phone: '13655556666' })
    expect((await rawResident(r.id)).phoneHash).toBe(crypto().phoneIndex('+86 136-5555-6666'))
    const { token } = await addAccount(t)
    await agreeToIdNumber(t, token)
    const res = await t.request({
      method: 'POST',
      url: '/api/me/verifications',
      token,
      body: { villageId: ids.village, name: '严书琴', idNumber: r.plainIdNumber, phone: '+86 136 5555 6666' },
    })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ state: 'confirmed', phoneMasked: '136****6666' })
    const [claim]: RawPhones[] = await t.ds.query(
      `SELECT id, phone, phoneEnc, phoneMasked FROM verification_request WHERE id = ${res.body.id}`,
    )
    expect(claim).toMatchObject({ phone: null, phoneMasked: '136****6666' })
    expect(crypto().decrypt(claim!.phoneEnc!)).toBe('13655556666')
  })

  describe('rows written before phones were encrypted', () => {
    /** Puts a row back the way the old code wrote it: the phone in plain text, nothing else. */
    async function asBefore(table: 'resident' | 'verification_request', id: number, phone: string) {
      const hash = table === 'resident' ? ', phoneHash = NULL' : ''
      await t.ds.query(
        `UPDATE ${table} SET phone = '${phone}', phoneEnc = NULL, phoneMasked = NULL${hash} WHERE id = ${id}`,
      )
    }

    it('are encrypted by the boot step, none lost, and a second run finds nothing left', async () => {
      const a = await addResident(t, { villageId: ids.village, name: '旧甲', phone: '13900000001' })
      const b = await addResident(t, { villageId: ids.village, name: '旧乙', phone: null })
      await asBefore('resident', a.id, '13900000001')
      const [claim]: { id: number }[] = await t.ds.query(
        'SELECT id FROM verification_request ORDER BY id LIMIT 1',
      )
      await asBefore('verification_request', claim!.id, '13900000002')
      const [request]: { id: number }[] = await t.ds.query(
        'SELECT id FROM certificate_request ORDER BY id LIMIT 1',
      )
      await t.ds.query(
        `UPDATE certificate_request SET applicantPhone = '13900000004', applicantPhoneEnc = NULL WHERE id = ${request!.id}`,
      )

      expect(await t.app.get(PhoneSealing).run()).toBe(1)
      expect(await t.app.get(ClaimPhoneSealing).run()).toBe(1)
      expect(await t.app.get(ApplicantPhoneSealing).run()).toBe(1)

      const rawA = await rawResident(a.id)
      expect(rawA).toMatchObject({ phone: null, phoneMasked: '139****0001' })
      expect(crypto().decrypt(rawA.phoneEnc!)).toBe('13900000001')
      expect(rawA.phoneHash).toBe(crypto().phoneIndex('13900000001'))
      expect(await rawResident(b.id)).toMatchObject({ phone: null, phoneEnc: null, phoneHash: null })
      const [rawClaim]: RawPhones[] = await t.ds.query(
        `SELECT id, phone, phoneEnc, phoneMasked FROM verification_request WHERE id = ${claim!.id}`,
      )
      expect(rawClaim).toMatchObject({ phone: null, phoneMasked: '139****0002' })
      expect(crypto().decrypt(rawClaim!.phoneEnc!)).toBe('13900000002')
      const [rawRequest]: { applicantPhone: string | null; applicantPhoneEnc: string }[] = await t.ds.query(
        `SELECT applicantPhone, applicantPhoneEnc FROM certificate_request WHERE id = ${request!.id}`,
      )
      expect(rawRequest!.applicantPhone).toBeNull()
      expect(crypto().decrypt(rawRequest!.applicantPhoneEnc)).toBe('13900000004')

      expect(await t.app.get(PhoneSealing).run()).toBe(0)
      expect(await t.app.get(ClaimPhoneSealing).run()).toBe(0)
      expect(await t.app.get(ApplicantPhoneSealing).run()).toBe(0)
      expect(crypto().decrypt((await rawResident(a.id)).phoneEnc!)).toBe('13900000001')
    })

    it('are encrypted when a server starts on the database, before it answers anyone', async () => {
      const c = await addResident(t, { villageId: ids.village, name: '旧丙', phone: '13900000003' })
      await asBefore('resident', c.id, '13900000003')
      const second = await startTestApp({}, { target: t.target })
      try {
        const raw = await rawResident(c.id)
        expect(raw.phone).toBeNull()
        expect(crypto().decrypt(raw.phoneEnc!)).toBe('13900000003')
        const [row] = await residents(await second.login('committee'), '旧丙')
        expect(row!.phone).toMatch(FULL)
      } finally {
        await second.close()
      }
    })
  })
})

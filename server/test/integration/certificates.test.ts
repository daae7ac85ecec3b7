import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { SEAL_USE_COLUMNS, certificateYear, checkNumberSequence, chinaDate, maskName } from '@xiangli/shared'
import { QR_BOX, qrMatrix } from '../../src/modules/certificates/certificate-pdf'
import { CertificateRequest } from '../../src/modules/certificates/entities/certificate-request.entity'
import { SealUseRecord } from '../../src/modules/certificates/entities/seal-use-record.entity'
import { CertificatePdf } from '../../src/modules/certificates/certificate-pdf'
import { expectError } from '../support/http'
import { DIALECT, multipart, startTestApp, villageIds, type TestApp } from '../support/app'
import { png } from '../support/images'

const RESIDENCE = { address: '一组 3 号', residentSince: '1988-05-01', tenure: '自有住房' }

describe(`证明 (certificates) on ${DIALECT}`, () => {
  let t: TestApp
  let work: string
  let ids: { village: number; community: number; township: number }
  /** 王秀英, a resident of 柳林村 */
  let resident: string
  /** 张丽, committee member of 柳林村 (and a resident there) */
  let committee: string
  /** 李建华, party secretary of 柳林村 */
  let secretary: string
  /** 赵国强, supervisor of 柳林村 */
  let supervisor: string
  /** 赵建国, official of 柳林镇 */
  let township: string
  /** 曹丽娟, a resident of 新华社区 */
  let communityResident: string
  let admin: string

  const base = (village = ids.village) => `/api/villages/${village}/certificates`
  const apply = (token: string, body: Record<string, unknown>, village = ids.village) =>
    t.request({ method: 'POST', url: `${base(village)}/requests`, token, body })
  const act = (id: number, action: string, token: string, body: unknown = {}, village = ids.village) =>
    t.request({ method: 'POST', url: `${base(village)}/requests/${id}/${action}`, token, body })
  async function requested(token = resident, o: Record<string, unknown> = {}): Promise<number> {
    const res = await apply(token, {
      itemCode: 'residence',
      purpose: '孩子上小学报名',
      fields: RESIDENCE,
      ...o,
    })
    expect(res.status).toBe(201)
    return res.body.id
  }
  // the QR code opens the H5 check page, which asks the public endpoint with the same n and c
  const pathOf = (url: string) => `/api/certificates/verify?${url.split('?')[1]}`

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'xiangli-certificates-'))
    t = await startTestApp({ UPLOAD_DIR: join(work, 'uploads') })
    ids = await villageIds(t.ds)
    ;[resident, committee, secretary, supervisor, township, communityResident, admin] = await Promise.all(
      ['resident', 'committee', 'secretary', 'supervisor', 'township', 'community_resident', 'admin'].map(
        (k) => t.login(k),
      ),
    )
  })
  afterAll(async () => {
    await t.close()
    rmSync(work, { recursive: true, force: true })
  })

  describe('the catalogue', () => {
    it("shows the village's list with its own shorter time limit, and the 20 negative items", async () => {
      const res = await t.request({ method: 'GET', url: `${base()}/catalogue`, token: resident })
      expect(res.status).toBe(200)
      expect(res.body.positive.map((i: { code: string }) => i.code)).toContain('homestead_origin')
      expect(res.body.positive.find((i: { code: string }) => i.code === 'residence').timeLimitDays).toBe(2)
      expect(res.body.negative).toHaveLength(20)
    })

    it('answers a search for a negative item with where to go instead', async () => {
      const res = await t.request({
        method: 'GET',
        url: `${base()}/catalogue/search?q=${encodeURIComponent('无犯罪记录证明')}`,
        token: resident,
      })
      expect(res.status).toBe(200)
      expect(res.body[0]).toEqual({
        kind: 'negative',
        matched: expect.any(String),
        answer: expect.objectContaining({
          code: 'no_criminal_record',
          answer: expect.stringContaining('公安机关'),
        }),
      })
    })

    it('lets a system admin drop an item for one village, and refuses touching the negative list', async () => {
      const url = `${base(ids.community)}/catalogue`
      const refused = await t.request({ method: 'PUT', url, token: admin, body: { remove: ['kinship'] } })
      expectError(refused, 'CERTIFICATE_NEGATIVE_LIST')
      expectError(
        await t.request({ method: 'PUT', url, token: committee, body: { remove: [] } }),
        'FORBIDDEN',
      )
      const ok = await t.request({ method: 'PUT', url, token: admin, body: { remove: ['student_hardship'] } })
      expect(ok.status).toBe(200)
      expect(ok.body.positive.map((i: { code: string }) => i.code)).not.toContain('student_hardship')
      const stored = await t.request({ method: 'GET', url: `${url}/overrides`, token: admin })
      expect(stored.body).toEqual(
        expect.objectContaining({
          region: 'default',
          villageOverride: { remove: ['student_hardship'], timeLimitDays: {} },
        }),
      )
      await t.request({ method: 'PUT', url, token: admin, body: { remove: [] } })
    })
  })

  describe('settings', () => {
    it('stops a production server at boot when the Chinese font is missing, naming the setting', () => {
      const pdf = new CertificatePdf({
        ...t.config,
        NODE_ENV: 'production',
        CJK_FONT_PATH: join(work, 'no-such-font.ttc'),
      })
      expect(() => pdf.onModuleInit()).toThrow(/CJK_FONT_PATH/)
    })

    it("lets a system admin set a region's list, refusing one that adds a negative item in disguise", async () => {
      const url = '/api/certificates/regions/test-region/catalogue'
      const disguised = await t.request({
        method: 'PUT',
        url,
        token: admin,
        body: {
          add: [
            {
              code: 'income_note',
              name: '家庭收入证明',
              aliases: [],
              appliesTo: ['village'],
              legalBasis: '无',
              purpose: '无',
              materials: ['身份证'],
              fields: [],
              template: '兹证明{{name}}家庭收入情况属实。',
              timeLimitDays: 3,
              commitment: { allowed: false },
            },
          ],
        },
      })
      expectError(disguised, 'CERTIFICATE_NEGATIVE_LIST')
      expect(disguised.body.details.negative).toEqual(expect.objectContaining({ code: 'property' }))
      const ok = await t.request({
        method: 'PUT',
        url,
        token: admin,
        body: { timeLimitDays: { residence: 1 } },
      })
      expect(ok.status).toBe(200)
      expect(ok.body.positive.find((i: { code: string }) => i.code === 'residence').timeLimitDays).toBe(1)
      expectError(
        await t.request({ method: 'PUT', url: `${base(ids.township)}/catalogue`, token: admin, body: {} }),
        'ORG_NOT_A_VILLAGE',
      )
    })
  })

  describe('refused requests', () => {
    it('refuses a negative-list item with the guidance in details', async () => {
      const res = await apply(resident, { itemCode: 'no_criminal_record', purpose: '找工作', fields: {} })
      expectError(res, 'CERTIFICATE_NEGATIVE_LIST')
      expect(res.body.details).toEqual(
        expect.objectContaining({ code: 'no_criminal_record', answer: expect.stringContaining('派出所') }),
      )
    })

    it('refuses a request with a required field missing, naming the field', async () => {
      const res = await apply(resident, {
        itemCode: 'residence',
        purpose: '入学',
        fields: { residentSince: '1988-05-01', tenure: '自有住房' },
      })
      expectError(res, 'CERTIFICATE_FIELD_MISSING')
      expect(res.body.details).toEqual({ field: 'address', label: expect.any(String) })
    })

    it('refuses a committee member approving their own request; another member may', async () => {
      const id = await requested(committee)
      expectError(await act(id, 'approve', committee), 'CERTIFICATE_OWN_REQUEST')
      expect((await act(id, 'approve', secretary)).status).toBe(200)
    })

    it('refuses a resident approving', async () => {
      const id = await requested()
      expectError(await act(id, 'approve', resident), 'FORBIDDEN')
    })

    it("hides another village's request within the URL and refuses acting across villages", async () => {
      const res = await apply(
        communityResident,
        {
          itemCode: 'residence',
          purpose: '办居住证',
          fields: { address: '1 栋 101', residentSince: '2015-03-01', tenure: '租住' },
        },
        ids.community,
      )
      expect(res.status).toBe(201)
      expectError(await act(res.body.id, 'approve', committee), 'NOT_FOUND')
      expectError(await act(res.body.id, 'approve', committee, {}, ids.community), 'OUT_OF_SCOPE')
    })

    it('refuses a second approval of the same request and issues exactly one number', async () => {
      const id = await requested()
      const both = await Promise.all([act(id, 'approve', committee), act(id, 'approve', secretary)])
      expect(both.map((r) => r.status).sort()).toEqual([200, 409])
      expect(both.find((r) => r.status === 409)!.body.code).toBe('CERTIFICATE_ALREADY_APPROVED')
      expectError(await act(id, 'approve', committee), 'CERTIFICATE_ALREADY_APPROVED')
      const numbers = await t.ds.query(`SELECT number FROM certificate_request WHERE id = ?`, [id])
      expect(numbers[0].number).toMatch(/^330106101201-\d{4}-\d{4}$/)
      const register = await t.ds.query(`SELECT COUNT(*) AS n FROM seal_use_record WHERE requestId = ?`, [id])
      expect(Number(register[0].n)).toBe(1)
    })
  })

  describe('asking for more, resubmitting, withdrawing', () => {
    it('stops the clock while the applicant gathers material and starts it again on resubmit', async () => {
      const id = await requested()
      const asked = await act(id, 'request-info', committee, { message: '请补充房屋照片' })
      expect(asked.body).toEqual(
        expect.objectContaining({ state: 'more_info_requested', infoRequest: '请补充房屋照片', dueAt: null }),
      )
      expectError(await act(id, 'approve', committee), 'CERTIFICATE_AWAITING_MORE_INFO')
      const again = await act(id, 'resubmit', resident, { fields: { ...RESIDENCE, tenure: '借住' } })
      expect(again.status).toBe(200)
      expect(again.body).toEqual(expect.objectContaining({ state: 'resubmitted', infoRequest: null }))
      expect(again.body.fields.tenure).toBe('借住')
      expect(again.body.dueAt).not.toBeNull()
      const withdrawn = await act(id, 'withdraw', resident)
      expect(withdrawn.body.state).toBe('withdrawn')
      expectError(await act(id, 'approve', committee), 'CERTIFICATE_REQUEST_WITHDRAWN')
    })

    it('keeps the materials already on a request when the applicant resubmits them with new ones', async () => {
      const upload = async (name: string) => {
        const up = await t.request({
          method: 'POST',
          url: `/api/villages/${ids.village}/uploads`,
          token: resident,
          ...multipart('file', name, png(4, 3), 'image/png'),
        })
        expect(up.status).toBe(201)
        return up.body.id as number
      }
      const first = await upload('deed.png')
      const id = await requested(resident, { materialIds: [first] })
      await act(id, 'request-info', committee, { message: '请补充租房合同' })
      const second = await upload('lease.png')
      const again = await act(id, 'resubmit', resident, { materialIds: [first, second] })
      expect(again.status).toBe(200)
      expect(again.body.materials.map((x: { id: number }) => x.id)).toEqual([first, second])
      // someone else's upload is still refused
      const others = await t.request({
        method: 'POST',
        url: `/api/villages/${ids.village}/uploads`,
        token: committee,
        ...multipart('file', 'other.png', png(4, 3), 'image/png'),
      })
      await act(id, 'request-info', committee, { message: '再补充一张' })
      expectError(
        await act(id, 'resubmit', resident, { materialIds: [first, others.body.id] }),
        'VALIDATION_FAILED',
      )
    })

    it('lists the queue by status with overdue flags', async () => {
      const id = await requested()
      await t.ds.getRepository(CertificateRequest).update({ id }, { dueAt: new Date(Date.now() - 60_000) })
      const res = await t.request({
        method: 'GET',
        url: `${base()}/requests?status=submitted&overdue=true`,
        token: committee,
      })
      expect(res.status).toBe(200)
      expect(res.body.items.map((r: { id: number }) => r.id)).toContain(id)
      expect(
        res.body.items.every(
          (r: { overdue: boolean; state: string }) => r.overdue && r.state === 'submitted',
        ),
      ).toBe(true)
      await act(id, 'refuse', committee, { reason: '测试用，不予出具' })
    })
  })

  describe('request → approve → PDF → verify → revoke', () => {
    let id: number
    let issued: any
    let pdfFile: string

    it('takes materials from the uploads endpoint, seen by the applicant and the committee', async () => {
      const up = await t.request({
        method: 'POST',
        url: `/api/villages/${ids.village}/uploads`,
        token: resident,
        ...multipart('file', 'deed.png', png(4, 3), 'image/png'),
      })
      expect(up.status).toBe(201)
      id = await requested(resident, { materialIds: [up.body.id] })
      const view = await t.request({ method: 'GET', url: `${base()}/requests/${id}`, token: committee })
      expect(view.body.materials).toEqual([{ id: up.body.id, url: expect.stringMatching(/^\/api\/files\//) }])
      const file = await t.request({ method: 'GET', url: `/api/files/${up.body.id}`, token: committee })
      expect(file.status).toBe(200)
      const stranger = await t.login('representative')
      expect(
        (await t.request({ method: 'GET', url: `/api/files/${up.body.id}`, token: stranger })).status,
      ).toBe(404)
      // a file already attached cannot be attached again
      const again = await apply(resident, {
        itemCode: 'residence',
        purpose: '再申请一次',
        fields: RESIDENCE,
        materialIds: [up.body.id],
      })
      expectError(again, 'VALIDATION_FAILED')
    })

    it('issues a numbered certificate with a verification code and a register line', async () => {
      const res = await act(id, 'approve', committee)
      expect(res.status).toBe(200)
      issued = res.body
      expect(issued).toEqual(
        expect.objectContaining({
          state: 'issued',
          number: expect.stringMatching(/^330106101201-\d{4}-\d{4}$/),
          verificationCode: expect.stringMatching(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/),
          decidedByName: '张丽',
        }),
      )
      expect(issued.verificationUrl).toBe(
        `${t.config.publicBaseUrl}/certificates/check?n=${encodeURIComponent(issued.number)}&c=${issued.verificationCode.replace('-', '')}`,
      )
      const audit = await t.ds.query(
        `SELECT action FROM audit_entry WHERE targetType = 'certificate_request' AND targetId = ? ORDER BY seq`,
        [String(id)],
      )
      expect(audit.map((r: { action: string }) => r.action)).toEqual([
        'certificate.requested',
        'certificate.issued',
      ])
      const inbox = await t.request({ method: 'GET', url: '/api/inbox?pageSize=100', token: resident })
      expect(inbox.body.items.map((n: { body: string }) => n.body).join('\n')).toContain(issued.number)
      // the notification opens the request in the app
      const told = inbox.body.items.find((n: { body: string }) => n.body.includes(issued.number))
      expect(told.link).toMatch(
        new RegExp(`^/subpackages/certificate/pages/detail/index\\?id=${id}&villageId=\\d+$`),
      )
    })

    it('renders a PDF with the title, body, purpose, issuing body in full, seal label, number and code', async () => {
      const res = await t.app
        .getHttpAdapter()
        .getInstance()
        .inject({
          method: 'GET',
          url: `${base()}/requests/${id}/pdf`,
          headers: { authorization: `Bearer ${resident}` },
        })
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toBe('application/pdf')
      pdfFile = join(work, 'certificate.pdf')
      writeFileSync(pdfFile, res.rawPayload)
      const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' })
      const flat = text.replace(/\s+/g, '')
      for (const s of [
        '居（租）住证明',
        '兹证明王秀英',
        '柳林村一组3号',
        '特此证明',
        '用途：孩子上小学报名',
        // the issuer is the committee, named in full, not the village alone
        '柳林村村民委员会',
        '电子印章（仅供核验）',
        `证明编号：${issued.number}`,
        `查验码：${issued.verificationCode}`,
        chinaDate(new Date(issued.issuedAt)).replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日'),
      ])
        expect(flat).toContain(s.replace(/\s+/g, ''))
      // the committee downloads it too; another resident does not
      expect(
        (await t.request({ method: 'GET', url: `${base()}/requests/${id}/pdf`, token: committee })).status,
      ).toBe(200)
      const other = await t.login('representative')
      expectError(
        await t.request({ method: 'GET', url: `${base()}/requests/${id}/pdf`, token: other }),
        'NOT_FOUND',
      )
    })

    it('gives the first page as an image a phone shows at its own width', async () => {
      const res = await t.app
        .getHttpAdapter()
        .getInstance()
        .inject({
          method: 'GET',
          url: `${base()}/requests/${id}/page.png`,
          headers: { authorization: `Bearer ${resident}` },
        })
      expect([res.statusCode, res.statusCode === 200 ? '' : res.body]).toEqual([200, ''])
      expect(res.headers['content-type']).toBe('image/png')
      const png = res.rawPayload
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
      // A4 at 150 dpi: about 1240 × 1754 (poppler rounds up), portrait, like the PDF
      const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)]
      expect([Math.round(w / 10), Math.round(h / 10)]).toEqual([124, 175])
      const other = await t.login('representative')
      expectError(
        await t.request({ method: 'GET', url: `${base()}/requests/${id}/page.png`, token: other }),
        'NOT_FOUND',
      )
    })

    it('carries a QR code that reads back as the verification URL', () => {
      // rendered at 144 dpi, each module sampled at its centre and compared with the URL's QR matrix
      execFileSync('pdftoppm', ['-r', '144', '-gray', '-f', '1', '-l', '1', pdfFile, join(work, 'page')])
      const pgm = readFileSync(join(work, 'page-1.pgm'))
      const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'))!
      const width = Number(header[1])
      const pixels = pgm.subarray(header[0].length)
      const expected = qrMatrix(issued.verificationUrl)
      const n = expected.length
      const m = QR_BOX.size / (n + 4)
      const read = expected.map((row, y) =>
        row.map((_, x) => {
          const px = Math.round((QR_BOX.x + (x + 2.5) * m) * 2)
          const py = Math.round((QR_BOX.y + (y + 2.5) * m) * 2)
          return pixels[py * width + px]! < 128
        }),
      )
      expect(read).toEqual(expected)
    })

    it('answers valid to anyone with the number and code, and 无效 to a wrong code', async () => {
      const res = await t.request({ method: 'GET', url: pathOf(issued.verificationUrl) })
      expect(res.status).toBe(200)
      expect(res.body).toEqual({
        result: 'valid',
        number: issued.number,
        itemName: '居（租）住证明',
        villageName: '柳林村',
        issuedOn: chinaDate(new Date(issued.issuedAt)),
        holderName: maskName('王秀英'),
      })
      const wrong = await t.request({
        method: 'GET',
        url: `/api/certificates/verify?n=${encodeURIComponent(issued.number)}&c=ABCDEFGH`,
      })
      expect(wrong.body).toEqual({ result: 'invalid' })
      const nonsense = await t.request({ method: 'GET', url: `/api/certificates/verify?n=abc&c=ABCDEFGH` })
      expect(nonsense.body).toEqual({ result: 'invalid' })
    })

    it('revokes with a reason, audited, and the check then answers revoked', async () => {
      expectError(await act(id, 'revoke', committee, {}), 'VALIDATION_FAILED')
      const res = await act(id, 'revoke', committee, { reason: '申请人已搬离本村' })
      expect(res.body).toEqual(
        expect.objectContaining({ state: 'revoked', revokeReason: '申请人已搬离本村' }),
      )
      expectError(await act(id, 'revoke', committee, { reason: '再来一次' }), 'CERTIFICATE_ALREADY_REVOKED')
      const check = await t.request({ method: 'GET', url: pathOf(issued.verificationUrl) })
      expect(check.body).toEqual(expect.objectContaining({ result: 'revoked', number: issued.number }))
      const audit = await t.ds.query(
        `SELECT action FROM audit_entry WHERE targetType = 'certificate_request' AND targetId = ? ORDER BY seq`,
        [String(id)],
      )
      expect(audit.map((r: { action: string }) => r.action)).toContain('certificate.revoke')
    })
  })

  describe('numbering under load', () => {
    it('gives 100 concurrent approvals of 100 requests 100 distinct, gapless numbers', async () => {
      const requests: number[] = []
      for (let i = 0; i < 100; i++) requests.push(await requested())
      const results = await Promise.all(
        requests.map((id, i) => act(id, 'approve', i % 2 === 0 ? committee : secretary)),
      )
      expect(results.filter((r) => r.status !== 200).map((r) => r.body)).toEqual([])
      const numbers = results.map((r) => r.body.number as string)
      expect(new Set(numbers).size).toBe(100)
      const all: { number: string }[] = await t.ds.query(
        `SELECT number FROM certificate_request WHERE villageId = ? AND number IS NOT NULL`,
        [ids.village],
      )
      const report = checkNumberSequence(all.map((r) => r.number))
      expect(report.gapless).toBe(true)
      const year = certificateYear(new Date())
      const series = report.series.find((s) => s.year === year)!
      expect(series.count).toBe(series.highest)
      const counter = await t.ds.query(
        `SELECT lastSequence FROM certificate_counter WHERE villageId = ? AND year = ?`,
        [ids.village, year],
      )
      expect(Number(counter[0].lastSequence)).toBe(series.highest)
    }, 120_000)
  })

  describe('the seal-use register and the township', () => {
    const today = () => chinaDate(new Date())

    it('lists every issuance in a date range, with masked phones, for the supervisor too', async () => {
      const res = await t.request({
        method: 'GET',
        url: `${base()}/seal-register?from=${today()}&to=${today()}`,
        token: supervisor,
      })
      expect(res.status).toBe(200)
      const issuedToday = await t.ds
        .getRepository(SealUseRecord)
        .createQueryBuilder('s')
        .where('s.villageId = :v AND s.at >= :from', {
          v: ids.village,
          from: new Date(`${today()}T00:00:00+08:00`),
        })
        .getCount()
      expect(res.body).toHaveLength(issuedToday)
      expect(issuedToday).toBeGreaterThanOrEqual(100)
      expect(res.body[0]).toEqual({
        at: expect.any(String),
        certificateNumber: expect.any(String),
        itemCode: expect.any(String),
        itemName: expect.any(String),
        copies: 1,
        approverName: expect.any(String),
        handlerName: expect.any(String),
        applicantName: expect.any(String),
        applicantPhoneMasked: expect.stringMatching(/^\d{3}\*{4}\d{4}$/),
      })
      expectError(
        await t.request({
          method: 'GET',
          url: `${base()}/seal-register?from=${today()}&to=${today()}`,
          token: resident,
        }),
        'FORBIDDEN',
      )
    })

    it('exports the register as an .xlsx that opens with the same rows', async () => {
      const q = `from=2000-01-01&to=${today()}`
      const json = await t.request({ method: 'GET', url: `${base()}/seal-register?${q}`, token: committee })
      const res = await t.app
        .getHttpAdapter()
        .getInstance()
        .inject({
          method: 'GET',
          url: `${base()}/seal-register.xlsx?${q}`,
          headers: { authorization: `Bearer ${township}` },
        })
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toContain('spreadsheetml')
      const book = new ExcelJS.Workbook()
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
      const sheet = book.getWorksheet('用印登记')!
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(SEAL_USE_COLUMNS.map((c) => c.label))
      expect(sheet.rowCount).toBe(json.body.length + 1)
      const numbers = json.body.map((e: { certificateNumber: string }) => e.certificateNumber)
      const inSheet: string[] = []
      sheet.eachRow((row, i) => {
        if (i > 1) inSheet.push(String(row.getCell(2).value))
      })
      expect(inSheet).toEqual(numbers)
    })

    it('counts certificates per village and per item for the township', async () => {
      const year = certificateYear(new Date())
      const res = await t.request({
        method: 'GET',
        url: `/api/townships/${ids.township}/certificates/stats?year=${year}`,
        token: township,
      })
      expect(res.status).toBe(200)
      const rows: { itemCode: string; state: string; n: number }[] = await t.ds.query(
        `SELECT itemCode, state, COUNT(*) AS n FROM certificate_request WHERE villageId = ? AND issuedYear = ? AND number IS NOT NULL GROUP BY itemCode, state`,
        [ids.village, year],
      )
      const village = res.body.villages.find((v: { villageId: number }) => v.villageId === ids.village)
      const issued = rows.filter((r) => r.state === 'issued').reduce((s, r) => s + Number(r.n), 0)
      const revoked = rows.filter((r) => r.state === 'revoked').reduce((s, r) => s + Number(r.n), 0)
      expect(village).toEqual(expect.objectContaining({ villageName: '柳林村', issued, revoked }))
      expect(village.issued).toBeGreaterThanOrEqual(100)
      expect(village.items.find((i: { itemCode: string }) => i.itemCode === 'residence')).toEqual(
        expect.objectContaining({ itemName: '居（租）住证明', revoked: 1 }),
      )
      expect(res.body.villages.find((v: { villageId: number }) => v.villageId === ids.community)).toEqual(
        expect.objectContaining({ issued: 0, items: [] }),
      )
      expectError(
        await t.request({
          method: 'GET',
          url: `/api/townships/${ids.township}/certificates/stats?year=${year}`,
          token: committee,
        }),
        'FORBIDDEN',
      )
    })
  })
})

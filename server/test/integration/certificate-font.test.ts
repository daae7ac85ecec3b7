import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AppConfig } from '../../src/core/config/config'
import {
  bundledCjkFont,
  chooseCjkFont,
  SYSTEM_CJK_FONT,
} from '../../src/modules/certificates/certificate-font'
import { CertificatePdf } from '../../src/modules/certificates/certificate-pdf'
import { startTestApp, villageIds, type TestApp } from '../support/app'

describe('certificates on a machine without a Chinese font', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp({ CJK_FONT_PATH: '/nonexistent/font.ttc' })
  })
  afterAll(async () => t.close())

  it('still starts, and a PDF download answers CERTIFICATE_PDF_UNAVAILABLE instead of failing', async () => {
    const token = await t.login('resident')
    const { village } = await villageIds(t.ds)
    const mine = await t.request({
      method: 'GET',
      url: `/api/villages/${village}/certificates/requests/mine`,
      token,
    })
    expect(mine.status).toBe(200)
    const issued = (mine.body.items ?? mine.body).find(
      (r: { state?: string; status?: string }) => (r.state ?? r.status) === 'issued',
    )
    expect(issued).toBeDefined()
    const pdf = await t.request({
      method: 'GET',
      url: `/api/villages/${village}/certificates/requests/${issued.id}/pdf`,
      token,
    })
    expect(pdf.status).toBe(503)
    expect(pdf.body).toMatchObject({ code: 'CERTIFICATE_PDF_UNAVAILABLE' })
    expect(pdf.body.message).toMatch(/证明/)
  })
})

describe('the Chinese font certificates are drawn with', () => {
  const work = mkdtempSync(join(tmpdir(), 'xiangli-font-'))
  afterAll(() => rmSync(work, { recursive: true, force: true }))
  const bundled = bundledCjkFont()!
  const none = join(work, 'no-such-font.ttc')

  it('comes with the server: the bundled Source Han Sans subset is installed', () => {
    expect(bundled).toMatch(/SourceHanSansCN\.min\.woff2$/)
    expect(existsSync(bundled)).toBe(true)
  })

  it('is the configured one first, then the system one, then the bundled one', () => {
    const other = join(work, 'configured.woff2')
    copyFileSync(bundled, other)
    expect(chooseCjkFont({ CJK_FONT_PATH: other }, { bundled, system: bundled })).toMatchObject({
      path: other,
      source: 'configured',
    })
    expect(chooseCjkFont({}, { bundled, system: other })).toMatchObject({
      path: other,
      name: SYSTEM_CJK_FONT.name,
      source: 'system',
    })
    expect(chooseCjkFont({}, { bundled, system: none })).toMatchObject({
      path: bundled,
      source: 'bundled',
    })
  })

  it('is never silently replaced when CJK_FONT_PATH names a missing file; none at all names what to install', () => {
    expect(chooseCjkFont({ CJK_FONT_PATH: none }, { bundled, system: bundled })).toEqual({
      problem: expect.stringMatching(/^CJK_FONT_PATH: no font file at/),
    })
    expect(chooseCjkFont({}, { bundled: null, system: none })).toEqual({
      problem: expect.stringMatching(/fonts-wqy-microhei/),
    })
  })

  it('draws a whole certificate with the bundled font where there is no system font, Latin and digits in Helvetica', async () => {
    expect(chooseCjkFont({}, { bundled, system: none })).toMatchObject({ source: 'bundled' })
    // drawn with that very font, whatever this machine has installed
    const pdf = new CertificatePdf({ NODE_ENV: 'production', CJK_FONT_PATH: bundled } as AppConfig)
    pdf.onModuleInit()
    const file = join(work, 'bundled.pdf')
    writeFileSync(
      file,
      await pdf.render({
        title: '居（租）住证明',
        body: '兹证明王秀英自2019年3月起居住于柳林村一组3号 (Liulin)，特此证明。',
        issuer: '柳林村村民委员会',
        purpose: '子女入学',
        issuedOn: '2026-12-06',
        issuedAt: new Date('2026-12-06T02:00:00Z'),
        number: 'LL-2026-0007',
        verificationCode: 'ABCD2345',
        verificationUrl: 'https://xiangli.example/v/LL-2026-0007',
      }),
    )
    const flat = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
    for (const s of [
      '居（租）住证明',
      '兹证明王秀英自2019年3月起居住于柳林村一组3号(Liulin)，特此证明。',
      '柳林村村民委员会',
      '2026年12月6日',
      '电子印章（仅供核验）',
      '证明编号：LL-2026-0007',
      '查验码：ABCD-2345',
    ])
      expect(flat).toContain(s)
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' })
    expect(fonts).toMatch(/SourceHanSans/)
    expect(fonts).toMatch(/Helvetica/)
  })
})

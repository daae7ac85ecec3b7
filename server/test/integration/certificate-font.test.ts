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

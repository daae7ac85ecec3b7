import { DIALECT, startTestApp, villageIds, type TestApp } from '../support/app'

describe(`the app on ${DIALECT}`, () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp()
  })
  afterAll(async () => t.close())

  it('answers health with the database up', async () => {
    const res = await t.request({ method: 'GET', url: '/health' })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ status: 'ok', database: 'up' })
  })

  it('shows a demo resident their village home', async () => {
    const token = await t.login('resident')
    const { village } = await villageIds(t.ds)
    const res = await t.request({ method: 'GET', url: `/api/villages/${village}/home`, token })
    expect(res.status).toBe(200)
    expect(res.body.org.name).toBe('柳林村')
    expect(res.body.roles).toEqual(['resident'])
    expect(res.body.residentCount).toBe(42)
  })
})

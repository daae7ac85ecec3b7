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

if (DIALECT === 'mysql')
  describe('MySQL sessions', () => {
    let t: TestApp
    beforeAll(async () => {
      t = await startTestApp()
    })
    afterAll(async () => t.close())

    it('runs every pooled connection in UTC, so database-filled times read back right', async () => {
      const zones = await Promise.all(
        Array.from({ length: 8 }, () => t.ds.query('SELECT @@session.time_zone AS tz, SLEEP(0.05) AS s')),
      )
      expect(zones.map((rows: { tz: string }[]) => rows[0]!.tz)).toEqual(Array(8).fill('+00:00'))
      const before = Date.now()
      const token = await t.login('resident')
      const inbox = await t.request({ method: 'GET', url: '/api/inbox', token })
      const newest = new Date(inbox.body.items[0].createdAt).getTime()
      // the welcome message was written at start-up, moments ago, not hours away
      expect(Math.abs(before - newest)).toBeLessThan(10 * 60 * 1000)
    })
  })

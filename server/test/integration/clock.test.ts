import { Clock } from '../../src/core/clock/clock'
import { DIALECT, startTestApp, type TestApp } from '../support/app'

const DAY = 86_400_000

describe(`the test clock on ${DIALECT}`, () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp({ TEST_CLOCK: 'true' })
  })
  afterAll(async () => t.close())

  it('lets an administrator let days pass on a server started with TEST_CLOCK', async () => {
    const admin = await t.login('admin')
    const res = await t.request({
      method: 'POST',
      url: '/api/test/clock',
      token: admin,
      body: { advanceMs: 3 * DAY },
    })
    expect(res.status).toBe(200)
    expect(res.body.offsetMs).toBe(3 * DAY)
    expect(new Date(res.body.now).getTime() - Date.now()).toBeGreaterThan(3 * DAY - 60_000)
    expect(t.app.get(Clock).offset).toBe(3 * DAY)
  })

  it('refuses anyone else, and a clock moved backwards', async () => {
    const resident = await t.login('resident')
    const res = await t.request({
      method: 'POST',
      url: '/api/test/clock',
      token: resident,
      body: { advanceMs: DAY },
    })
    expect(res.status).toBe(403)
    const admin = await t.login('admin')
    const back = await t.request({
      method: 'POST',
      url: '/api/test/clock',
      token: admin,
      body: { advanceMs: -DAY },
    })
    expect(back.status).toBe(400)
    expect(back.body.code).toBe('VALIDATION_FAILED')
  })
})

describe(`a server without TEST_CLOCK on ${DIALECT}`, () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp()
  })
  afterAll(async () => t.close())

  it('has no clock route at all', async () => {
    const admin = await t.login('admin')
    const res = await t.request({
      method: 'POST',
      url: '/api/test/clock',
      token: admin,
      body: { advanceMs: DAY },
    })
    expect(res.status).toBe(404)
    expect(t.app.get(Clock).offset).toBe(0)
  })
})

import { ERRORS } from '@xiangli/shared'
import { DIALECT, startTestApp, villageIds, type TestApp } from '../support/app'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

describe(`error answers on ${DIALECT}`, () => {
  let t: TestApp
  let token: string
  let village: number

  beforeAll(async () => {
    t = await startTestApp()
    token = await t.login('secretary')
    village = (await villageIds(t.ds)).village
  })
  afterAll(async () => t.close())

  it('answers malformed JSON with VALIDATION_FAILED and a request id', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/auth/demo',
      payload: '{"key": "resident"',
      headers: { 'content-type': 'application/json' },
    })
    expect(res.status).toBe(400)
    expect(res.body).toEqual({
      code: 'VALIDATION_FAILED',
      message: ERRORS.VALIDATION_FAILED.message,
      requestId: expect.stringMatching(UUID),
    })
  })

  it('lists the fields a body failed on', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/me/verifications',
      token,
      body: { villageId: 'one', name: '', idNumber: '1', phone: '1' },
    })
    expect(res.status).toBe(400)
    expect(res.body.code).toBe('VALIDATION_FAILED')
    expect(res.body.details.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'idNumber',
      'name',
      'phone',
      'villageId',
    ])
    expect(res.body.details.fields).toContainEqual({ path: 'name', message: '请填写姓名' })
    expect(res.body.requestId).toEqual(expect.any(String))
  })

  it('lists the fields a query failed on', async () => {
    const res = await t.request({
      method: 'GET',
      url: `/api/villages/${village}/residents?page=0&pageSize=abc`,
      token,
    })
    expect(res.status).toBe(400)
    expect(res.body.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['page', 'pageSize'])
  })

  it('answers an unknown route with NOT_FOUND in the same shape', async () => {
    for (const url of ['/api/no-such-thing', '/nothing/here']) {
      const res = await t.request({ method: 'GET', url, token })
      expect(res.status).toBe(404)
      expect(res.body).toEqual({
        code: 'NOT_FOUND',
        message: ERRORS.NOT_FOUND.message,
        requestId: expect.any(String),
      })
    }
  })

  it('answers a known path with an unknown method with NOT_FOUND', async () => {
    const res = await t.request({ method: 'DELETE', url: '/api/me', token })
    expect(res.status).toBe(404)
    expect(res.body.code).toBe('NOT_FOUND')
  })

  it.each([
    ['POST', '/api/inbox/abc/read'],
    ['POST', '/api/inbox/0/read'],
    ['POST', '/api/inbox/1.5/read'],
    ['DELETE', '/api/villages/:v/roles/abc'],
    ['POST', '/api/villages/:v/verifications/-1/confirm'],
  ] as const)('answers %s %s, whose id is not a positive whole number, with 404', async (method, path) => {
    const res = await t.request({ method, url: path.replace(':v', String(village)), token })
    expect(res.status).toBe(404)
    expect(res.body).toEqual({
      code: 'NOT_FOUND',
      message: ERRORS.NOT_FOUND.message,
      requestId: expect.any(String),
    })
  })

  it('answers a village id that is not a number with ORG_NOT_FOUND', async () => {
    const res = await t.request({ method: 'GET', url: '/api/villages/abc/home', token })
    expect(res.status).toBe(404)
    expect(res.body.code).toBe('ORG_NOT_FOUND')
  })

  it('echoes the x-request-id it was given, in the header and the body', async () => {
    const res = await t.request({
      method: 'GET',
      url: '/api/no-such-thing',
      headers: { 'x-request-id': 'miniapp-req-0001' },
    })
    expect(res.headers['x-request-id']).toBe('miniapp-req-0001')
    expect(res.body.requestId).toBe('miniapp-req-0001')
  })

  it('sends a request id on successful answers too', async () => {
    const given = await t.request({
      method: 'GET',
      url: '/health/live',
      headers: { 'x-request-id': 'probe-12345678' },
    })
    expect(given.headers['x-request-id']).toBe('probe-12345678')
    const made = await t.request({ method: 'GET', url: '/health/live' })
    expect(made.headers['x-request-id']).toEqual(expect.stringMatching(UUID))
  })

  it('replaces a request id that could smuggle something into the logs', async () => {
    const res = await t.request({
      method: 'GET',
      url: '/api/no-such-thing',
      headers: { 'x-request-id': 'bad id with spaces <script>' },
    })
    expect(res.body.requestId).toMatch(UUID)
    expect(res.headers['x-request-id']).toBe(res.body.requestId)
  })

  it('answers a body over 1 MB with PAYLOAD_TOO_LARGE', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/auth/demo',
      body: { key: 'x'.repeat(1024 * 1024) },
    })
    expect(res.status).toBe(413)
    expect(res.body).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: ERRORS.PAYLOAD_TOO_LARGE.message,
      requestId: expect.any(String),
    })
  })
})

describe(`an unexpected failure on ${DIALECT}`, () => {
  let t: TestApp
  let token: string

  beforeAll(async () => {
    t = await startTestApp()
    token = await t.login('resident')
    await t.ds.destroy() // the database goes away under a running server
  })
  afterAll(async () => t.close())

  it('answers INTERNAL with a plain message and nothing of the cause', async () => {
    const res = await t.request({
      method: 'GET',
      url: '/api/me',
      token,
      headers: { 'x-request-id': 'after-db-loss-01' },
    })
    expect(res.status).toBe(500)
    expect(res.body).toEqual({
      code: 'INTERNAL',
      message: ERRORS.INTERNAL.message,
      requestId: 'after-db-loss-01',
    })
    expect(res.body.message).toMatch(/[\u4e00-\u9fff]/)
    expect(JSON.stringify(res.body)).not.toMatch(/stack|Error|SELECT|sqlite|mysql|\.ts:/i)
  })

  it('reports the database down on the health check', async () => {
    const res = await t.request({ method: 'GET', url: '/health' })
    expect(res.status).toBe(503)
    expect(res.body).toMatchObject({ status: 'degraded', database: 'down' })
  })
})

// The libraries a few rare requests or deployments need (spreadsheets, the S3 client, Redis) hold 20 to 30 MB each once
// loaded; the server loads them at their first use, not at boot (core/lazy-modules.ts, docs/operations.md).
import { DIALECT, startTestApp, villageIds, type TestApp } from '../support/app'

// a function declaration: the mocks are hoisted above everything else, and a module imported at
// boot would call them before any variable of this file is set
function mockRecordLoad(name: string): void {
  const g = globalThis as { loadedByTest?: string[] }
  ;(g.loadedByTest ??= []).push(name)
}
const loaded = (): string[] => (globalThis as { loadedByTest?: string[] }).loadedByTest ?? []
jest.mock('exceljs', () => {
  mockRecordLoad('exceljs')
  return jest.requireActual('exceljs')
})
jest.mock('ioredis', () => {
  mockRecordLoad('ioredis')
  return jest.requireActual('ioredis')
})
jest.mock('@aws-sdk/client-s3', () => {
  mockRecordLoad('@aws-sdk/client-s3')
  return jest.requireActual('@aws-sdk/client-s3')
})

describe(`what the server loads at boot, on ${DIALECT}`, () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp()
  })
  afterAll(async () => t.close())

  it('boots and answers without the spreadsheet library, the S3 client or Redis', async () => {
    const token = await t.login('resident')
    const { village } = await villageIds(t.ds)
    const res = await t.request({ method: 'GET', url: `/api/villages/${village}/home`, token })
    expect(res.status).toBe(200)
    expect(loaded()).toEqual([])
  })

  it('loads the spreadsheet library when a spreadsheet is first asked for', async () => {
    const township = await t.login('township')
    const { village } = await villageIds(t.ds)
    const res = await t.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'GET',
        url: `/api/villages/${village}/certificates/seal-register.xlsx?from=2000-01-01&to=2100-01-01`,
        headers: { authorization: `Bearer ${township}` },
      })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('spreadsheetml')
    expect(loaded()).toEqual(['exceljs'])
  })
})

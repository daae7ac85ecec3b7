import { access, certificateRoutes, fileRoutes, grievanceRoutes, route } from '@xiangli/shared'
import { makeCall } from './call'
import type { RequestOptions } from './core'

function recorder() {
  const calls: { path: string; options: RequestOptions | undefined }[] = []
  const call = makeCall({
    request: async <T>(path: string, options?: RequestOptions) => {
      calls.push({ path, options })
      return { ok: true } as T
    },
  })
  return { call, calls }
}

describe('call', () => {
  it('builds the URL from the route and sends its method, query and body', async () => {
    const { call, calls } = recorder()
    await call(grievanceRoutes.queue, { params: { villageId: 7 }, query: { page: 2, status: 'submitted' } })
    await call(
      grievanceRoutes.decline,
      { params: { villageId: 7, id: 31 }, body: { reason: '不属于村里办理的事' } },
      { idempotencyKey: 'k-12345678' },
    )
    expect(calls).toEqual([
      {
        path: '/api/villages/7/grievances',
        options: { method: 'GET', query: { page: 2, status: 'submitted' }, body: undefined },
      },
      {
        path: '/api/villages/7/grievances/31/decline',
        options: {
          method: 'POST',
          query: undefined,
          body: { reason: '不属于村里办理的事' },
          idempotencyKey: 'k-12345678',
        },
      },
    ])
  })

  it('sends the file of an upload route as multipart form data in the field the route names', async () => {
    const { call, calls } = recorder()
    const sheet = route<{ imported: number }>()({
      method: 'POST',
      path: '/api/villages/:villageId/sheets',
      access: access.village(['committee_member']),
      summary: 's',
      upload: 'sheet',
    })
    await call(sheet, { params: { villageId: 7 }, file: { path: 'wxfile://tmp/1', name: '花名册.xlsx' } })
    expect(calls).toEqual([
      {
        path: '/api/villages/7/sheets',
        options: {
          method: 'POST',
          query: undefined,
          body: undefined,
          upload: { field: 'sheet', filePath: 'wxfile://tmp/1', fileName: '花名册.xlsx' },
        },
      },
    ])
  })

  it('reports an upload’s progress to the page and keeps it out of the request’s own options', async () => {
    const { call, calls } = recorder()
    const seen: number[] = []
    await call(
      fileRoutes.uploadPhoto,
      { params: { villageId: 7 }, file: { path: 'wxfile://tmp/2' } },
      { idempotencyKey: 'k-87654321', onProgress: (p) => seen.push(p) },
    )
    const options = calls[0]!.options!
    expect(options).not.toHaveProperty('onProgress')
    expect(options).toEqual({
      method: 'POST',
      query: undefined,
      body: undefined,
      upload: { field: 'file', filePath: 'wxfile://tmp/2', onProgress: expect.any(Function) },
      idempotencyKey: 'k-87654321',
    })
    options.upload!.onProgress!(40)
    expect(seen).toEqual([40])
  })

  it('calls a public route without the login token', async () => {
    const { call, calls } = recorder()
    await call(certificateRoutes.verify, { query: { n: '330106101201-2026-0007', c: 'K7QM3XPA' } })
    expect(calls).toEqual([
      {
        path: '/api/certificates/verify',
        options: {
          method: 'GET',
          query: { n: '330106101201-2026-0007', c: 'K7QM3XPA' },
          body: undefined,
          auth: false,
        },
      },
    ])
  })

  it('refuses to call a route with a path parameter missing', () => {
    const { call } = recorder()
    // @ts-expect-error -- the id is required by the route's path
    expect(() => call(grievanceRoutes.detail, { params: { villageId: 7 } })).toThrow(
      'parameter id is missing',
    )
  })
})

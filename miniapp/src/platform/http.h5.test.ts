import { httpRequest } from './http.h5'

const realFetch = globalThis.fetch
afterEach(() => {
  globalThis.fetch = realFetch
  jest.useRealTimers()
})

function answer(status: number, text: string): jest.Mock {
  const f = jest.fn(async () => ({ status, text: async () => text }) as unknown as Response)
  globalThis.fetch = f as unknown as typeof fetch
  return f
}

const req = { url: '/api/x', method: 'POST' as const, headers: { a: 'b' }, timeoutMs: 1000 }

describe('the H5 request over fetch', () => {
  it('sends the body as JSON and gives the answer’s JSON with its status, whatever the status', async () => {
    const f = answer(409, '{"code":"CONFLICT","message":"已经有了"}')
    expect(await httpRequest({ ...req, body: { n: 1 } })).toEqual({
      status: 409,
      data: { code: 'CONFLICT', message: '已经有了' },
    })
    expect(f).toHaveBeenCalledWith(
      '/api/x',
      expect.objectContaining({ method: 'POST', headers: { a: 'b' }, body: '{"n":1}' }),
    )
  })

  it('gives text that is not JSON as text, and sends no body when there is none', async () => {
    const f = answer(502, '<html>Bad Gateway</html>')
    expect(await httpRequest({ ...req, method: 'GET' })).toEqual({
      status: 502,
      data: '<html>Bad Gateway</html>',
    })
    expect((f.mock.calls[0] as unknown as [string, RequestInit])[1].body).toBeUndefined()
    answer(204, '')
    expect(await httpRequest(req)).toEqual({ status: 204, data: '' })
  })

  it('rejects when no answer comes in time, and when the network fails', async () => {
    jest.useFakeTimers()
    globalThis.fetch = jest.fn(() => new Promise(() => undefined)) as unknown as typeof fetch
    const pending = httpRequest(req)
    jest.advanceTimersByTime(1001)
    await expect(pending).rejects.toThrow('no answer within 1000 ms')
    jest.useRealTimers()
    globalThis.fetch = jest.fn(async () => {
      throw new TypeError('Failed to fetch')
    }) as unknown as typeof fetch
    await expect(httpRequest(req)).rejects.toThrow('Failed to fetch')
  })
})

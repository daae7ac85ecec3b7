import { ERRORS } from '@xiangli/shared'
import {
  pair,
  memoryTokens,
  answer,
  apiError,
  expired,
  scriptedTransport,
  setup,
  isRefresh,
} from './core.fixtures'

describe('the request core', () => {
  it('sends the access token and the base URL with the query string', async () => {
    const { transport, calls } = scriptedTransport(() => answer(200, { items: [] }))
    const { api } = setup(transport)

    await api.request('/api/inbox', { query: { page: 2, pageSize: 20, q: undefined } })

    expect(calls[0]).toMatchObject({
      method: 'GET',
      url: 'https://xiangli.test/api/inbox?page=2&pageSize=20',
      headers: { Authorization: 'Bearer access-1' },
    })
  })

  it('does not send a token on calls marked auth: false', async () => {
    const { transport, calls } = scriptedTransport(() => answer(200, pair(2)))
    const { api } = setup(transport)

    await api.request('/api/auth/demo', { method: 'POST', body: { key: 'resident' }, auth: false })

    expect(calls[0]!.headers.Authorization).toBeUndefined()
  })

  describe('when the access token has expired', () => {
    it('refreshes once, stores the new pair and retries the request with the new token', async () => {
      const { transport, calls } = scriptedTransport((req) => {
        if (isRefresh(req)) return answer(200, pair(2))
        return req.headers.Authorization === 'Bearer access-2' ? answer(200, { count: 3 }) : expired()
      })
      const { api, tokens } = setup(transport)

      await expect(api.request('/api/inbox/unread-count')).resolves.toEqual({ count: 3 })

      expect(calls.filter(isRefresh)).toHaveLength(1)
      expect(calls.find(isRefresh)!.body).toEqual({ refreshToken: 'refresh-1' })
      expect(tokens.current).toEqual(pair(2))
    })

    it('shares one refresh between requests that fail at the same time', async () => {
      let releaseRefresh: () => void = () => undefined
      const refreshAnswered = new Promise<void>((resolve) => (releaseRefresh = resolve))
      const { transport, calls } = scriptedTransport(async (req) => {
        if (isRefresh(req)) {
          await refreshAnswered
          return answer(200, pair(2))
        }
        return req.headers.Authorization === 'Bearer access-2' ? answer(200, { url: req.url }) : expired()
      })
      const { api } = setup(transport)

      const all = Promise.all([
        api.request('/api/me'),
        api.request('/api/inbox'),
        api.request('/api/orgs/villages'),
      ])
      await new Promise((resolve) => setTimeout(resolve, 0))
      releaseRefresh()

      await expect(all).resolves.toHaveLength(3)
      expect(calls.filter(isRefresh)).toHaveLength(1)
    })

    it('does not refresh again when another request brought a new token meanwhile', async () => {
      const tokens = memoryTokens()
      const { transport, calls } = scriptedTransport((req) => {
        if (isRefresh(req)) return answer(200, pair(3))
        if (req.headers.Authorization !== 'Bearer access-1') return answer(200, { ok: true })
        // While this answer was on its way back, another request finished a refresh.
        tokens.set(pair(2))
        return expired()
      })
      const { api } = setup(transport, { tokens })

      await expect(api.request('/api/me')).resolves.toEqual({ ok: true })
      expect(calls.filter(isRefresh)).toHaveLength(0)
      expect(calls[1]!.headers.Authorization).toBe('Bearer access-2')
    })

    it('ends the session once and goes to login when the refresh is refused', async () => {
      const { transport } = scriptedTransport((req) =>
        isRefresh(req) ? answer(401, apiError('AUTH_REFRESH_REUSED')) : expired(),
      )
      const { api, tokens, ended, shown } = setup(transport)

      const results = await Promise.allSettled([api.request('/api/me'), api.request('/api/inbox')])

      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected'])
      expect(tokens.current).toBeNull()
      expect(ended).toHaveLength(1)
      expect(ended[0]!.code).toBe('AUTH_REFRESH_REUSED')
      expect(ended[0]!.message).toBe(ERRORS.AUTH_REFRESH_REUSED.message)
      // The login page says why; no toast on top of it.
      expect(shown).toHaveLength(0)
    })

    it('keeps the person logged in when the refresh fails for lack of network', async () => {
      const { transport } = scriptedTransport((req) => {
        if (isRefresh(req)) throw new Error('request:fail timeout')
        return expired()
      })
      const { api, tokens, ended } = setup(transport)

      await expect(api.request('/api/me')).rejects.toMatchObject({ code: 'NETWORK_FAILED' })
      expect(tokens.current).toEqual(pair(1))
      expect(ended).toHaveLength(0)
    })
  })

  it('ends the session when the server rejects the token outright', async () => {
    const { transport } = scriptedTransport(() => answer(401, apiError('AUTH_TOKEN_INVALID')))
    const { api, tokens, ended } = setup(transport)

    await expect(api.request('/api/me')).rejects.toMatchObject({ code: 'AUTH_TOKEN_INVALID' })
    expect(tokens.current).toBeNull()
    expect(ended.map((e) => e.code)).toEqual(['AUTH_TOKEN_INVALID'])
  })

  it('does not end the session when a login call itself is refused', async () => {
    const { transport } = scriptedTransport(() => answer(401, apiError('WECHAT_LOGIN_FAILED')))
    const { api, ended } = setup(transport)

    await expect(
      api.request('/api/auth/wechat', { method: 'POST', body: { code: 'x' }, auth: false }),
    ).rejects.toMatchObject({
      code: 'WECHAT_LOGIN_FAILED',
    })
    expect(ended).toHaveLength(0)
  })

  describe('idempotency keys', () => {
    it('sends one Idempotency-Key per submission and reuses it on every network retry', async () => {
      const { transport, calls } = scriptedTransport((_req, all) => {
        if (all.length < 3) throw new Error('request:fail')
        return answer(200, { id: 7 })
      })
      const { api } = setup(transport)

      await api.request('/api/me/verifications', { method: 'POST', body: { name: '张三' } })

      expect(calls).toHaveLength(3)
      expect(new Set(calls.map((c) => c.headers['Idempotency-Key']))).toEqual(new Set(['key-1']))
    })

    it('keeps the key when the request is retried after a token refresh', async () => {
      const { transport, calls } = scriptedTransport((req) => {
        if (isRefresh(req)) return answer(200, pair(2))
        return req.headers.Authorization === 'Bearer access-2' ? answer(200, { id: 1 }) : expired()
      })
      const { api } = setup(transport)

      await api.request('/api/villages/3/verifications/9/confirm', { method: 'POST' })

      const submissions = calls.filter((c) => !isRefresh(c))
      expect(submissions).toHaveLength(2)
      expect(submissions.map((c) => c.headers['Idempotency-Key'])).toEqual(['key-1', 'key-1'])
    })

    it('uses the key the page passes, so a second tap on 提交 counts as the same submission', async () => {
      const { transport, calls } = scriptedTransport(() => answer(200, {}))
      const { api } = setup(transport)

      await api.request('/api/me/verifications', { method: 'POST', body: {}, idempotencyKey: 'form-1' })
      await api.request('/api/me/verifications', { method: 'POST', body: {}, idempotencyKey: 'form-1' })

      expect(calls.map((c) => c.headers['Idempotency-Key'])).toEqual(['form-1', 'form-1'])
    })

    it('gives each separate submission its own key and none to reads', async () => {
      const { transport, calls } = scriptedTransport(() => answer(200, {}))
      const { api } = setup(transport)

      await api.request('/api/inbox/1/read', { method: 'POST' })
      await api.request('/api/inbox/2/read', { method: 'POST' })
      await api.request('/api/villages/1/roles/4', { method: 'DELETE' })
      await api.request('/api/me/preferences', { method: 'PATCH', body: { elderMode: true } })
      await api.request('/api/me')

      expect(calls.map((c) => c.headers['Idempotency-Key'])).toEqual([
        'key-1',
        'key-2',
        'key-3',
        'key-4',
        undefined,
      ])
    })
  })

  describe('network failures', () => {
    it('retries twice with growing waits, then reports the network problem', async () => {
      const { transport, calls } = scriptedTransport(() => {
        throw new Error('request:fail')
      })
      const { api, sleeps, shown } = setup(transport, { retryDelays: [500, 1500] })

      await expect(api.request('/api/me')).rejects.toMatchObject({ code: 'NETWORK_FAILED', status: null })

      expect(calls).toHaveLength(3)
      expect(sleeps).toEqual([500, 1500])
      expect(shown.map((e) => e.message)).toEqual(['网络不太好，没有连上服务器，请检查网络后再试'])
    })

    it('succeeds when the network comes back before the retries run out', async () => {
      const { transport, calls } = scriptedTransport((_req, all) => {
        if (all.length === 1) throw new Error('request:fail')
        return answer(200, { ok: true })
      })
      const { api, shown } = setup(transport)

      await expect(api.request('/api/me')).resolves.toEqual({ ok: true })
      expect(calls).toHaveLength(2)
      expect(shown).toHaveLength(0)
    })

    it('treats a gateway error without an API error body like a lost connection', async () => {
      const { transport, calls } = scriptedTransport((_req, all) =>
        all.length === 1 ? answer(502, '<html>Bad Gateway</html>') : answer(200, { ok: true }),
      )
      const { api } = setup(transport)

      await expect(api.request('/api/me')).resolves.toEqual({ ok: true })
      expect(calls).toHaveLength(2)
    })

    it('does not retry an error the server answered on purpose', async () => {
      const { transport, calls } = scriptedTransport(() => answer(503, apiError('WECHAT_UNAVAILABLE')))
      const { api } = setup(transport)

      await expect(api.request('/api/auth/wechat', { method: 'POST', auth: false })).rejects.toMatchObject({
        code: 'WECHAT_UNAVAILABLE',
      })
      expect(calls).toHaveLength(1)
    })
  })
})

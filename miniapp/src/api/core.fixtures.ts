/** A scripted transport, tokens in memory and the core wired to them: what the core's tests share. */
import { type TokenPair } from '@xiangli/shared'
import {
  createApiCore,
  type ApiError,
  type ApiCoreOptions,
  type TokenStore,
  type Transport,
  type TransportRequest,
  type TransportResponse,
} from './core'

export const pair = (n: number): TokenPair => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}`,
  expiresIn: 900,
})

export function memoryTokens(
  initial: TokenPair | null = pair(1),
): TokenStore & { current: TokenPair | null } {
  const store = {
    current: initial,
    get: () => store.current,
    set: (t: TokenPair) => {
      store.current = t
    },
    clear: () => {
      store.current = null
    },
  }
  return store
}

export const answer = (status: number, data: unknown): TransportResponse => ({ status, data })
export const apiError = (code: string, message = '') => ({ code, message, requestId: 'req-1' })
export const expired = () => answer(401, apiError('AUTH_TOKEN_EXPIRED', '登录已过期，请重新登录'))

/** A server stand-in: each handler answers one call, in order; the calls are recorded. */
export function scriptedTransport(
  route: (req: TransportRequest, calls: TransportRequest[]) => Promise<TransportResponse> | TransportResponse,
) {
  const calls: TransportRequest[] = []
  const transport: Transport = async (req) => {
    calls.push(req)
    return route(req, calls)
  }
  return { transport, calls }
}

export function setup(
  transport: Transport,
  overrides: Partial<ApiCoreOptions> & { tokens?: ReturnType<typeof memoryTokens> } = {},
) {
  const tokens = overrides.tokens ?? memoryTokens()
  const ended: ApiError[] = []
  const shown: ApiError[] = []
  let keys = 0
  const sleeps: number[] = []
  const api = createApiCore({
    baseUrl: 'https://xiangli.test',
    transport,
    tokens,
    onSessionEnded: (e) => ended.push(e),
    onError: (e) => shown.push(e),
    newKey: () => `key-${++keys}`,
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    ...overrides,
  })
  return { api, tokens, ended, shown, sleeps }
}

export const isRefresh = (req: TransportRequest) => req.url.endsWith('/api/auth/refresh')

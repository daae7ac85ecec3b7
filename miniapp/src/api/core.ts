/**
 * The one request layer, without Taro: base URL, bearer token, single-flight token refresh, error
 * code → Chinese message, network retry, and an Idempotency-Key per logical submission. The Taro
 * adapter (`request.ts`) gives it a transport, a token store and the side effects (toast, login page).
 */
import { AUTH_ERRORS, authRoutes, GENERIC_ERRORS, type ErrorCode, type TokenPair } from '@xiangli/shared'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** A file sent as multipart/form-data (the roster import, a photo). */
export interface UploadPart {
  /** field name in the form */
  field: string
  filePath: string
  fileName?: string
  /** how much has been sent, 0–100, as the transport reports it */
  onProgress?: (percent: number) => void
}

export interface TransportRequest {
  method: HttpMethod
  url: string
  headers: Record<string, string>
  body?: unknown
  upload?: UploadPart
}

export interface TransportResponse {
  status: number
  data: unknown
}

/** Resolves with whatever the server answered (any status); rejects only when no answer came back. */
export type Transport = (req: TransportRequest) => Promise<TransportResponse>

export interface TokenStore {
  get(): TokenPair | null
  set(tokens: TokenPair): void
  clear(): void
}

/** Failures that happen on the phone, before or instead of an answer from the server. */
export const CLIENT_ERRORS = {
  NETWORK_FAILED: '网络不太好，没有连上服务器，请检查网络后再试',
  BAD_RESPONSE: '服务器的回复有误，请稍后再试',
} as const
export type ClientErrorCode = keyof typeof CLIENT_ERRORS

/** A code this app knows, or one a newer server sent that this version does not know yet. */
export type ApiErrorCode = ErrorCode | ClientErrorCode | (string & {})

export class ApiError extends Error {
  /** This failure logged the person out; the login page explains it, no toast needed. */
  sessionEnded = false

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly status: number | null,
    readonly requestId: string | null = null,
    readonly details: unknown = undefined,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** The codes whose words the app carries itself: its own failures, and the generic and login ones. */
const OWN_WORDS: Record<string, string> = {
  ...Object.fromEntries(
    Object.entries({ ...GENERIC_ERRORS, ...AUTH_ERRORS }).map(([c, e]) => [c, e.message]),
  ),
  ...CLIENT_ERRORS,
}

/**
 * The text shown to a person: the server's own words first (it always sends them), then ours for a
 * generic or login code, then a sentence for the kind of answer. Every feature's own sentences stay
 * on the server: carried here, they would weigh on the mini program's main package.
 */
export function messageFor(
  code: ApiErrorCode,
  serverMessage?: string | null,
  status?: number | null,
): string {
  const fromServer = serverMessage?.trim()
  if (fromServer) return fromServer
  const own = OWN_WORDS[code]
  if (own) return own
  if (status === 401) return AUTH_ERRORS.AUTH_REQUIRED.message
  if (status === 403) return AUTH_ERRORS.FORBIDDEN.message
  if (status === 404) return GENERIC_ERRORS.NOT_FOUND.message
  if (status !== null && status !== undefined && status >= 400 && status < 500)
    return GENERIC_ERRORS.BAD_REQUEST.message
  return GENERIC_ERRORS.INTERNAL.message
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Turns a non-2xx answer into an ApiError, trusting only the `code` field. */
export function errorFromResponse(res: TransportResponse): ApiError {
  const body = isRecord(res.data) ? res.data : null
  if (body && typeof body.code === 'string' && body.code) {
    const serverMessage = typeof body.message === 'string' ? body.message : null
    const requestId = typeof body.requestId === 'string' ? body.requestId : null
    return new ApiError(
      body.code,
      messageFor(body.code, serverMessage, res.status),
      res.status,
      requestId,
      body.details,
    )
  }
  // No error body: a proxy or a crash answered. Say it in our words.
  const code: ApiErrorCode = res.status >= 500 ? 'INTERNAL' : 'BAD_RESPONSE'
  return new ApiError(code, messageFor(code), res.status)
}

export type QueryValue = string | number | boolean | null | undefined
export function buildQuery(query?: Record<string, QueryValue>): string {
  if (!query) return ''
  const parts: string[] = []
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  }
  return parts.length ? `?${parts.join('&')}` : ''
}

/** Unique enough for the server to recognise a repeated submission; not a secret. */
export function randomKey(): string {
  const chunk = () => Math.floor(Math.random() * 0x100000000).toString(36)
  return `${Date.now().toString(36)}-${chunk()}-${chunk()}-${chunk()}`
}

const isOk = (status: number) => status >= 200 && status < 300
/** A gateway answering for a server that is restarting or unreachable: as good as no answer. */
const isGatewayFailure = (res: TransportResponse) =>
  (res.status === 502 || res.status === 503 || res.status === 504) &&
  !(isRecord(res.data) && typeof res.data.code === 'string')

function isTokenPair(value: unknown): value is TokenPair {
  return isRecord(value) && typeof value.accessToken === 'string' && typeof value.refreshToken === 'string'
}

export interface RequestOptions {
  method?: HttpMethod
  query?: Record<string, QueryValue>
  body?: unknown
  upload?: UploadPart
  /** Send the token and refresh it when it expires. Off for the login calls. */
  auth?: boolean
  /**
   * The key of one logical submission. Pass the same key when the person submits the same form
   * again (e.g. taps 提交 a second time after a failure); left out, each call is its own submission.
   */
  idempotencyKey?: string
  /** Show the error to the person (toast). Off where the page shows the error itself. */
  toast?: boolean
}

export interface ApiCoreOptions {
  baseUrl: string
  transport: Transport
  tokens: TokenStore
  /** The session is over (refresh refused, or the server no longer accepts the token): go to login. */
  onSessionEnded?: (error: ApiError) => void
  /** Show an error to the person. */
  onError?: (error: ApiError) => void
  newKey?: () => string
  sleep?: (ms: number) => Promise<void>
  /** Wait before each retry after a network failure; its length is the number of retries. */
  retryDelays?: readonly number[]
}

export interface ApiCore {
  request<T>(path: string, options?: RequestOptions): Promise<T>
  /** Exchanges the refresh token for a new pair; concurrent callers share one exchange. */
  refresh(): Promise<TokenPair>
}

export const DEFAULT_RETRY_DELAYS = [600, 1800] as const

export function createApiCore(options: ApiCoreOptions): ApiCore {
  const { baseUrl, transport, tokens } = options
  const newKey = options.newKey ?? randomKey
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  const retryDelays = options.retryDelays ?? DEFAULT_RETRY_DELAYS

  async function send(req: TransportRequest): Promise<TransportResponse> {
    for (let attempt = 0; ; attempt++) {
      let res: TransportResponse | null = null
      try {
        res = await transport(req)
      } catch {
        res = null
      }
      if (res && !isGatewayFailure(res)) return res
      if (attempt >= retryDelays.length) {
        if (res) return res
        throw new ApiError('NETWORK_FAILED', messageFor('NETWORK_FAILED'), null)
      }
      await sleep(retryDelays[attempt]!)
    }
  }

  function endSession(error: ApiError) {
    error.sessionEnded = true
    tokens.clear()
    options.onSessionEnded?.(error)
  }

  let refreshing: Promise<TokenPair> | null = null

  async function exchangeRefreshToken(): Promise<TokenPair> {
    const current = tokens.get()
    if (!current) throw new ApiError('AUTH_REQUIRED', messageFor('AUTH_REQUIRED'), 401)
    // Straight to the transport rather than through `request`: the exchange runs without an access
    // token (the one it replaces may have run out) and must not itself refresh or end the session.
    const res = await send({
      method: authRoutes.refresh.method,
      url: `${baseUrl}${authRoutes.refresh.path}`,
      // Rotation makes a refresh token single-use; the key lets a retried exchange get the same answer.
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': newKey() },
      body: { refreshToken: current.refreshToken },
    })
    if (isOk(res.status) && isTokenPair(res.data)) {
      tokens.set(res.data)
      return res.data
    }
    const error = isOk(res.status)
      ? new ApiError('BAD_RESPONSE', messageFor('BAD_RESPONSE'), res.status)
      : errorFromResponse(res)
    // Refused (4xx): the session is over. A server error is not the person's fault: keep them logged in.
    if (res.status >= 400 && res.status < 500 && tokens.get()) endSession(error)
    throw error
  }

  function refresh(): Promise<TokenPair> {
    if (!refreshing) {
      refreshing = exchangeRefreshToken().finally(() => {
        refreshing = null
      })
    }
    return refreshing
  }

  async function attempt<T>(
    path: string,
    o: RequestOptions,
    key: string | undefined,
    refreshed: boolean,
  ): Promise<T> {
    const method = o.method ?? 'GET'
    const useAuth = o.auth !== false
    const sent = useAuth ? tokens.get() : null
    const headers: Record<string, string> = {}
    if (sent) headers.Authorization = `Bearer ${sent.accessToken}`
    if (key) headers['Idempotency-Key'] = key
    if (o.body !== undefined && !o.upload) headers['Content-Type'] = 'application/json'
    const req: TransportRequest = { method, url: `${baseUrl}${path}${buildQuery(o.query)}`, headers }
    if (o.body !== undefined) req.body = o.body
    if (o.upload) req.upload = o.upload

    const res = await send(req)
    if (isOk(res.status)) return res.data as T

    const error = errorFromResponse(res)
    if (res.status !== 401 || !useAuth) throw error

    if (sent && error.code === 'AUTH_TOKEN_EXPIRED' && !refreshed) {
      const now = tokens.get()
      // Another request refreshed while this one was on its way: just use the new token.
      if (!(now && now.accessToken !== sent.accessToken)) await refresh()
      return attempt<T>(path, o, key, true)
    }
    // Not logged in, or the server no longer takes this token. If the token changed meanwhile
    // (another request refreshed it, or the person logged in again), the session is not ours to end.
    if (!sent || tokens.get()?.accessToken === sent.accessToken) endSession(error)
    throw error
  }

  async function request<T>(path: string, o: RequestOptions = {}): Promise<T> {
    const method = o.method ?? 'GET'
    // One key for the whole submission: the same key goes out on every retry and after a refresh.
    const key = method === 'GET' ? undefined : (o.idempotencyKey ?? newKey())
    try {
      return await attempt<T>(path, o, key, false)
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError('BAD_RESPONSE', messageFor('BAD_RESPONSE'), null)
      if (o.toast !== false && !error.sessionEnded) options.onError?.(error)
      throw error
    }
  }

  return { request, refresh }
}

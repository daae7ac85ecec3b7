import { Inject, Injectable, Logger } from '@nestjs/common'
import { APP_CONFIG, type AppConfig } from '../../core/config/config'
import { AccessTokenStore } from './access-token.store'

export class WechatError extends Error {
  constructor(
    message: string,
    /** WeChat's errcode, or null when the service could not be reached at all */
    public readonly errcode: number | null,
  ) {
    super(message)
  }
}

export interface SessionInfo {
  openid: string
  unionid: string | null
}

export interface SubscribeMessage {
  touser: string
  template_id: string
  page?: string
  data: Record<string, { value: string }>
}

/** Sends subscribe messages; the outbox worker depends on this interface, tests on a fake server. */
export interface SubscribeMessageSender {
  send(message: SubscribeMessage): Promise<void>
}

/** WeChat's suggestion for one text, and the label of what it found (100 when nothing). */
export interface TextCheck {
  suggest: 'pass' | 'review' | 'risky'
  label: string | null
}

const TOKEN_EXPIRED = new Set([40001, 42001, 40014])

/** The real HTTP client for WeChat's server API, against a configurable base URL. */
@Injectable()
export class WechatClient implements SubscribeMessageSender {
  private readonly log = new Logger('WeChat')
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: AccessTokenStore,
  ) {}

  get configured(): boolean {
    return Boolean(this.config.WECHAT_APP_ID && this.config.WECHAT_APP_SECRET)
  }

  private async call(
    path: string,
    init?: { method: 'POST'; body: unknown },
  ): Promise<Record<string, unknown>> {
    const url = this.config.WECHAT_API_BASE.replace(/\/$/, '') + path
    let res: Response
    try {
      res = await fetch(url, {
        method: init?.method ?? 'GET',
        headers: init ? { 'content-type': 'application/json' } : undefined,
        body: init ? JSON.stringify(init.body) : undefined,
        signal: AbortSignal.timeout(this.config.WECHAT_TIMEOUT_MS),
      })
    } catch (e) {
      throw new WechatError(`WeChat unreachable: ${(e as Error).message}`, null)
    }
    if (!res.ok) throw new WechatError(`WeChat answered HTTP ${res.status}`, null)
    const body = (await res.json().catch(() => null)) as Record<string, unknown> | null
    if (!body) throw new WechatError('WeChat answered with something that is not JSON', null)
    const errcode = typeof body.errcode === 'number' ? body.errcode : 0
    if (errcode !== 0)
      throw new WechatError(`WeChat errcode ${errcode}: ${String(body.errmsg ?? '')}`, errcode)
    return body
  }

  /** wx.login code → openid (auth.code2Session). */
  async code2Session(code: string): Promise<SessionInfo> {
    const q = new URLSearchParams({
      appid: this.config.WECHAT_APP_ID ?? '',
      secret: this.config.WECHAT_APP_SECRET ?? '',
      js_code: code,
      grant_type: 'authorization_code',
    })
    const body = await this.call(`/sns/jscode2session?${q}`)
    if (typeof body.openid !== 'string' || !body.openid)
      throw new WechatError('code2Session returned no openid', -1)
    return { openid: body.openid, unionid: typeof body.unionid === 'string' ? body.unionid : null }
  }

  /**
   * The access token from `/cgi-bin/stable_token`, which answers every caller the same token while
   * it is valid, so instances sharing one app never invalidate each other's. Kept in the store
   * (Redis when configured) until five minutes before it expires.
   */
  private async accessToken(): Promise<string> {
    const cached = await this.tokens.get()
    if (cached) return cached
    const body = await this.call('/cgi-bin/stable_token', {
      method: 'POST',
      body: {
        grant_type: 'client_credential',
        appid: this.config.WECHAT_APP_ID ?? '',
        secret: this.config.WECHAT_APP_SECRET ?? '',
        force_refresh: false,
      },
    })
    const value = typeof body.access_token === 'string' ? body.access_token : ''
    if (!value) throw new WechatError('stable_token returned no access_token', -1)
    const ttl = typeof body.expires_in === 'number' ? body.expires_in : 7200
    // renew five minutes early so a token never expires mid-send
    await this.tokens.put({ value, expiresAt: Date.now() + Math.max(60, ttl - 300) * 1000 })
    return value
  }

  async send(message: SubscribeMessage): Promise<void> {
    await this.withToken((token) =>
      this.call(`/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, {
        method: 'POST',
        body: {
          ...message,
          miniprogram_state: this.config.NODE_ENV === 'production' ? 'formal' : 'developer',
          lang: 'zh_CN',
        },
      }),
    )
  }

  /**
   * 内容安全 msgSecCheck v2: what WeChat suggests for a text the person (openid, active in the mini
   * program within two hours) wrote. scene: 1 资料, 2 评论, 3 论坛, 4 社交日志.
   */
  async msgSecCheck(input: { openid: string; content: string; scene: 1 | 2 | 3 | 4 }): Promise<TextCheck> {
    const body = await this.withToken((token) =>
      this.call(`/wxa/msg_sec_check?access_token=${encodeURIComponent(token)}`, {
        method: 'POST',
        body: { content: input.content, version: 2, scene: input.scene, openid: input.openid },
      }),
    )
    const result = (body.result ?? {}) as { suggest?: unknown; label?: unknown }
    const suggest = typeof result.suggest === 'string' ? result.suggest : ''
    if (suggest !== 'pass' && suggest !== 'review' && suggest !== 'risky')
      throw new WechatError(`msg_sec_check answered no suggestion (${suggest})`, -1)
    return { suggest, label: result.label === undefined ? null : String(result.label) }
  }

  /**
   * 内容安全 mediaCheckAsync v2: asks WeChat to fetch and look at a photo (media_type 2 is an image);
   * the answer is a trace id, the result comes later as a push (wxa_media_check).
   */
  async mediaCheckAsync(input: { openid: string; mediaUrl: string; scene: 1 | 2 | 3 | 4 }): Promise<string> {
    const body = await this.withToken((token) =>
      this.call(`/wxa/media_check_async?access_token=${encodeURIComponent(token)}`, {
        method: 'POST',
        body: {
          media_url: input.mediaUrl,
          media_type: 2,
          version: 2,
          scene: input.scene,
          openid: input.openid,
        },
      }),
    )
    if (typeof body.trace_id !== 'string' || !body.trace_id)
      throw new WechatError('media_check_async returned no trace_id', -1)
    return body.trace_id
  }

  /** Calls with the access token; once per call, a token WeChat rejects is dropped and the call made again. */
  private async withToken<T>(call: (token: string) => Promise<T>): Promise<T> {
    const token = await this.accessToken()
    try {
      return await call(token)
    } catch (e) {
      if (e instanceof WechatError && e.errcode !== null && TOKEN_EXPIRED.has(e.errcode)) {
        this.log.warn('access token rejected; fetching a new one')
        await this.tokens.drop(token)
        return call(await this.accessToken())
      }
      throw e
    }
  }
}

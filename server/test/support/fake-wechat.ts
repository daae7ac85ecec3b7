import { createHash, randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { encryptPush, msgSignature, pushAesKey } from '../../src/infra/wechat/push-crypto'

export interface FakeCall {
  method: string
  path: string
  query: Record<string, string>
  body: unknown
}

/** What the fake answers for one call: a JSON body (status 200 unless given). */
export type FakeHandler = (call: FakeCall) => { status?: number; body: unknown }

/**
 * A stand-in for api.weixin.qq.com on 127.0.0.1 and a random port. Tests set a handler per path,
 * read what it received, and take it down and up again to play an outage.
 */
export class FakeWechat {
  readonly calls: FakeCall[] = []
  private readonly handlers = new Map<string, FakeHandler>()
  private server: Server | null = null
  private port = 0

  get base(): string {
    return `http://127.0.0.1:${this.port}`
  }

  on(path: string, handler: FakeHandler): this {
    this.handlers.set(path, handler)
    return this
  }

  callsTo(path: string): FakeCall[] {
    return this.calls.filter((c) => c.path === path)
  }

  async up(): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res))
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(this.port, '127.0.0.1', () => resolve())
    })
    this.server = server
    this.port = (server.address() as AddressInfo).port
  }

  /** Stops listening and cuts open connections: calls now fail with "connection refused". */
  async down(): Promise<void> {
    const server = this.server
    if (!server) return
    this.server = null
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const text = Buffer.concat(chunks).toString('utf8')
    const url = new URL(req.url ?? '/', 'http://fake')
    const call: FakeCall = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: text ? JSON.parse(text) : null,
    }
    this.calls.push(call)
    const handler = this.handlers.get(call.path)
    const { status, body } = handler
      ? handler(call)
      : { status: 404, body: { errcode: -1, errmsg: 'no such path' } }
    res.writeHead(status ?? 200, { 'content-type': 'application/json' })
    res.end(JSON.stringify(body))
  }
}

/** WeChat's suggestion for a text or a photo, and its label (100 when nothing was found). */
export interface FakeVerdict {
  suggest: 'pass' | 'review' | 'risky'
  label?: number
}

/** A photo the fake was asked to check: its trace id, the URL WeChat would fetch, who asked. */
export interface MediaAsked {
  traceId: string
  mediaUrl: string
  openid: string
}

/** A push as WeChat sends it to the server's message endpoint: the path with its query, the JSON body. */
export interface MediaPush {
  url: string
  body: Record<string, unknown>
}

/**
 * 内容安全 on the fake: stable_token, msg_sec_check v2 (the verdict from `judge`, by the text) and
 * media_check_async v2 (a trace id per photo, kept in `asked`). The results of photos are not sent
 * by the fake on its own: a test builds the push with `mediaPush` (signed with the token the server
 * was given, or wrongly) and delivers it to the server, as WeChat would, when it wants.
 */
export class FakeContentSecurity {
  readonly asked: MediaAsked[] = []
  private traces = 0

  constructor(
    readonly wechat: FakeWechat,
    /** what WeChat says of a text; everything passes unless told */
    public judge: (content: string) => FakeVerdict = () => ({ suggest: 'pass' }),
  ) {
    wechat.on('/cgi-bin/stable_token', () => ({ body: { access_token: 'content-token', expires_in: 7200 } }))
    wechat.on('/wxa/msg_sec_check', ({ body }) => {
      const b = body as { content?: string; version?: number; openid?: string; scene?: number }
      if (b.version !== 2 || !b.openid || !b.scene)
        return { body: { errcode: 47001, errmsg: 'data format error' } }
      const v = this.judge(b.content ?? '')
      return {
        body: {
          errcode: 0,
          errmsg: 'ok',
          result: { suggest: v.suggest, label: v.label ?? (v.suggest === 'pass' ? 100 : 20001) },
          detail: [],
          trace_id: `text-${++this.traces}`,
        },
      }
    })
    wechat.on('/wxa/media_check_async', ({ body }) => {
      const b = body as { media_url?: string; media_type?: number; version?: number; openid?: string }
      if (b.version !== 2 || b.media_type !== 2 || !b.openid || !b.media_url)
        return { body: { errcode: 47001, errmsg: 'data format error' } }
      const traceId = `media-${++this.traces}-${randomBytes(4).toString('hex')}`
      this.asked.push({ traceId, mediaUrl: b.media_url, openid: b.openid })
      return { body: { errcode: 0, errmsg: 'ok', trace_id: traceId } }
    })
  }

  textsChecked(): string[] {
    return this.wechat.callsTo('/wxa/msg_sec_check').map((c) => (c.body as { content: string }).content)
  }

  /**
   * The push of a photo's result to `path` (the server's message endpoint), signed as WeChat signs:
   * sha1 of the sorted token, timestamp and nonce. `signWith` another token makes a forged push.
   */
  mediaPush(
    path: string,
    o: { traceId: string; verdict: FakeVerdict; token: string; signWith?: string },
  ): MediaPush {
    const timestamp = String(Math.floor(Date.now() / 1000))
    const nonce = randomBytes(6).toString('hex')
    const signature = pushSignature(o.signWith ?? o.token, timestamp, nonce)
    return {
      url: `${path}?${new URLSearchParams({ signature, timestamp, nonce })}`,
      body: {
        ToUserName: 'gh_fake',
        FromUserName: 'fake-wechat',
        CreateTime: Number(timestamp),
        MsgType: 'event',
        Event: 'wxa_media_check',
        appid: 'wx-test-app',
        trace_id: o.traceId,
        version: 2,
        detail: [
          {
            strategy: 'content_model',
            errcode: 0,
            suggest: o.verdict.suggest,
            label: o.verdict.label ?? 100,
          },
        ],
        errcode: 0,
        errmsg: 'ok',
        result: { suggest: o.verdict.suggest, label: o.verdict.label ?? 100 },
      },
    }
  }
}

/**
 * The same push as WeChat sends it in 安全模式: the message encrypted with the EncodingAESKey for the
 * AppID, signed (msg_signature) over the encrypted text. `forAppId` another AppID, or `signWith`
 * another token, makes a forged one.
 */
export function encryptedPush(
  plain: MediaPush,
  o: { token: string; encodingAesKey: string; appId: string; signWith?: string },
): MediaPush {
  const url = new URL(plain.url, 'http://x')
  const timestamp = url.searchParams.get('timestamp')!
  const nonce = url.searchParams.get('nonce')!
  const key = pushAesKey(o.encodingAesKey)!
  const encrypt = encryptPush(key, JSON.stringify(plain.body), o.appId)
  url.searchParams.set('encrypt_type', 'aes')
  url.searchParams.set('msg_signature', msgSignature(o.signWith ?? o.token, timestamp, nonce, encrypt))
  return { url: `${url.pathname}${url.search}`, body: { ToUserName: 'gh_fake', Encrypt: encrypt } }
}

/** WeChat's signature of a push: sha1 of the token, timestamp and nonce, sorted and joined. */
export const pushSignature = (token: string, timestamp: string, nonce: string): string =>
  createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex')

export async function startFakeWechat(): Promise<FakeWechat> {
  const fake = new FakeWechat()
  await fake.up()
  return fake
}

import { Inject, Injectable, Logger } from '@nestjs/common'
import type { z } from 'zod'
import { wechatPushBodySchema } from '@xiangli/shared'
import { APP_CONFIG, type AppConfig } from '../../../core/config/config'
import { AppException } from '../../../core/errors/app.exception'
import { decryptPush, msgSignatureValid, pushAesKey } from '../../../infra/wechat/push-crypto'
import { ContentCheckRepository } from '../content-check.repository'
import { asSuggest, pushSignatureValid } from '../content-check.rules'
import { ContentChecking } from './content-checking'

interface PushQuery {
  signature: string
  timestamp: string
  nonce: string
  echostr?: string
  msg_signature?: string
}

type PushBody = z.infer<typeof wechatPushBodySchema>

/**
 * WeChat's pushes to the message endpoint (消息推送, JSON): the address check when it is set up, and
 * the results of photo checks. Nothing is believed without a signature made with WECHAT_MSG_TOKEN;
 * without that setting every push is refused. With WECHAT_MSG_AES_KEY (安全模式, or 兼容模式) only
 * an encrypted push is believed: its msg_signature covers the encrypted message, which must decrypt
 * to a message made for this AppID.
 */
@Injectable()
export class MediaPush {
  private readonly log = new Logger('ContentCheck')

  constructor(
    private readonly repo: ContentCheckRepository,
    private readonly checking: ContentChecking,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The address check: the echostr back, as it came. */
  verify(q: PushQuery): string {
    this.mustBeSigned(q)
    return q.echostr ?? ''
  }

  /** A photo's result: recorded once, and the item moved if that settles it. Anything else: acknowledged. */
  async receive(q: PushQuery, pushed: PushBody): Promise<string> {
    const body = this.aesKey ? this.decrypted(q, pushed, this.aesKey) : (this.mustBeSigned(q), pushed)
    if (body.Event !== 'wxa_media_check' || !body.trace_id) return 'success'
    const media = await this.repo.mediaByTrace(body.trace_id)
    if (!media) {
      this.log.warn(`media check result for an unknown trace id ${body.trace_id}`)
      return 'success'
    }
    const suggest = asSuggest(body.result?.suggest)
    const label = suggest === 'pass' ? null : (body.result?.label ?? null)
    if (await this.repo.saveMediaResult(media.id, suggest, label)) await this.checking.evaluate(media.checkId)
    return 'success'
  }

  private readonly aesKey = this.config.WECHAT_MSG_AES_KEY ? pushAesKey(this.config.WECHAT_MSG_AES_KEY) : null

  /** The message inside an encrypted push, once its signature and its AppID are right. */
  private decrypted(q: PushQuery, pushed: PushBody, key: Buffer): PushBody {
    const encrypt = pushed.Encrypt
    if (!encrypt) throw new AppException('WECHAT_PUSH_NOT_ENCRYPTED')
    const token = this.config.WECHAT_MSG_TOKEN
    if (!token || !msgSignatureValid(token, q, encrypt))
      throw new AppException('WECHAT_PUSH_SIGNATURE_INVALID')
    const plain = decryptPush(key, encrypt, this.config.WECHAT_APP_ID ?? '')
    if (plain === null) throw new AppException('WECHAT_PUSH_UNREADABLE')
    let json: unknown
    try {
      json = JSON.parse(plain)
    } catch {
      throw new AppException('WECHAT_PUSH_UNREADABLE')
    }
    const read = wechatPushBodySchema.safeParse(json)
    if (!read.success) throw new AppException('WECHAT_PUSH_UNREADABLE')
    return read.data
  }

  private mustBeSigned(q: PushQuery): void {
    const token = this.config.WECHAT_MSG_TOKEN
    if (!token || !pushSignatureValid(token, q)) throw new AppException('WECHAT_PUSH_SIGNATURE_INVALID')
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common'
import { APP_CONFIG, type AppConfig } from '../../../core/config/config'
import { AppException } from '../../../core/errors/app.exception'
import { ContentCheckRepository } from '../content-check.repository'
import { asSuggest, pushSignatureValid } from '../content-check.rules'
import { ContentChecking } from './content-checking'

interface PushQuery {
  signature: string
  timestamp: string
  nonce: string
  echostr?: string
}

interface PushBody {
  Event?: string
  trace_id?: string
  result?: { suggest: string; label?: string }
}

/**
 * WeChat's pushes to the message endpoint (消息推送, JSON, plain-text mode): the address check when
 * it is set up, and the results of photo checks. Nothing is believed without a signature made with
 * WECHAT_MSG_TOKEN; without that setting every push is refused.
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
  async receive(q: PushQuery, body: PushBody): Promise<string> {
    this.mustBeSigned(q)
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

  private mustBeSigned(q: PushQuery): void {
    const token = this.config.WECHAT_MSG_TOKEN
    if (!token || !pushSignatureValid(token, q)) throw new AppException('WECHAT_PUSH_SIGNATURE_INVALID')
  }
}

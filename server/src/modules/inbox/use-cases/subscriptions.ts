import { Inject, Injectable } from '@nestjs/common'
import type { SubscribeCredits, SubscribeResultBody, SubscribeTemplates } from '@xiangli/shared'
import { APP_CONFIG, type AppConfig } from '../../../core/config/config'
import type { SendCredits } from '../../../infra/wechat/send-credits'
import { templatesPerAction } from '../inbox.rules'
import { SubscribeCreditRepository } from '../subscribe-credit.repository'

/**
 * WeChat subscribe messages from the person's side: which templates each tap asks for, and the
 * answers the phone reports. Every `accept` is one message WeChat lets us send of that template;
 * the outbox spends them (take).
 */
@Injectable()
export class Subscriptions implements SendCredits {
  constructor(
    private readonly credits: SubscribeCreditRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private perAction() {
    return templatesPerAction(this.config.WECHAT_TEMPLATES, this.config.WECHAT_SUBSCRIBE_TEMPLATE_ID)
  }

  /** The template ids anything here may send; a report about others is ignored. */
  private known(): Set<string> {
    return new Set([
      ...Object.values(this.config.WECHAT_TEMPLATES).map((t) => t.id),
      ...(this.config.WECHAT_SUBSCRIBE_TEMPLATE_ID ? [this.config.WECHAT_SUBSCRIBE_TEMPLATE_ID] : []),
    ])
  }

  templates(): SubscribeTemplates {
    return { actions: this.perAction() }
  }

  /** Records each accepted template as one credit; answers what the person now holds. */
  async report(accountId: number, body: SubscribeResultBody): Promise<SubscribeCredits> {
    const known = this.known()
    const accepted = Object.entries(body.results)
      .filter(([id, answer]) => answer === 'accept' && known.has(id))
      .map(([id]) => id)
    if (accepted.length) await this.credits.add(accountId, accepted)
    const ids = [...known]
    const open = await this.credits.open(accountId, ids)
    return { credits: Object.fromEntries(ids.map((id) => [id, open[id] ?? 0])) }
  }

  take(accountId: number, templateId: string, messageId: number, now: Date): Promise<boolean> {
    return this.credits.take(accountId, templateId, messageId, now)
  }
}

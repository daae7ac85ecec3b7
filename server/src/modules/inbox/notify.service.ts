import { Inject, Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import { APP_CONFIG, type AppConfig } from '../../core/config/config'
import { AccountsDirectory } from '../auth/accounts-directory'
import { InboxRepository } from './inbox.repository'
import { inboxRows, templateFor, wechatRows, type NoticeToSend } from './inbox.rules'

export type { NoticeToSend } from './inbox.rules'

/**
 * What every workflow calls to tell people something: an inbox message always, and a WeChat
 * subscribe message queued in the same transaction when the account came from WeChat and the
 * event kind has a template (WECHAT_TEMPLATES).
 */
@Injectable()
export class NotifyService {
  constructor(
    private readonly repo: InboxRepository,
    private readonly accounts: AccountsDirectory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async notify(m: EntityManager, n: NoticeToSend): Promise<void> {
    const ids = [...new Set(n.accountIds)]
    if (ids.length === 0) return
    // a notice to a whole village is thousands of rows: in chunks, inside the caller's transaction
    await this.repo.insertNotifications(m, inboxRows(n, ids))
    const template = templateFor(
      n.kind,
      this.config.WECHAT_TEMPLATES,
      this.config.WECHAT_SUBSCRIBE_TEMPLATE_ID,
    )
    if (!template) return
    // queued for everyone from WeChat; the outbox sends only to those who accepted the template
    const recipients = await this.accounts.openids(ids, m)
    await this.repo.queueWechat(m, wechatRows(n, recipients, template, new Date()))
  }
}

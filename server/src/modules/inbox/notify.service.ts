import { Inject, Injectable } from '@nestjs/common'
import { In, type EntityManager } from 'typeorm'
import { APP_CONFIG, type AppConfig } from '../../core/config/config'
import { INSERT_CHUNK, insertMany } from '../../core/database/insert-many'
import { OutboxMessage } from '../../infra/wechat/entities/outbox-message.entity'
import { Account } from '../auth/entities/account.entity'
import { Notification } from './entities/notification.entity'

export interface NoticeToSend {
  accountIds: number[]
  orgId: number | null
  kind: string
  title: string
  body: string
  link?: string | null
}

/**
 * What every workflow calls to tell people something: an inbox message always, and a WeChat
 * subscribe message queued in the same transaction when the account came from WeChat.
 */
@Injectable()
export class NotifyService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async notify(m: EntityManager, n: NoticeToSend): Promise<void> {
    const ids = [...new Set(n.accountIds)]
    if (ids.length === 0) return
    // a notice to a whole village is thousands of rows: in chunks, inside the caller's transaction
    await insertMany(
      m,
      Notification,
      ids.map((accountId) => ({
        accountId,
        orgId: n.orgId,
        kind: n.kind,
        title: n.title.slice(0, 100),
        body: n.body,
        link: n.link ?? null,
        readAt: null,
      })),
    )
    const template = this.config.WECHAT_SUBSCRIBE_TEMPLATE_ID
    if (!template) return
    const accounts: Pick<Account, 'id' | 'openid'>[] = []
    for (let i = 0; i < ids.length; i += INSERT_CHUNK)
      accounts.push(
        ...(await m
          .getRepository(Account)
          .find({ where: { id: In(ids.slice(i, i + INSERT_CHUNK)) }, select: ['id', 'openid'] })),
      )
    const rows = accounts
      .filter((a) => a.openid)
      .map((a) => ({
        openid: a.openid!,
        templateId: template,
        page: n.link ?? null,
        // thing fields take at most 20 characters
        data: { thing1: { value: n.title.slice(0, 20) }, thing2: { value: n.body.slice(0, 20) } },
        state: 'pending' as const,
        attempts: 0,
        nextAttemptAt: new Date(),
        claimedUntil: null,
        lastError: null,
        sentAt: null,
      }))
    await insertMany(m, OutboxMessage, rows)
  }
}

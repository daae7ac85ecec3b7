import { Injectable } from '@nestjs/common'
import type { NotificationView, Page, UnreadCount } from '@xiangli/shared'
import { AppException } from '../../../core/errors/app.exception'
import { TxService } from '../../../core/tx/tx.service'
import { presentNotification } from '../inbox.presenter'
import { InboxRepository } from '../inbox.repository'

/**
 * One's own messages: reading them and marking them read. Everything is looked up by the caller's
 * account, so another person's message is not found. Read markers are a person's own bookkeeping,
 * not a governance act, so they are not audited.
 */
@Injectable()
export class MyInbox {
  constructor(
    private readonly repo: InboxRepository,
    private readonly tx: TxService,
  ) {}

  async list(accountId: number, q: { page: number; pageSize: number }): Promise<Page<NotificationView>> {
    const [rows, total] = await this.repo.page(accountId, q)
    return { items: rows.map(presentNotification), total, page: q.page, pageSize: q.pageSize }
  }

  async unread(accountId: number): Promise<UnreadCount> {
    return { count: await this.repo.unreadCount(accountId) }
  }

  async markRead(accountId: number, id: number): Promise<NotificationView> {
    return this.tx.run(async (m) => {
      const n = await this.repo.own(m, accountId, id)
      if (!n) throw new AppException('NOT_FOUND')
      if (!n.readAt) {
        n.readAt = new Date()
        await this.repo.markRead(m, id, n.readAt)
      }
      return presentNotification(n)
    })
  }

  async markAllRead(accountId: number): Promise<UnreadCount> {
    await this.tx.run((m) => this.repo.markAllRead(m, accountId, new Date()))
    return { count: 0 }
  }
}

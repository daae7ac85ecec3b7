import { Injectable } from '@nestjs/common'
import { DataSource, IsNull } from 'typeorm'
import type { NotificationView, Page, UnreadCount } from '@xiangli/shared'
import { AppException } from '../../core/errors/app.exception'
import { TxService } from '../../core/tx/tx.service'
import { Notification } from './entities/notification.entity'

const view = (n: Notification): NotificationView => ({
  id: n.id,
  orgId: n.orgId,
  kind: n.kind,
  title: n.title,
  body: n.body,
  link: n.link,
  read: n.readAt !== null,
  createdAt: n.createdAt.toISOString(),
})

/** Read markers are a person's own bookkeeping, not a governance act, so they are not audited. */
@Injectable()
export class InboxService {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: TxService,
  ) {}

  async list(accountId: number, page: number, pageSize: number): Promise<Page<NotificationView>> {
    const [rows, total] = await this.ds.getRepository(Notification).findAndCount({
      where: { accountId },
      order: { id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    })
    return { items: rows.map(view), total, page, pageSize }
  }

  async unread(accountId: number): Promise<UnreadCount> {
    return { count: await this.ds.getRepository(Notification).countBy({ accountId, readAt: IsNull() }) }
  }

  async markRead(accountId: number, id: number): Promise<NotificationView> {
    return this.tx.run(async (m) => {
      const n = await m.getRepository(Notification).findOneBy({ id, accountId })
      if (!n) throw new AppException('NOT_FOUND')
      if (!n.readAt) {
        n.readAt = new Date()
        await m.getRepository(Notification).update({ id }, { readAt: n.readAt })
      }
      return view(n)
    })
  }

  async markAllRead(accountId: number): Promise<UnreadCount> {
    await this.tx.run((m) =>
      m.getRepository(Notification).update({ accountId, readAt: IsNull() }, { readAt: new Date() }),
    )
    return { count: 0 }
  }
}

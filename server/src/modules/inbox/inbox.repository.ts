import { Injectable } from '@nestjs/common'
import { DataSource, IsNull, type EntityManager } from 'typeorm'
import { insertMany } from '../../core/database/insert-many'
import { OutboxMessage } from '../../infra/wechat/entities/outbox-message.entity'
import { Notification } from './entities/notification.entity'

export type NewNotification = Omit<Notification, 'id' | 'createdAt'>
export type NewOutboxMessage = Omit<OutboxMessage, 'id' | 'createdAt'>

/** Every query of the inbox, and the WeChat outbox rows queued beside its messages. */
@Injectable()
export class InboxRepository {
  constructor(private readonly ds: DataSource) {}

  /** A page of one account's messages, newest first, with the total. */
  page(accountId: number, q: { page: number; pageSize: number }): Promise<[Notification[], number]> {
    return this.ds.getRepository(Notification).findAndCount({
      where: { accountId },
      order: { id: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    })
  }

  unreadCount(accountId: number): Promise<number> {
    return this.ds.getRepository(Notification).countBy({ accountId, readAt: IsNull() })
  }

  /** One of the account's own messages; another account's is not found. */
  own(m: EntityManager, accountId: number, id: number): Promise<Notification | null> {
    return m.getRepository(Notification).findOneBy({ id, accountId })
  }

  async markRead(m: EntityManager, id: number, at: Date): Promise<void> {
    await m.getRepository(Notification).update({ id }, { readAt: at })
  }

  async markAllRead(m: EntityManager, accountId: number, at: Date): Promise<void> {
    await m.getRepository(Notification).update({ accountId, readAt: IsNull() }, { readAt: at })
  }

  /** Messages for any number of people, in chunked statements inside the caller's transaction. */
  insertNotifications(m: EntityManager, rows: NewNotification[]): Promise<void> {
    return insertMany(m, Notification, rows)
  }

  /** WeChat subscribe messages for the outbox worker, in the caller's transaction. */
  queueWechat(m: EntityManager, rows: NewOutboxMessage[]): Promise<void> {
    return insertMany(m, OutboxMessage, rows)
  }
}

import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import type { UnreadCount } from '@xiangli/shared'
import { InboxRepository } from './inbox.repository'
import { MyInbox } from './use-cases/my-inbox'

/** What other modules may ask of the inbox besides sending (see NotifyService): a person's unread count. */
@Injectable()
export class InboxService {
  constructor(
    private readonly inbox: MyInbox,
    private readonly repo: InboxRepository,
  ) {}

  unread(accountId: number): Promise<UnreadCount> {
    return this.inbox.unread(accountId)
  }

  /**
   * For the demo seeder: one unread message in a person's inbox, in the seeder's transaction, and no
   * WeChat message (NotifyService is for workflows telling people of something).
   */
  seedDemoMessage(
    m: EntityManager,
    message: { accountId: number; orgId: number | null; kind: string; title: string; body: string },
  ): Promise<void> {
    return this.repo.insertNotifications(m, [{ ...message, link: null, readAt: null }])
  }
}

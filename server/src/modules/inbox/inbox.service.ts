import { Injectable } from '@nestjs/common'
import type { UnreadCount } from '@xiangli/shared'
import { MyInbox } from './use-cases/my-inbox'

/** What other modules may ask of the inbox besides sending (see NotifyService): a person's unread count. */
@Injectable()
export class InboxService {
  constructor(private readonly inbox: MyInbox) {}

  unread(accountId: number): Promise<UnreadCount> {
    return this.inbox.unread(accountId)
  }
}

import { InboxPersonalData } from './inbox-personal-data.repository'
import { Global, Module } from '@nestjs/common'
import { SEND_CREDITS } from '../../infra/wechat/send-credits'
import { InboxController } from './http/inbox.controller'
import { SubscriptionsController } from './http/subscriptions.controller'
import { InboxRepository } from './inbox.repository'
import { InboxService } from './inbox.service'
import { NotifyService } from './notify.service'
import { SubscribeCreditRepository } from './subscribe-credit.repository'
import { MyInbox } from './use-cases/my-inbox'
import { Subscriptions } from './use-cases/subscriptions'

// global: every workflow tells people through NotifyService; the outbox asks SEND_CREDITS
@Global()
@Module({
  controllers: [InboxController, SubscriptionsController],
  providers: [
    InboxRepository,
    SubscribeCreditRepository,
    MyInbox,
    NotifyService,
    InboxService,
    Subscriptions,
    InboxPersonalData,
    { provide: SEND_CREDITS, useExisting: Subscriptions },
  ],
  exports: [NotifyService, InboxService, SEND_CREDITS, InboxPersonalData],
})
export class InboxModule {}

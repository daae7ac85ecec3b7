import { Global, Module } from '@nestjs/common'
import { InboxController } from './http/inbox.controller'
import { InboxRepository } from './inbox.repository'
import { InboxService } from './inbox.service'
import { NotifyService } from './notify.service'
import { MyInbox } from './use-cases/my-inbox'

// global: every workflow tells people through NotifyService
@Global()
@Module({
  controllers: [InboxController],
  providers: [InboxRepository, MyInbox, NotifyService, InboxService],
  exports: [NotifyService, InboxService],
})
export class InboxModule {}

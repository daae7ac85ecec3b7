import { Global, Module } from '@nestjs/common'
import { InboxController } from './inbox.controller'
import { InboxService } from './inbox.service'
import { NotifyService } from './notify.service'

@Global()
@Module({
  controllers: [InboxController],
  providers: [InboxService, NotifyService],
  exports: [NotifyService, InboxService],
})
export class InboxModule {}

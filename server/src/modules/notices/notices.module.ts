import { Global, Module } from '@nestjs/common'
import { NoticePeriodJob } from './notice-period.job'
import { NoticesController } from './notices.controller'
import { NoticesService } from './notices.service'
import { PublicNoticesController } from './public-notices.controller'
import { TownshipNoticesController } from './township-notices.controller'

/** 村务公开. Global: deliberations publish their 决议公开 and 实施结果公开 through NoticesService. */
@Global()
@Module({
  controllers: [NoticesController, PublicNoticesController, TownshipNoticesController],
  providers: [NoticesService, NoticePeriodJob],
  exports: [NoticesService],
})
export class NoticesModule {}

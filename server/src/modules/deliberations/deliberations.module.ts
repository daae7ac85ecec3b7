import { Module } from '@nestjs/common'
import { DeliberationsController } from './deliberations.controller'
import { DeliberationsService } from './deliberations.service'

@Module({
  controllers: [DeliberationsController],
  providers: [DeliberationsService],
  exports: [DeliberationsService],
})
export class DeliberationsModule {}

import { Global, Module } from '@nestjs/common'
import { RosterController } from './roster.controller'
import { RosterDirectory } from './roster-directory'
import { RosterService } from './roster.service'

@Global()
@Module({
  controllers: [RosterController],
  providers: [RosterService, RosterDirectory],
  exports: [RosterService, RosterDirectory],
})
export class RosterModule {}

import { Global, Module } from '@nestjs/common'
import { PollsController } from './http/polls.controller'
import { PollsPersonalData } from './polls-personal-data.repository'
import { PollsRepository } from './polls.repository'
import { PollsService } from './polls.service'
import { PollReads } from './use-cases/poll-reads'
import { PollWrites } from './use-cases/poll-writes'

@Global()
@Module({
  controllers: [PollsController],
  providers: [PollsRepository, PollReads, PollWrites, PollsService, PollsPersonalData],
  exports: [PollsService, PollsPersonalData],
})
export class PollsModule {}

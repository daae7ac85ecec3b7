import { Module } from '@nestjs/common'
import { PollsController } from './http/polls.controller'
import { PollsRepository } from './polls.repository'
import { PollReads } from './use-cases/poll-reads'
import { PollWrites } from './use-cases/poll-writes'

@Module({
  controllers: [PollsController],
  providers: [PollsRepository, PollReads, PollWrites],
  exports: [PollsRepository],
})
export class PollsModule {}

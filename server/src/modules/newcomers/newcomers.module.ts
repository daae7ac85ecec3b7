import { Module } from '@nestjs/common'
import { ConsentsModule } from '../privacy/consents.module'
import { NewcomersController } from './http/newcomers.controller'
import { NewcomersPersonalData } from './newcomers-personal-data.repository'
import { NewcomersRepository } from './newcomers.repository'
import { NewcomersService } from './newcomers.service'
import { ApplicationDecisions } from './use-cases/application-decisions'
import { ApplicationReads } from './use-cases/application-reads'
import { Applications } from './use-cases/applications'
import { ResidenceKeeping } from './use-cases/residence'

/** 流动人口 / 非户籍居民: the privacy module reads what it holds about a person, the demo seeds an application. */
@Module({
  imports: [ConsentsModule],
  controllers: [NewcomersController],
  providers: [
    NewcomersRepository,
    ApplicationReads,
    Applications,
    ApplicationDecisions,
    ResidenceKeeping,
    NewcomersPersonalData,
    NewcomersService,
  ],
  exports: [NewcomersPersonalData, NewcomersService],
})
export class NewcomersModule {}

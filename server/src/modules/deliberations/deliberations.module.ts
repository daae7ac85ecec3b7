import { Module } from '@nestjs/common'
import { DeliberationStore } from './deliberation-store'
import { DeliberationsController } from './deliberations.controller'
import { DeliberationsService } from './deliberations.service'
import { MeetingLapses } from './meeting-lapse'
import { MeetingLapseJob } from './meeting-lapse.job'
import { MeetingNotices } from './meeting-notices'
import { MeetingNoticesController } from './meeting-notices.controller'
import { NextActors } from './next-actors'
import { PetitionsController } from './petitions.controller'
import { PetitionsService } from './petitions.service'

@Module({
  controllers: [DeliberationsController, MeetingNoticesController, PetitionsController],
  providers: [
    DeliberationsService,
    PetitionsService,
    DeliberationStore,
    NextActors,
    MeetingNotices,
    MeetingLapses,
    MeetingLapseJob,
  ],
  exports: [DeliberationsService, PetitionsService, MeetingLapses],
})
export class DeliberationsModule {}

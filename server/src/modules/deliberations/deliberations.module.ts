import { Module } from '@nestjs/common'
import { GrievancesModule } from '../grievances/grievances.module'
import { BallotsRepository } from './ballots.repository'
import { DeliberationStore } from './deliberation-store'
import { DeliberationsRepository } from './deliberations.repository'
import { DeliberationsService } from './deliberations.service'
import { DeliberationsController } from './http/deliberations.controller'
import { MeetingLapseJob } from './meeting-lapse.job'
import { MeetingNotices } from './meeting-notices'
import { MeetingNoticesController } from './meeting-notices.controller'
import { MeetingRecordsRepository } from './meeting-records.repository'
import { MeetingsRepository } from './meetings.repository'
import { NextActors } from './next-actors'
import { OpinionsRepository } from './opinions.repository'
import { PetitionsController } from './petitions.controller'
import { PetitionsService } from './petitions.service'
import { Ballots } from './use-cases/ballots'
import { CheckIns } from './use-cases/check-ins'
import { DeliberationDrafting } from './use-cases/deliberation-drafting'
import { DeliberationFiles } from './use-cases/deliberation-files'
import { DeliberationReads } from './use-cases/deliberation-reads'
import { MeetingClose } from './use-cases/meeting-close'
import { MeetingLapses } from './use-cases/meeting-lapse'
import { MeetingReads } from './use-cases/meeting-reads'
import { MeetingRecords } from './use-cases/meeting-records'
import { MeetingScheduling } from './use-cases/meeting-scheduling'
import { MeetingVoid } from './use-cases/meeting-void'
import { Publication } from './use-cases/publication'
import { Solicitation } from './use-cases/solicitation'

@Module({
  imports: [GrievancesModule],
  controllers: [DeliberationsController, MeetingNoticesController, PetitionsController],
  providers: [
    DeliberationsRepository,
    MeetingsRepository,
    BallotsRepository,
    OpinionsRepository,
    MeetingRecordsRepository,
    DeliberationStore,
    NextActors,
    MeetingNotices,
    MeetingLapses,
    MeetingLapseJob,
    DeliberationFiles,
    DeliberationReads,
    MeetingReads,
    DeliberationDrafting,
    Solicitation,
    MeetingScheduling,
    CheckIns,
    Ballots,
    MeetingClose,
    MeetingVoid,
    MeetingRecords,
    Publication,
    DeliberationsService,
    PetitionsService,
  ],
  exports: [DeliberationsService, PetitionsService, MeetingLapses],
})
export class DeliberationsModule {}

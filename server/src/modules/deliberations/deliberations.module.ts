import { DeliberationsPersonalData } from './deliberations-personal-data.repository'
import { Module } from '@nestjs/common'
import { GrievancesModule } from '../grievances/grievances.module'
import { BallotsRepository } from './ballots.repository'
import { DeliberationHooks } from './deliberation-hooks'
import { DeliberationStore } from './deliberation-store'
import { DeliberationsRepository } from './deliberations.repository'
import { DeliberationsService } from './deliberations.service'
import { DeliberationsController } from './http/deliberations.controller'
import { MeetingLapseJob } from './meeting-lapse.job'
import { MeetingNotices } from './meeting-notices'
import { NextActors } from './next-actors'
import { PetitionsService } from './petitions.service'
import { MeetingNoticesController } from './http/meeting-notices.controller'
import { PetitionsController } from './http/petitions.controller'
import { MeetingNoticesRepository } from './meeting-notices.repository'
import { PetitionsRepository } from './petitions.repository'
import { MeetingNoticePaper } from './use-cases/meeting-notice-paper'
import { MeetingNoticePreview } from './use-cases/meeting-notice-preview'
import { MeetingNoticeReschedule } from './use-cases/meeting-notice-reschedule'
import { PetitionConvening } from './use-cases/petition-convening'
import { PetitionCounting } from './use-cases/petition-counting'
import { PetitionPaperSheets } from './use-cases/petition-paper-sheets'
import { PetitionReads } from './use-cases/petition-reads'
import { PetitionSigning } from './use-cases/petition-signing'
import { PetitionWithdrawal } from './use-cases/petition-withdrawal'
import { MeetingRecordsRepository } from './meeting-records.repository'
import { MeetingsRepository } from './meetings.repository'
import { OpinionsRepository } from './opinions.repository'
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
    DeliberationHooks,
    NextActors,
    MeetingNotices,
    MeetingLapses,
    MeetingLapseJob,
    // 联名提议 and meeting notices
    PetitionsRepository,
    PetitionCounting,
    PetitionReads,
    PetitionPaperSheets,
    PetitionSigning,
    PetitionWithdrawal,
    PetitionConvening,
    MeetingNoticesRepository,
    MeetingNoticePreview,
    MeetingNoticePaper,
    MeetingNoticeReschedule,
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
    DeliberationsPersonalData,
  ],
  exports: [
    DeliberationsService,
    DeliberationHooks,
    PetitionsService,
    MeetingLapses,
    DeliberationsPersonalData,
  ],
})
export class DeliberationsModule {}

import { Module } from '@nestjs/common'
import { DeliberationStore } from './deliberation-store'
import { DeliberationsController } from './deliberations.controller'
import { DeliberationsService } from './deliberations.service'
import { MeetingLapses } from './meeting-lapse'
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
import { PetitionReads } from './use-cases/petition-reads'
import { PetitionSigning } from './use-cases/petition-signing'
import { PetitionWithdrawal } from './use-cases/petition-withdrawal'

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
    // 联名提议 and meeting notices
    PetitionsRepository,
    PetitionCounting,
    PetitionReads,
    PetitionSigning,
    PetitionWithdrawal,
    PetitionConvening,
    MeetingNoticesRepository,
    MeetingNoticePreview,
    MeetingNoticePaper,
    MeetingNoticeReschedule,
  ],
  exports: [DeliberationsService, PetitionsService, MeetingLapses],
})
export class DeliberationsModule {}

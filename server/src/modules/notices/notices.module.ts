import { NoticesPersonalData } from './notices-personal-data.repository'
import { Global, Module } from '@nestjs/common'
import { NoticesController } from './http/notices.controller'
import { PublicNoticesController } from './http/public-notices.controller'
import { TownshipNoticesController } from './http/township-notices.controller'
import { NoticePeriodJob } from './notice-period.job'
import { NoticeReadMarks } from './notice-read-marks.repository'
import { NoticeVersionsRepository } from './notice-versions.repository'
import { CalendarRepository } from './calendar.repository'
import { NoticesRepository } from './notices.repository'
import { NoticesService } from './notices.service'
import { ObjectionsRepository } from './objections.repository'
import { Acknowledgements } from './use-cases/acknowledgements'
import { NoticeCalendar } from './use-cases/notice-calendar'
import { NoticeDrafts } from './use-cases/notice-drafts'
import { NoticeFiles } from './use-cases/notice-files'
import { NoticePeriodEnd } from './use-cases/notice-period-end'
import { NoticeContentCheck } from './use-cases/notice-content-check'
import { NoticePublication } from './use-cases/notice-publication'
import { NoticeReads } from './use-cases/notice-reads'
import { NoticeSteps } from './use-cases/notice-steps'
import { ObjectionReads } from './use-cases/objection-reads'
import { Objections } from './use-cases/objections'
import { SupervisionReview } from './use-cases/supervision-review'
import { TownshipCalendar } from './use-cases/township-calendar'
import { TownshipOversight } from './use-cases/township-oversight'

/** 村务公开. Global: deliberations publish their 决议公开 and 实施结果公开 through NoticesService. */
@Global()
@Module({
  controllers: [NoticesController, PublicNoticesController, TownshipNoticesController],
  providers: [
    NoticesRepository,
    NoticeReadMarks,
    CalendarRepository,
    NoticeVersionsRepository,
    ObjectionsRepository,
    NoticeSteps,
    NoticeReads,
    NoticeDrafts,
    SupervisionReview,
    NoticePublication,
    NoticeContentCheck,
    ObjectionReads,
    Objections,
    Acknowledgements,
    NoticeCalendar,
    TownshipOversight,
    TownshipCalendar,
    NoticePeriodEnd,
    NoticeFiles,
    NoticePeriodJob,
    NoticesService,
    NoticesPersonalData,
  ],
  exports: [NoticesService, NoticesPersonalData],
})
export class NoticesModule {}

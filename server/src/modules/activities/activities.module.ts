import { Global, Module } from '@nestjs/common'
import { ActivitiesRepository } from './activities.repository'
import { ActivitiesService } from './activities.service'
import { ActivityHooks } from './activity-hooks'
import { CheckInCodes } from './check-in-codes'
import { ActivitiesController } from './http/activities.controller'
import { ActivityAttendance } from './use-cases/activity-attendance'
import { ActivityReads } from './use-cases/activity-reads'
import { ActivityWrites } from './use-cases/activity-writes'

@Global()
@Module({
  controllers: [ActivitiesController],
  providers: [
    ActivitiesRepository,
    ActivityHooks,
    CheckInCodes,
    ActivityReads,
    ActivityWrites,
    ActivityAttendance,
    ActivitiesService,
  ],
  exports: [ActivitiesService],
})
export class ActivitiesModule {}

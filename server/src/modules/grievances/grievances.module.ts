import { GrievancesPersonalData } from './grievances-personal-data.repository'
import { Module } from '@nestjs/common'
import { GrievanceEscalationJob } from './grievance-escalation.job'
import { GrievanceListsRepository } from './grievance-lists.repository'
import { GrievanceStatsRepository } from './grievance-stats.repository'
import { GrievancesRepository } from './grievances.repository'
import { GrievancesService } from './grievances.service'
import { GrievancesController } from './http/grievances.controller'
import { TownshipGrievancesController } from './http/township-grievances.controller'
import { CommitteeHandling } from './use-cases/committee-handling'
import { DemoGrievances } from './use-cases/demo-grievances'
import { GrievanceCollection } from './use-cases/grievance-collection'
import { GrievanceEscalation } from './use-cases/grievance-escalation'
import { GrievanceReads } from './use-cases/grievance-reads'
import { GrievanceSettingsUseCase } from './use-cases/grievance-settings'
import { GrievanceSteps } from './use-cases/grievance-steps'
import { ResidentGrievances } from './use-cases/resident-grievances'
import { TownshipOversight } from './use-cases/township-oversight'

@Module({
  controllers: [GrievancesController, TownshipGrievancesController],
  providers: [
    GrievancesRepository,
    GrievanceListsRepository,
    GrievanceStatsRepository,
    GrievanceSteps,
    GrievanceReads,
    ResidentGrievances,
    GrievanceCollection,
    CommitteeHandling,
    GrievanceSettingsUseCase,
    TownshipOversight,
    GrievanceEscalation,
    GrievanceEscalationJob,
    DemoGrievances,
    GrievancesService,
    GrievancesPersonalData,
  ],
  exports: [GrievancesService, GrievancesPersonalData],
})
export class GrievancesModule {}

import { Module } from '@nestjs/common'
import { GrievanceEscalationJob } from './grievance-escalation.job'
import { GrievancesController } from './grievances.controller'
import { GrievancesService } from './grievances.service'
import { TownshipGrievancesController } from './township-grievances.controller'

@Module({
  controllers: [GrievancesController, TownshipGrievancesController],
  providers: [GrievancesService, GrievanceEscalationJob],
  exports: [GrievancesService],
})
export class GrievancesModule {}

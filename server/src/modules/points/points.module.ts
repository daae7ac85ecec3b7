import { Global, Module } from '@nestjs/common'
import { DeliberationsModule } from '../deliberations/deliberations.module'
import { GrievancesModule } from '../grievances/grievances.module'
import { PointsController } from './http/points.controller'
import { PointsPersonalData } from './points-personal-data.repository'
import { PointsRepository } from './points.repository'
import { PointsService } from './points.service'
import { PointsDesk } from './use-cases/points-desk'
import { PointsEvents } from './use-cases/points-events'
import { PointsLedger } from './use-cases/points-ledger'
import { PointsReads } from './use-cases/points-reads'
import { PointsRules } from './use-cases/points-rules'
import { PointsShop } from './use-cases/points-shop'

/** 积分制: published rules, the household ledger, the shop; awards from meetings, opinions and issues. */
@Global()
@Module({
  imports: [DeliberationsModule, GrievancesModule],
  controllers: [PointsController],
  providers: [
    PointsRepository,
    PointsLedger,
    PointsEvents,
    PointsRules,
    PointsReads,
    PointsDesk,
    PointsShop,
    PointsService,
    PointsPersonalData,
  ],
  exports: [PointsService, PointsPersonalData],
})
export class PointsModule {}

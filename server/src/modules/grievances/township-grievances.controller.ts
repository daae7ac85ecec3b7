import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common'
import {
  grievanceAnswerSchema,
  townshipGrievanceQuerySchema,
  townshipReturnSchema,
  type GrievanceAnswer,
  type TownshipReturnRequest,
} from '@xiangli/shared'
import { Access } from '../../core/auth/access.decorator'
import { ActingTownship, type TownshipContext } from '../../core/auth/current.decorator'
import { IdPipe } from '../../core/http/id.pipe'
import { zod } from '../../core/http/zod.pipe'
import { GrievancesService, type TownshipQuery } from './grievances.service'

/** The township's oversight of its villages' issues: escalated and overdue items, answers, counts. */
@Controller('api/townships/:townshipId/grievances')
export class TownshipGrievancesController {
  constructor(private readonly grievances: GrievancesService) {}

  @Get()
  @Access.township()
  list(@ActingTownship() t: TownshipContext, @Query(zod(townshipGrievanceQuerySchema)) q: TownshipQuery) {
    return this.grievances.townshipList(t, q)
  }

  @Get('stats')
  @Access.township()
  stats(@ActingTownship() t: TownshipContext) {
    return this.grievances.townshipStats(t)
  }

  @Get(':id')
  @Access.township()
  detail(@ActingTownship() t: TownshipContext, @Param('id', IdPipe) id: number) {
    return this.grievances.townshipDetail(t, id)
  }

  @Post(':id/answer')
  @HttpCode(200)
  @Access.township()
  answer(
    @ActingTownship() t: TownshipContext,
    @Param('id', IdPipe) id: number,
    @Body(zod(grievanceAnswerSchema)) body: GrievanceAnswer,
  ) {
    return this.grievances.townshipAnswer(t, id, body)
  }

  @Post(':id/return')
  @HttpCode(200)
  @Access.township()
  sendBack(
    @ActingTownship() t: TownshipContext,
    @Param('id', IdPipe) id: number,
    @Body(zod(townshipReturnSchema)) body: TownshipReturnRequest,
  ) {
    return this.grievances.townshipReturn(t, id, body.instructions)
  }
}

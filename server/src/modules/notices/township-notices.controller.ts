import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common'
import { objectionAnswerSchema, townshipObjectionQuerySchema, type ObjectionAnswer } from '@xiangli/shared'
import { Access } from '../../core/auth/access.decorator'
import { ActingTownship, type TownshipContext } from '../../core/auth/current.decorator'
import { IdPipe } from '../../core/http/id.pipe'
import { zod } from '../../core/http/zod.pipe'
import { NoticesService, type TownshipObjectionQuery } from './notices.service'

/** The township's oversight of publication in its villages (Art 31): objections, the calendar, integrity. */
@Controller('api/townships/:townshipId')
export class TownshipNoticesController {
  constructor(private readonly notices: NoticesService) {}

  @Get('notice-objections')
  @Access.township()
  objections(
    @ActingTownship() t: TownshipContext,
    @Query(zod(townshipObjectionQuerySchema)) q: TownshipObjectionQuery,
  ) {
    return this.notices.townshipObjections(t, q)
  }

  @Post('notice-objections/:oid/answer')
  @HttpCode(200)
  @Access.township()
  answer(
    @ActingTownship() t: TownshipContext,
    @Param('oid', IdPipe) oid: number,
    @Body(zod(objectionAnswerSchema)) body: ObjectionAnswer,
  ) {
    return this.notices.townshipAnswer(t, oid, body)
  }

  @Get('notice-calendar')
  @Access.township()
  calendar(@ActingTownship() t: TownshipContext) {
    return this.notices.townshipCalendar(t)
  }

  @Get('notice-integrity')
  @Access.township()
  integrity(@ActingTownship() t: TownshipContext) {
    return this.notices.townshipIntegrity(t)
  }
}

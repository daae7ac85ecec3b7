import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common'
import {
  COMMITTEE_ROLES,
  bulkAcceptSchema,
  grievanceAnswerSchema,
  grievanceAssignSchema,
  grievanceCreateSchema,
  grievanceDeclineSchema,
  grievanceEscalateSchema,
  grievanceQueueQuerySchema,
  grievanceRateSchema,
  grievanceReopenSchema,
  grievanceReplySchema,
  grievanceSettingsSchema,
  pageQuerySchema,
  publicWallQuerySchema,
  type BulkAcceptRequest,
  type GrievanceAnswer,
  type GrievanceAssignRequest,
  type GrievanceCreate,
  type GrievanceDeclineRequest,
  type GrievanceEscalateRequest,
  type GrievanceRate,
  type GrievanceReopenRequest,
  type GrievanceReply,
  type GrievanceSettings,
  type PageQuery,
} from '@xiangli/shared'
import { Access, ANY_VILLAGE_ROLE } from '../../core/auth/access.decorator'
import { Acting, type ActingContext } from '../../core/auth/current.decorator'
import { IdPipe } from '../../core/http/id.pipe'
import { zod } from '../../core/http/zod.pipe'
import { GrievancesService, type QueueQuery, type WallQuery } from './grievances.service'

/** 村民说事 in one village: residents raise and follow their issues; the 两委 handle them. */
@Controller('api/villages/:villageId/grievances')
export class GrievancesController {
  constructor(private readonly grievances: GrievancesService) {}

  // ---------- residents ----------

  @Post()
  @Access.village(ANY_VILLAGE_ROLE)
  raise(@Acting() a: ActingContext, @Body(zod(grievanceCreateSchema)) body: GrievanceCreate) {
    return this.grievances.raise(a, body)
  }

  @Get('mine')
  @Access.village(ANY_VILLAGE_ROLE)
  mine(@Acting() a: ActingContext, @Query(zod(pageQuerySchema)) q: PageQuery) {
    return this.grievances.mine(a, q)
  }

  @Get('public')
  @Access.village(ANY_VILLAGE_ROLE, { township: true })
  publicWall(@Acting() a: ActingContext, @Query(zod(publicWallQuerySchema)) q: WallQuery) {
    return this.grievances.publicWall(a, q)
  }

  @Get('categories')
  @Access.village(ANY_VILLAGE_ROLE, { township: true })
  async categories(@Acting() a: ActingContext) {
    return (await this.grievances.settings(a.villageId)).categories
  }

  @Get(':id')
  @Access.village(ANY_VILLAGE_ROLE, { township: true })
  detail(@Acting() a: ActingContext, @Param('id', IdPipe) id: number) {
    return this.grievances.detail(a.principal, a.villageId, id)
  }

  @Post(':id/replies')
  @HttpCode(200)
  @Access.village(ANY_VILLAGE_ROLE)
  reply(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Body(zod(grievanceReplySchema)) body: GrievanceReply,
  ) {
    return this.grievances.reply(a, id, body)
  }

  @Post(':id/rate')
  @HttpCode(200)
  @Access.village(ANY_VILLAGE_ROLE)
  rate(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Body(zod(grievanceRateSchema)) body: GrievanceRate,
  ) {
    return this.grievances.rate(a, id, body)
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @Access.village(ANY_VILLAGE_ROLE)
  reopen(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Body(zod(grievanceReopenSchema)) body: GrievanceReopenRequest,
  ) {
    return this.grievances.reopen(a, id, body.reason)
  }

  @Post(':id/support')
  @HttpCode(200)
  @Access.village(ANY_VILLAGE_ROLE)
  support(@Acting() a: ActingContext, @Param('id', IdPipe) id: number) {
    return this.grievances.support(a, id)
  }

  @Delete(':id/support')
  @Access.village(ANY_VILLAGE_ROLE)
  withdrawSupport(@Acting() a: ActingContext, @Param('id', IdPipe) id: number) {
    return this.grievances.withdrawSupport(a, id)
  }

  // ---------- committee ----------

  @Get()
  @Access.village(COMMITTEE_ROLES, { township: true })
  queue(@Acting() a: ActingContext, @Query(zod(grievanceQueueQuerySchema)) q: QueueQuery) {
    return this.grievances.queue(a, q)
  }

  @Post('bulk-accept')
  @HttpCode(200)
  @Access.village(COMMITTEE_ROLES)
  bulkAccept(@Acting() a: ActingContext, @Body(zod(bulkAcceptSchema)) body: BulkAcceptRequest) {
    return this.grievances.bulkAccept(a, body.ids)
  }

  @Get('settings')
  @Access.village(COMMITTEE_ROLES, { township: true })
  settings(@Acting() a: ActingContext) {
    return this.grievances.settings(a.villageId)
  }

  @Put('settings')
  @Access.village(COMMITTEE_ROLES)
  updateSettings(@Acting() a: ActingContext, @Body(zod(grievanceSettingsSchema)) body: GrievanceSettings) {
    return this.grievances.updateSettings(a, body)
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Access.village(COMMITTEE_ROLES)
  accept(@Acting() a: ActingContext, @Param('id', IdPipe) id: number) {
    return this.grievances.accept(a, id)
  }

  @Post(':id/decline')
  @HttpCode(200)
  @Access.village(COMMITTEE_ROLES)
  decline(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Body(zod(grievanceDeclineSchema)) body: GrievanceDeclineRequest,
  ) {
    return this.grievances.decline(a, id, body.reason)
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Access.village(COMMITTEE_ROLES)
  assign(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Body(zod(grievanceAssignSchema)) body: GrievanceAssignRequest,
  ) {
    return this.grievances.assign(a, id, body.residentId)
  }

  @Post(':id/answer')
  @HttpCode(200)
  @Access.village(COMMITTEE_ROLES)
  answer(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Body(zod(grievanceAnswerSchema)) body: GrievanceAnswer,
  ) {
    return this.grievances.answer(a, id, body)
  }

  @Post(':id/escalate')
  @HttpCode(200)
  @Access.village(COMMITTEE_ROLES)
  escalate(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Body(zod(grievanceEscalateSchema)) body: GrievanceEscalateRequest,
  ) {
    return this.grievances.escalate(a, id, body.reason)
  }
}

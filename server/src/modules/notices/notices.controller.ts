import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common'
import {
  COMMITTEE_ROLES,
  noticeCorrectionSchema,
  noticeDraftSchema,
  noticeFeedQuerySchema,
  noticeManageQuerySchema,
  noticeOpinionSchema,
  noticePinSchema,
  noticePublishSchema,
  noticeReviewSchema,
  noticeSettingsSchema,
  objectionAnswerSchema,
  objectionCreateSchema,
  objectionEscalateSchema,
  objectionQueueQuerySchema,
  type NoticeCorrection,
  type NoticeDraft,
  type NoticeOpinionRequest,
  type NoticePinRequest,
  type NoticePublishRequest,
  type NoticeReviewRequest,
  type NoticeSettingsRequest,
  type ObjectionAnswer,
  type ObjectionCreate,
  type ObjectionEscalateRequest,
  type Role,
} from '@xiangli/shared'
import { Access, ANY_VILLAGE_ROLE } from '../../core/auth/access.decorator'
import { Acting, type ActingContext } from '../../core/auth/current.decorator'
import { IdPipe } from '../../core/http/id.pipe'
import { zod } from '../../core/http/zod.pipe'
import { NoticesService, type FeedQuery, type ManageQuery, type ObjectionQueueQuery } from './notices.service'

/** Those who prepare and oversee publication: the 两委 and the supervision committee. */
const MANAGERS: readonly Role[] = [...COMMITTEE_ROLES, 'supervisor']

/** 村务公开 in one village. The route list with its contract is in shared/src/notice-api.ts. */
@Controller('api/villages/:villageId')
export class NoticesController {
  constructor(private readonly notices: NoticesService) {}

  // ---------- reading ----------

  @Get('notices')
  @Access.village(ANY_VILLAGE_ROLE, { township: true })
  feed(@Acting() a: ActingContext, @Query(zod(noticeFeedQuerySchema)) q: FeedQuery) {
    return this.notices.feed(a, q)
  }

  @Get('notices/unread')
  @Access.village(ANY_VILLAGE_ROLE)
  unread(@Acting() a: ActingContext) {
    return this.notices.unreadCounts(a)
  }

  @Get('notices/manage')
  @Access.village(MANAGERS, { township: true })
  manage(@Acting() a: ActingContext, @Query(zod(noticeManageQuerySchema)) q: ManageQuery) {
    return this.notices.manage(a, q)
  }

  @Get('notices/:id')
  @Access.village(ANY_VILLAGE_ROLE, { township: true })
  detail(@Acting() a: ActingContext, @Param('id', IdPipe) id: number) {
    return this.notices.detail(a, id)
  }

  // ---------- the committee ----------

  @Post('notices')
  @Access.village(COMMITTEE_ROLES)
  create(@Acting() a: ActingContext, @Body(zod(noticeDraftSchema)) body: NoticeDraft) {
    return this.notices.create(a, body)
  }

  @Put('notices/:id')
  @Access.village(COMMITTEE_ROLES)
  edit(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Body(zod(noticeDraftSchema)) body: NoticeDraft,
  ) {
    return this.notices.edit(a, id, body)
  }

  @Post('notices/:id/submit')
  @HttpCode(200)
  @Access.village(COMMITTEE_ROLES)
  submit(@Acting() a: ActingContext, @Param('id', IdPipe) id: number) {
    return this.notices.submit(a, id)
  }

  @Post('notices/:id/publish')
  @HttpCode(200)
  @Access.village(COMMITTEE_ROLES)
  publish(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Body(zod(noticePublishSchema)) body: NoticePublishRequest,
  ) {
    return this.notices.publish(a, id, body)
  }

  @Post('notices/:id/pin')
  @HttpCode(200)
  @Access.village(COMMITTEE_ROLES)
  pin(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Body(zod(noticePinSchema)) body: NoticePinRequest,
  ) {
    return this.notices.pin(a, id, body.pinned)
  }

  @Post('notices/:id/corrections')
  @HttpCode(200)
  @Access.village(COMMITTEE_ROLES)
  correct(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Body(zod(noticeCorrectionSchema)) body: NoticeCorrection,
  ) {
    return this.notices.correct(a, id, body)
  }

  @Get('notices/:id/acks')
  @Access.village(MANAGERS, { township: true })
  acks(@Acting() a: ActingContext, @Param('id', IdPipe) id: number) {
    return this.notices.ackReport(a, id)
  }

  // ---------- the supervision committee ----------

  @Post('notices/:id/review')
  @HttpCode(200)
  @Access.village(['supervisor'])
  review(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Body(zod(noticeReviewSchema)) body: NoticeReviewRequest,
  ) {
    return this.notices.review(a, id, body)
  }

  @Post('notices/:id/opinion')
  @HttpCode(200)
  @Access.village(['supervisor'])
  opinion(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Body(zod(noticeOpinionSchema)) body: NoticeOpinionRequest,
  ) {
    return this.notices.opinion(a, id, body.opinion)
  }

  // ---------- residents ----------

  @Post('notices/:id/objections')
  @Access.village(ANY_VILLAGE_ROLE)
  object(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Body(zod(objectionCreateSchema)) body: ObjectionCreate,
  ) {
    return this.notices.object(a, id, body)
  }

  @Get('notices/:id/objections')
  @Access.village(ANY_VILLAGE_ROLE, { township: true })
  objections(@Acting() a: ActingContext, @Param('id', IdPipe) id: number) {
    return this.notices.objectionsOf(a, id)
  }

  @Post('notices/:id/ack')
  @HttpCode(200)
  @Access.village(ANY_VILLAGE_ROLE)
  ack(@Acting() a: ActingContext, @Param('id', IdPipe) id: number) {
    return this.notices.acknowledge(a, id)
  }

  // ---------- objections ----------

  @Get('notice-objections')
  @Access.village(MANAGERS, { township: true })
  objectionQueue(@Acting() a: ActingContext, @Query(zod(objectionQueueQuerySchema)) q: ObjectionQueueQuery) {
    return this.notices.objectionQueue(a, q)
  }

  /** A resident's own objections across the village's notices, newest first. */
  @Get('notice-objections/mine')
  @Access.village(ANY_VILLAGE_ROLE)
  myObjections(@Acting() a: ActingContext, @Query(zod(objectionQueueQuerySchema)) q: ObjectionQueueQuery) {
    return this.notices.myObjections(a, q)
  }

  /** Open to every village role so that a reply by one who may not is refused with its own code. */
  @Post('notice-objections/:oid/answer')
  @HttpCode(200)
  @Access.village(ANY_VILLAGE_ROLE)
  answer(
    @Acting() a: ActingContext,
    @Param('oid', IdPipe) oid: number,
    @Body(zod(objectionAnswerSchema)) body: ObjectionAnswer,
  ) {
    return this.notices.answer(a, oid, body)
  }

  @Post('notice-objections/:oid/accept')
  @HttpCode(200)
  @Access.village(ANY_VILLAGE_ROLE)
  accept(@Acting() a: ActingContext, @Param('oid', IdPipe) oid: number) {
    return this.notices.accept(a, oid)
  }

  @Post('notice-objections/:oid/escalate')
  @HttpCode(200)
  @Access.village(ANY_VILLAGE_ROLE)
  escalate(
    @Acting() a: ActingContext,
    @Param('oid', IdPipe) oid: number,
    @Body(zod(objectionEscalateSchema)) body: ObjectionEscalateRequest,
  ) {
    return this.notices.escalate(a, oid, body.reason)
  }

  // ---------- the calendar ----------

  @Get('notice-calendar')
  @Access.village(MANAGERS, { township: true })
  calendar(@Acting() a: ActingContext) {
    return this.notices.calendar(a.villageId)
  }

  @Get('notice-settings')
  @Access.village(MANAGERS, { township: true })
  settings(@Acting() a: ActingContext) {
    return this.notices.settings(a.villageId)
  }

  @Put('notice-settings')
  @Access.village(COMMITTEE_ROLES)
  updateSettings(@Acting() a: ActingContext, @Body(zod(noticeSettingsSchema)) body: NoticeSettingsRequest) {
    return this.notices.updateSettings(a, body)
  }
}

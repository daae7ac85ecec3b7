import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common'
import {
  COMMITTEE_ROLES,
  deliberationCreateSchema,
  meetingScheduleSchema,
  publishStepSchema,
  rejectDeliberationSchema,
  type DeliberationCreate,
  type MeetingSchedule,
  type PublishStepRequest,
  type RejectDeliberationRequest,
} from '@xiangli/shared'
import { Access, ANY_VILLAGE_ROLE } from '../../core/auth/access.decorator'
import { Acting, type ActingContext } from '../../core/auth/current.decorator'
import { IdPipe } from '../../core/http/id.pipe'
import { zod } from '../../core/http/zod.pipe'
import {
  ballotSchema,
  cancelMeetingSchema,
  closeMeetingSchema,
  deliberationSettingsSchema,
  paperSignInSchema,
  supervisionOpinionSchema,
  type BallotRequest,
  type CancelMeetingRequest,
  type CloseMeeting,
  type DeliberationSettings,
  type PaperSignInRequest,
  type SupervisionOpinionRequest,
} from './dto/deliberation.dto'
import { DeliberationsService } from './deliberations.service'

/**
 * 四议两公开 / 一征三议两公开 in one village. Anyone of the village reads; the 两委 act, and the shared
 * procedure (gateEvent) then decides which of them may record each step. Members check in and vote.
 */
@Controller('api/villages/:villageId/deliberations')
export class DeliberationsController {
  constructor(private readonly deliberations: DeliberationsService) {}

  @Post()
  @Access.village(COMMITTEE_ROLES)
  create(@Acting() a: ActingContext, @Body(zod(deliberationCreateSchema)) body: DeliberationCreate) {
    return this.deliberations.create(a, body)
  }

  @Get()
  @Access.village(ANY_VILLAGE_ROLE, { township: true })
  list(@Acting() a: ActingContext) {
    return this.deliberations.list(a)
  }

  @Get('settings')
  @Access.village(ANY_VILLAGE_ROLE, { township: true })
  settings(@Acting() a: ActingContext) {
    return this.deliberations.settings(a.villageId)
  }

  @Put('settings')
  @Access.village(COMMITTEE_ROLES)
  updateSettings(
    @Acting() a: ActingContext,
    @Body(zod(deliberationSettingsSchema)) body: DeliberationSettings,
  ) {
    return this.deliberations.updateSettings(a, body)
  }

  @Get(':id')
  @Access.village(ANY_VILLAGE_ROLE, { township: true })
  detail(@Acting() a: ActingContext, @Param('id', IdPipe) id: number) {
    return this.deliberations.detail(a, id)
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Access.village(COMMITTEE_ROLES)
  reject(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Body(zod(rejectDeliberationSchema)) body: RejectDeliberationRequest,
  ) {
    return this.deliberations.reject(a, id, body)
  }

  @Post(':id/meetings')
  @Access.village(COMMITTEE_ROLES)
  schedule(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Body(zod(meetingScheduleSchema)) body: MeetingSchedule,
  ) {
    return this.deliberations.schedule(a, id, body)
  }

  @Get(':id/meetings/:meetingId')
  @Access.village(ANY_VILLAGE_ROLE, { township: true })
  meeting(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Param('meetingId', IdPipe) meetingId: number,
  ) {
    return this.deliberations.meetingView(a, id, meetingId)
  }

  @Post(':id/meetings/:meetingId/open')
  @HttpCode(200)
  @Access.village(COMMITTEE_ROLES)
  open(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Param('meetingId', IdPipe) meetingId: number,
  ) {
    return this.deliberations.open(a, id, meetingId)
  }

  @Post(':id/meetings/:meetingId/cancel')
  @HttpCode(200)
  @Access.village(COMMITTEE_ROLES)
  cancel(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Param('meetingId', IdPipe) meetingId: number,
    @Body(zod(cancelMeetingSchema)) body: CancelMeetingRequest,
  ) {
    return this.deliberations.cancel(a, id, meetingId, body)
  }

  @Post(':id/meetings/:meetingId/check-in')
  @HttpCode(200)
  @Access.village(ANY_VILLAGE_ROLE)
  checkIn(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Param('meetingId', IdPipe) meetingId: number,
  ) {
    return this.deliberations.checkIn(a, id, meetingId)
  }

  @Post(':id/meetings/:meetingId/paper-sign-in')
  @HttpCode(200)
  @Access.village(COMMITTEE_ROLES)
  paperSignIn(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Param('meetingId', IdPipe) meetingId: number,
    @Body(zod(paperSignInSchema)) body: PaperSignInRequest,
  ) {
    return this.deliberations.paperSignIn(a, id, meetingId, body)
  }

  @Get(':id/meetings/:meetingId/quorum')
  @Access.village(ANY_VILLAGE_ROLE, { township: true })
  quorum(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Param('meetingId', IdPipe) meetingId: number,
  ) {
    return this.deliberations.quorum(a, id, meetingId)
  }

  @Post(':id/meetings/:meetingId/ballots')
  @HttpCode(200)
  @Access.village(ANY_VILLAGE_ROLE)
  vote(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Param('meetingId', IdPipe) meetingId: number,
    @Body(zod(ballotSchema)) body: BallotRequest,
  ) {
    return this.deliberations.castBallot(a, id, meetingId, body)
  }

  @Post(':id/meetings/:meetingId/close')
  @HttpCode(200)
  @Access.village(COMMITTEE_ROLES)
  close(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Param('meetingId', IdPipe) meetingId: number,
    @Body(zod(closeMeetingSchema)) body: CloseMeeting,
  ) {
    return this.deliberations.close(a, id, meetingId, body)
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Access.village(COMMITTEE_ROLES)
  publish(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Body(zod(publishStepSchema)) body: PublishStepRequest,
  ) {
    return this.deliberations.publish(a, id, body)
  }

  @Post(':id/notices/:noticeId/opinion')
  @HttpCode(200)
  @Access.village(['supervisor'])
  opinion(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Param('noticeId', IdPipe) noticeId: number,
    @Body(zod(supervisionOpinionSchema)) body: SupervisionOpinionRequest,
  ) {
    return this.deliberations.giveOpinion(a, id, noticeId, body)
  }
}

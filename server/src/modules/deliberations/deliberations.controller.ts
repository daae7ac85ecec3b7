import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common'
import {
  COMMITTEE_ROLES,
  voidMeetingSchema,
  type VoidMeetingRequest,
  deliberationCreateSchema,
  deliberationListQuerySchema,
  meetingAttachmentsSchema,
  meetingScheduleSchema,
  minutesCreateSchema,
  opinionCreateSchema,
  opinionSummarySchema,
  pageQuerySchema,
  publishStepSchema,
  rejectDeliberationSchema,
  solicitationOpenSchema,
  townshipAttendeeSchema,
  type DeliberationCreate,
  type DeliberationListQuery,
  type Page,
  type DeliberationSummary,
  type DeliberationView,
  type MeetingAttachmentsRequest,
  type MeetingSchedule,
  type MeetingView,
  type MinutesCreateRequest,
  type OpinionCreate,
  type OpinionPage,
  type OpinionSummaryRequest,
  type OpinionView,
  type PageQuery,
  type SolicitationOpen,
  type TownshipAttendeeRequest,
  type TownshipOfficialOption,
  type PublishStepRequest,
  type RejectDeliberationRequest,
} from '@xiangli/shared'
import { Access, ANY_VILLAGE_ROLE } from '../../core/auth/access.decorator'
import { Acting, type ActingContext } from '../../core/auth/current.decorator'
import { IdPipe } from '../../core/http/id.pipe'
import { IdempotencyKey, IdempotentInTransaction } from '../../core/idempotency/idempotency-key'
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
  type DeliberationSettingsRequest,
  type PaperSignInRequest,
  type SupervisionOpinionRequest,
} from './dto/deliberation.dto'
import { DeliberationsService } from './deliberations.service'

/**
 * 四议两公开 / 一征三议两公开 in one village. Anyone of the village reads; the 两委 act, and the shared
 * procedure (gateEvent) then decides which of them may record each step. Members check in and vote.
 *
 * Routes under /api/villages/:villageId/deliberations (request → response types in @xiangli/shared):
 *   POST /                                   DeliberationCreateRequest → DeliberationView (source petition: the petition becomes convened)
 *   GET  /?page&pageSize&status              → Page<DeliberationSummary>, newest first
 *   GET  /settings, PUT /settings            DeliberationSettings
 *   GET  /township-officials                 → TownshipOfficialOption[] (for 列席)
 *   GET  /:id                                → DeliberationView (solicitation, opinionSummary, attachments, meetings, actions)
 *   POST /:id/reject                         RejectDeliberationRequest → DeliberationView
 *   一征:
 *   POST /:id/solicitation                   SolicitationOpenRequest → DeliberationView (the committee opens the window)
 *   POST /:id/opinions                       OpinionCreateRequest → OpinionView (a resident, inside the window)
 *   GET  /:id/opinions?page&pageSize         → OpinionPage (all for 两委/supervisors/township, one's own otherwise)
 *   POST /:id/solicitation/summary           OpinionSummaryRequest → DeliberationView (completes 一征, moves to 提议)
 *   meetings:
 *   POST /:id/meetings                       MeetingScheduleRequest → DeliberationView
 *   GET  /:id/meetings/:mid                  → MeetingView (minutes, attachments, townshipAttendees, canRecord)
 *   POST /:id/meetings/:mid/open | cancel    → MeetingView | DeliberationView
 *   POST /:id/meetings/:mid/void             → MeetingView (only when ballots cannot be accounted for)
 *   POST /:id/meetings/:mid/check-in         → QuorumView
 *   POST /:id/meetings/:mid/paper-sign-in    PaperSignInRequest → QuorumView
 *   GET  /:id/meetings/:mid/quorum           → QuorumView
 *   POST /:id/meetings/:mid/ballots          BallotRequest → BallotReceipt
 *   POST /:id/meetings/:mid/close            CloseMeetingRequest → MeetingView
 *   POST /:id/meetings/:mid/minutes          MinutesCreateRequest → MeetingView (1st = minutes, later = corrections)
 *   POST /:id/meetings/:mid/attachments      MeetingAttachmentsRequest → MeetingView
 *   POST /:id/meetings/:mid/township-attendees  TownshipAttendeeRequest → MeetingView
 *   publication:
 *   POST /:id/publish                        PublishStepRequest → DeliberationView
 *   POST /:id/notices/:noticeId/opinion      SupervisionOpinionRequest → DeliberationView
 * Meeting notice (schedule preview, reschedule, paper-notice confirmation): see meeting-notices.controller.ts.
 * Petitions (联名提议): see petitions.controller.ts.
 */
@Controller('api/villages/:villageId/deliberations')
export class DeliberationsController {
  constructor(private readonly deliberations: DeliberationsService) {}

  @Post()
  @Access.village(COMMITTEE_ROLES)
  create(
    @Acting() a: ActingContext,
    @Body(zod(deliberationCreateSchema)) body: DeliberationCreate,
  ): Promise<DeliberationView> {
    return this.deliberations.create(a, body)
  }

  @Get()
  @Access.village(ANY_VILLAGE_ROLE, { township: true })
  list(
    @Acting() a: ActingContext,
    @Query(zod(deliberationListQuerySchema)) q: DeliberationListQuery,
  ): Promise<Page<DeliberationSummary>> {
    return this.deliberations.list(a, q)
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
    @Body(zod(deliberationSettingsSchema)) body: DeliberationSettingsRequest,
  ) {
    return this.deliberations.updateSettings(a, body)
  }

  @Get('township-officials')
  @Access.village(COMMITTEE_ROLES)
  townshipOfficials(@Acting() a: ActingContext): Promise<TownshipOfficialOption[]> {
    return this.deliberations.townshipOfficials(a)
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

  @Post(':id/meetings/:meetingId/void')
  @HttpCode(200)
  @Access.village(COMMITTEE_ROLES)
  voidVote(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Param('meetingId', IdPipe) meetingId: number,
    @Body(zod(voidMeetingSchema)) body: VoidMeetingRequest,
  ) {
    return this.deliberations.voidVote(a, id, meetingId, body)
  }

  @Post(':id/meetings/:meetingId/check-in')
  @HttpCode(200)
  @Access.village(ANY_VILLAGE_ROLE)
  @IdempotentInTransaction()
  checkIn(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Param('meetingId', IdPipe) meetingId: number,
    @IdempotencyKey() key: string | null,
  ) {
    return this.deliberations.checkIn(a, id, meetingId, key)
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
  @IdempotentInTransaction()
  vote(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Param('meetingId', IdPipe) meetingId: number,
    @Body(zod(ballotSchema)) body: BallotRequest,
    @IdempotencyKey() key: string | null,
  ) {
    return this.deliberations.castBallot(a, id, meetingId, body, key)
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

  // ---------- 一征 ----------

  @Post(':id/solicitation')
  @HttpCode(200)
  @Access.village(COMMITTEE_ROLES)
  openSolicitation(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Body(zod(solicitationOpenSchema)) body: SolicitationOpen,
  ): Promise<DeliberationView> {
    return this.deliberations.openSolicitation(a, id, body)
  }

  @Post(':id/opinions')
  @Access.village(ANY_VILLAGE_ROLE)
  submitOpinion(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Body(zod(opinionCreateSchema)) body: OpinionCreate,
  ): Promise<OpinionView> {
    return this.deliberations.submitOpinion(a, id, body)
  }

  @Get(':id/opinions')
  @Access.village(ANY_VILLAGE_ROLE, { township: true })
  opinions(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Query(zod(pageQuerySchema)) q: PageQuery,
  ): Promise<OpinionPage> {
    return this.deliberations.opinions(a, id, q)
  }

  @Post(':id/solicitation/summary')
  @HttpCode(200)
  @Access.village(COMMITTEE_ROLES)
  postSummary(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Body(zod(opinionSummarySchema)) body: OpinionSummaryRequest,
  ): Promise<DeliberationView> {
    return this.deliberations.postSummary(a, id, body)
  }

  // ---------- meeting records ----------

  @Post(':id/meetings/:meetingId/minutes')
  @Access.village(COMMITTEE_ROLES)
  addMinutes(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Param('meetingId', IdPipe) meetingId: number,
    @Body(zod(minutesCreateSchema)) body: MinutesCreateRequest,
  ): Promise<MeetingView> {
    return this.deliberations.addMinutes(a, id, meetingId, body)
  }

  @Post(':id/meetings/:meetingId/attachments')
  @HttpCode(200)
  @Access.village(COMMITTEE_ROLES)
  attach(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Param('meetingId', IdPipe) meetingId: number,
    @Body(zod(meetingAttachmentsSchema)) body: MeetingAttachmentsRequest,
  ): Promise<MeetingView> {
    return this.deliberations.attachMeetingFiles(a, id, meetingId, body)
  }

  @Post(':id/meetings/:meetingId/township-attendees')
  @Access.village(COMMITTEE_ROLES)
  addTownshipAttendee(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Param('meetingId', IdPipe) meetingId: number,
    @Body(zod(townshipAttendeeSchema)) body: TownshipAttendeeRequest,
  ): Promise<MeetingView> {
    return this.deliberations.addTownshipAttendee(a, id, meetingId, body)
  }
}

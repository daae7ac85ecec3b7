import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common'
import { z } from 'zod'
import {
  COMMITTEE_ROLES,
  DELIBERATION_BODIES,
  meetingRescheduleSchema,
  type DeliberationView,
  type MeetingReschedule,
  type MeetingView,
  type SchedulePreview,
} from '@xiangli/shared'
import { Access } from '../../core/auth/access.decorator'
import { Acting, type ActingContext } from '../../core/auth/current.decorator'
import { IdPipe } from '../../core/http/id.pipe'
import { zod } from '../../core/http/zod.pipe'
import { DeliberationsService } from './deliberations.service'
import { MeetingNotices } from './meeting-notices'

const previewQuerySchema = z.object({
  body: z.enum(DELIBERATION_BODIES, { errorMap: () => ({ message: '请选择由哪个会议来办' }) }),
})

/**
 * The notice of a meeting, under /api/villages/:villageId/deliberations (types in @xiangli/shared):
 *   GET  /:id/schedule-preview?body=                     → SchedulePreview (earliest lawful day, members, Art 25 make-up)
 *   POST /:id/meetings/:mid/reschedule                   MeetingRescheduleRequest → DeliberationView (a fresh notice; members told)
 *   POST /:id/meetings/:mid/paper-notice/confirm         → MeetingView (a supervisor confirms the paper notice)
 */
@Controller('api/villages/:villageId/deliberations')
export class MeetingNoticesController {
  constructor(
    private readonly notices: MeetingNotices,
    private readonly deliberations: DeliberationsService,
  ) {}

  @Get(':id/schedule-preview')
  @Access.village(COMMITTEE_ROLES)
  preview(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Query(zod(previewQuerySchema)) q: z.infer<typeof previewQuerySchema>,
  ): Promise<SchedulePreview> {
    return this.notices.preview(a, id, q.body)
  }

  @Post(':id/meetings/:meetingId/reschedule')
  @HttpCode(200)
  @Access.village(COMMITTEE_ROLES)
  async reschedule(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Param('meetingId', IdPipe) meetingId: number,
    @Body(zod(meetingRescheduleSchema)) body: MeetingReschedule,
  ): Promise<DeliberationView> {
    await this.notices.reschedule(a, id, meetingId, body)
    return this.deliberations.detail(a, id)
  }

  @Post(':id/meetings/:meetingId/paper-notice/confirm')
  @HttpCode(200)
  @Access.village(['supervisor'])
  async confirmPaperNotice(
    @Acting() a: ActingContext,
    @Param('id', IdPipe) id: number,
    @Param('meetingId', IdPipe) meetingId: number,
  ): Promise<MeetingView> {
    await this.notices.confirmPaperNotice(a, id, meetingId)
    return this.deliberations.meetingView(a, id, meetingId)
  }
}

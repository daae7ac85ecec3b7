/**
 * The notice of a meeting of a deliberation: what the schedule form shows before a notice is sent
 * (the earliest lawful day, the members, Art 25's make-up of a representatives' meeting), a new time
 * for a meeting not held (a fresh notice; the members are told), and the supervision committee's
 * confirmation of a paper notice against its photos.
 */
import { z } from 'zod'
import { meetingRescheduleSchema } from '../deliberation-requests'
import type { DeliberationView, MeetingView, SchedulePreview } from '../deliberation-api'
import { DELIBERATION_BODIES } from '../procedure'
import { COMMITTEE_ROLES } from '../roles'
import { access, route } from './route'

const D = '/api/villages/:villageId/deliberations/:id'
const committee = access.village(COMMITTEE_ROLES)

export const schedulePreviewQuerySchema = z.object({
  body: z.enum(DELIBERATION_BODIES, { errorMap: () => ({ message: '请选择由哪个会议来办' }) }),
})
export type SchedulePreviewQuery = z.input<typeof schedulePreviewQuerySchema>

export const meetingNoticeRoutes = {
  preview: route<SchedulePreview>()({
    method: 'GET',
    path: `${D}/schedule-preview`,
    access: committee,
    query: schedulePreviewQuerySchema,
    summary: '现在发出会议通知时要符合的规定：最早可以开会的日子、参会人员和村民代表的构成',
  }),
  reschedule: route<DeliberationView>()({
    method: 'POST',
    path: `${D}/meetings/:meetingId/reschedule`,
    access: committee,
    body: meetingRescheduleSchema,
    status: 200,
    summary: '会议改期（或重新通知已流会的会议）：通知时间从现在重新算，名单上的人都会收到通知',
  }),
  confirmPaperNotice: route<MeetingView>()({
    method: 'POST',
    path: `${D}/meetings/:meetingId/paper-notice/confirm`,
    access: access.village(['supervisor']),
    status: 200,
    summary: '村务监督委员会成员对照照片确认纸质会议通知（登记的人自己不能确认）',
  }),
}

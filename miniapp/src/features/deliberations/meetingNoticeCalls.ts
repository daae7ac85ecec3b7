/**
 * The meeting notice's routes (server: meeting-notices.controller.ts), which are not on the shared
 * contract yet: the schedule preview, the reschedule and the paper notice's confirmation. They go
 * once the contract declares them; every other 议事 route is called with `call(deliberationRoutes.x)`.
 */
import type { DeliberationView, MeetingView, SchedulePreview } from '@xiangli/shared'
import type { CallOptions } from '@/api/call'
import { api } from '@/api/request'
import type { RescheduleRequestBody } from './deliberationSchedule'

const meeting = (villageId: number, id: number, meetingId: number) =>
  `/api/villages/${villageId}/deliberations/${id}/meetings/${meetingId}`

/** The rules a notice sent now would meet: the earliest lawful day, the members, Art 25's make-up. */
export const getSchedulePreview = (villageId: number, id: number, body: string, o?: CallOptions) =>
  api.request<SchedulePreview>(`/api/villages/${villageId}/deliberations/${id}/schedule-preview`, {
    query: { body },
    ...o,
  })

/** 会议改期, or a lapsed meeting noticed afresh; everyone on its list is told. */
export const rescheduleMeeting = (
  villageId: number,
  id: number,
  meetingId: number,
  body: RescheduleRequestBody,
  o?: CallOptions,
) =>
  api.request<DeliberationView>(`${meeting(villageId, id, meetingId)}/reschedule`, {
    method: 'POST',
    body,
    ...o,
  })

/** A supervision-committee member confirms the paper notice against its photos. */
export const confirmPaperNotice = (villageId: number, id: number, meetingId: number, o?: CallOptions) =>
  api.request<MeetingView>(`${meeting(villageId, id, meetingId)}/paper-notice/confirm`, {
    method: 'POST',
    body: {},
    ...o,
  })

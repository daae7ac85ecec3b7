/**
 * The 议事 routes (server: deliberations.controller.ts), one function each. Answers are typed with the
 * page-side views in `@/logic/deliberation`.
 */
import type {
  DeliberationCreateRequest,
  OpinionCreateRequest,
  OpinionPage,
  OpinionSummaryRequest,
  OpinionView,
  PageQuery,
  PublishStepRequest,
  RejectDeliberationRequest,
  SolicitationOpenRequest,
  TownshipAttendeeRequest,
  TownshipOfficialOption,
  Votes,
} from '@xiangli/shared'
import type { CallOptions } from '@/api/call'
import { api } from '@/api/request'
import {
  listItems,
  type Choice,
  type DeliberationDetail,
  type DeliberationListItem,
  type MeetingView,
  type QuorumView,
} from '@/logic/deliberation'
import type { ScheduleRequestBody } from '@/logic/deliberationSchedule'

const base = (villageId: number) => `/api/villages/${villageId}/deliberations`
const meeting = (villageId: number, id: number, meetingId: number) =>
  `${base(villageId)}/${id}/meetings/${meetingId}`

export const listDeliberations = async (villageId: number, o?: CallOptions) =>
  listItems(
    await api.request<DeliberationListItem[] | { items: DeliberationListItem[] }>(base(villageId), {
      query: { page: 1, pageSize: 100 },
      ...o,
    }),
  )

export const getDeliberation = (villageId: number, id: number, o?: CallOptions) =>
  api.request<DeliberationDetail>(`${base(villageId)}/${id}`, o)

export const startDeliberation = (villageId: number, body: DeliberationCreateRequest, o?: CallOptions) =>
  api.request<DeliberationDetail>(base(villageId), { method: 'POST', body, ...o })

export const rejectDeliberation = (
  villageId: number,
  id: number,
  body: RejectDeliberationRequest,
  o?: CallOptions,
) => api.request<DeliberationDetail>(`${base(villageId)}/${id}/reject`, { method: 'POST', body, ...o })

export const scheduleMeeting = (villageId: number, id: number, body: ScheduleRequestBody, o?: CallOptions) =>
  api.request<DeliberationDetail>(`${base(villageId)}/${id}/meetings`, { method: 'POST', body, ...o })

export const getMeeting = (villageId: number, id: number, meetingId: number, o?: CallOptions) =>
  api.request<MeetingView>(meeting(villageId, id, meetingId), o)

export const getQuorum = (villageId: number, id: number, meetingId: number, o?: CallOptions) =>
  api.request<QuorumView>(`${meeting(villageId, id, meetingId)}/quorum`, o)

export const openMeeting = (villageId: number, id: number, meetingId: number, o?: CallOptions) =>
  api.request<MeetingView>(`${meeting(villageId, id, meetingId)}/open`, { method: 'POST', body: {}, ...o })

export const cancelMeeting = (
  villageId: number,
  id: number,
  meetingId: number,
  reason: string,
  o?: CallOptions,
) =>
  api.request<DeliberationDetail>(`${meeting(villageId, id, meetingId)}/cancel`, {
    method: 'POST',
    body: { reason },
    ...o,
  })

export const checkIn = (villageId: number, id: number, meetingId: number, o?: CallOptions) =>
  api.request<QuorumView>(`${meeting(villageId, id, meetingId)}/check-in`, { method: 'POST', body: {}, ...o })

export const paperSignIn = (
  villageId: number,
  id: number,
  meetingId: number,
  memberIds: number[],
  o?: CallOptions,
) =>
  api.request<QuorumView>(`${meeting(villageId, id, meetingId)}/paper-sign-in`, {
    method: 'POST',
    body: { memberIds },
    ...o,
  })

export const castBallot = (
  villageId: number,
  id: number,
  meetingId: number,
  choice: Choice,
  o?: CallOptions,
) =>
  api.request<{ meetingId: number; voted: true }>(`${meeting(villageId, id, meetingId)}/ballots`, {
    method: 'POST',
    body: { choice },
    ...o,
  })

export const closeMeeting = (
  villageId: number,
  id: number,
  meetingId: number,
  counted: Votes,
  o?: CallOptions,
) =>
  api.request<MeetingView>(`${meeting(villageId, id, meetingId)}/close`, {
    method: 'POST',
    body: { counted },
    ...o,
  })

/** 宣布表决作废: only offered where the server found ballots it cannot account for. */
export const voidVote = (villageId: number, id: number, meetingId: number, reason: string, o?: CallOptions) =>
  api.request<MeetingView>(`${meeting(villageId, id, meetingId)}/void`, {
    method: 'POST',
    body: { reason },
    ...o,
  })

export const publishStep = (villageId: number, id: number, body: PublishStepRequest, o?: CallOptions) =>
  api.request<DeliberationDetail>(`${base(villageId)}/${id}/publish`, { method: 'POST', body, ...o })

export const giveOpinion = (
  villageId: number,
  id: number,
  noticeId: number,
  opinion: string,
  o?: CallOptions,
) =>
  api.request<DeliberationDetail>(`${base(villageId)}/${id}/notices/${noticeId}/opinion`, {
    method: 'POST',
    body: { opinion },
    ...o,
  })

export const addMinutes = (villageId: number, id: number, meetingId: number, text: string, o?: CallOptions) =>
  api.request<MeetingView>(`${meeting(villageId, id, meetingId)}/minutes`, {
    method: 'POST',
    body: { text },
    ...o,
  })

// ---------- 一征 ----------

export const openSolicitation = (
  villageId: number,
  id: number,
  body: SolicitationOpenRequest,
  o?: CallOptions,
) => api.request<DeliberationDetail>(`${base(villageId)}/${id}/solicitation`, { method: 'POST', body, ...o })

export const submitOpinion = (villageId: number, id: number, body: OpinionCreateRequest, o?: CallOptions) =>
  api.request<OpinionView>(`${base(villageId)}/${id}/opinions`, { method: 'POST', body, ...o })

export const listOpinions = (villageId: number, id: number, q: PageQuery, o?: CallOptions) =>
  api.request<OpinionPage>(`${base(villageId)}/${id}/opinions`, { query: { ...q }, ...o })

export const postOpinionSummary = (
  villageId: number,
  id: number,
  body: OpinionSummaryRequest,
  o?: CallOptions,
) =>
  api.request<DeliberationDetail>(`${base(villageId)}/${id}/solicitation/summary`, {
    method: 'POST',
    body,
    ...o,
  })

// ---------- the meeting's records ----------

export const attachToMeeting = (
  villageId: number,
  id: number,
  meetingId: number,
  fileIds: number[],
  o?: CallOptions,
) =>
  api.request<MeetingView>(`${meeting(villageId, id, meetingId)}/attachments`, {
    method: 'POST',
    body: { fileIds },
    ...o,
  })

export const listTownshipOfficials = (villageId: number, o?: CallOptions) =>
  api.request<TownshipOfficialOption[]>(`${base(villageId)}/township-officials`, o)

export const addTownshipAttendee = (
  villageId: number,
  id: number,
  meetingId: number,
  body: TownshipAttendeeRequest,
  o?: CallOptions,
) =>
  api.request<MeetingView>(`${meeting(villageId, id, meetingId)}/township-attendees`, {
    method: 'POST',
    body,
    ...o,
  })

/**
 * 村务公开 / 公示: one function per endpoint of the notice API (the route list is at the top of
 * shared/src/notice-api.ts). Bodies are the shared zod input types, answers the shared views.
 */
import type {
  CalendarSettings,
  NoticeAckReport,
  NoticeAckResult,
  NoticeCorrectionRequest,
  NoticeDraftRequest,
  NoticeFeedQuery,
  NoticeManageQuery,
  NoticeOpinionRequest,
  NoticePage,
  NoticePublishRequest,
  NoticeReviewRequest,
  NoticeSettingsRequest,
  NoticeUnreadCounts,
  NoticeView,
  ObjectionAnswerRequest,
  ObjectionCreateRequest,
  ObjectionEscalateRequest,
  ObjectionPage,
  ObjectionQueueQuery,
  ObjectionView,
  PublicNoticeView,
  TownshipNoticeCalendar,
  TownshipObjectionQuery,
  VillageNoticeCalendar,
  VillageView,
} from '@xiangli/shared'
import type { CallOptions } from './call'
import { api } from './request'

const notices = (villageId: number) => `/api/villages/${villageId}/notices`
const objections = (villageId: number) => `/api/villages/${villageId}/notice-objections`
const townshipObjections = (townshipId: number) => `/api/townships/${townshipId}/notice-objections`

// ---------- residents ----------
export const listNoticeFeed = (villageId: number, q: NoticeFeedQuery, o?: CallOptions) =>
  api.request<NoticePage>(notices(villageId), { query: { ...q }, ...o })

export const getNoticeUnread = (villageId: number, o?: CallOptions) =>
  api.request<NoticeUnreadCounts>(`${notices(villageId)}/unread`, o)

/** Opening a notice marks its current version read. */
export const getNotice = (villageId: number, id: number, o?: CallOptions) =>
  api.request<NoticeView>(`${notices(villageId)}/${id}`, o)

export const acknowledgeNotice = (villageId: number, id: number, o?: CallOptions) =>
  api.request<NoticeAckResult>(`${notices(villageId)}/${id}/ack`, { method: 'POST', ...o })

export const objectToNotice = (
  villageId: number,
  id: number,
  body: ObjectionCreateRequest,
  o?: CallOptions,
) => api.request<ObjectionView>(`${notices(villageId)}/${id}/objections`, { method: 'POST', body, ...o })

/** Residents get their own; the committee, the supervisors and the township get all of them. */
export const listNoticeObjections = (villageId: number, id: number, o?: CallOptions) =>
  api.request<ObjectionView[]>(`${notices(villageId)}/${id}/objections`, o)

/** 我的异议: the caller's own objections in the village, newest first, with their answers. */
export const listMyObjections = (villageId: number, q: ObjectionQueueQuery, o?: CallOptions) =>
  api.request<ObjectionPage>(`${objections(villageId)}/mine`, { query: { ...q }, ...o })

export const acceptObjectionAnswer = (villageId: number, oid: number, o?: CallOptions) =>
  api.request<ObjectionView>(`${objections(villageId)}/${oid}/accept`, { method: 'POST', ...o })

export const escalateObjection = (
  villageId: number,
  oid: number,
  body: ObjectionEscalateRequest,
  o?: CallOptions,
) => api.request<ObjectionView>(`${objections(villageId)}/${oid}/escalate`, { method: 'POST', body, ...o })

/** Anyone, without logging in: the share link. */
export const getPublicNotice = (id: number, o?: CallOptions) =>
  api.request<PublicNoticeView>(`/api/public/notices/${id}`, { auth: false, ...o })

// ---------- the committee and the supervision committee ----------
/** The village with its groups (村民小组), for a notice's audience. */
export const getVillageWithGroups = (villageId: number, o?: CallOptions) =>
  api.request<VillageView>(`/api/villages/${villageId}`, o)

export const listManagedNotices = (villageId: number, q: NoticeManageQuery, o?: CallOptions) =>
  api.request<NoticePage>(`${notices(villageId)}/manage`, { query: { ...q }, ...o })

export const createNoticeDraft = (villageId: number, body: NoticeDraftRequest, o?: CallOptions) =>
  api.request<NoticeView>(notices(villageId), { method: 'POST', body, ...o })

export const updateNoticeDraft = (villageId: number, id: number, body: NoticeDraftRequest, o?: CallOptions) =>
  api.request<NoticeView>(`${notices(villageId)}/${id}`, { method: 'PUT', body, ...o })

const noticeAction =
  <B>(action: string) =>
  (villageId: number, id: number, body: B, o?: CallOptions) =>
    api.request<NoticeView>(`${notices(villageId)}/${id}/${action}`, { method: 'POST', body, ...o })

export const submitNoticeForReview = noticeAction<Record<string, never>>('submit')
export const reviewNotice = noticeAction<NoticeReviewRequest>('review')
export const publishNotice = noticeAction<NoticePublishRequest>('publish')
export const pinNotice = noticeAction<{ pinned: boolean }>('pin')
export const correctNotice = noticeAction<NoticeCorrectionRequest>('corrections')
export const giveNoticeOpinion = noticeAction<NoticeOpinionRequest>('opinion')

export const getNoticeAcks = (villageId: number, id: number, o?: CallOptions) =>
  api.request<NoticeAckReport>(`${notices(villageId)}/${id}/acks`, o)

export const listObjectionQueue = (villageId: number, q: ObjectionQueueQuery, o?: CallOptions) =>
  api.request<ObjectionPage>(objections(villageId), { query: { ...q }, ...o })

export const answerObjection = (
  villageId: number,
  oid: number,
  body: ObjectionAnswerRequest,
  o?: CallOptions,
) => api.request<ObjectionView>(`${objections(villageId)}/${oid}/answer`, { method: 'POST', body, ...o })

export const getNoticeCalendar = (villageId: number, o?: CallOptions) =>
  api.request<VillageNoticeCalendar>(`/api/villages/${villageId}/notice-calendar`, o)

export const getNoticeSettings = (villageId: number, o?: CallOptions) =>
  api.request<CalendarSettings>(`/api/villages/${villageId}/notice-settings`, o)

export const updateNoticeSettings = (villageId: number, body: NoticeSettingsRequest, o?: CallOptions) =>
  api.request<CalendarSettings>(`/api/villages/${villageId}/notice-settings`, { method: 'PUT', body, ...o })

// ---------- the township ----------
export const listTownshipObjections = (townshipId: number, q: TownshipObjectionQuery, o?: CallOptions) =>
  api.request<ObjectionPage>(townshipObjections(townshipId), { query: { ...q }, ...o })

export const townshipAnswerObjection = (
  townshipId: number,
  oid: number,
  body: ObjectionAnswerRequest,
  o?: CallOptions,
) =>
  api.request<ObjectionView>(`${townshipObjections(townshipId)}/${oid}/answer`, {
    method: 'POST',
    body,
    ...o,
  })

export const getTownshipNoticeCalendar = (townshipId: number, o?: CallOptions) =>
  api.request<TownshipNoticeCalendar>(`/api/townships/${townshipId}/notice-calendar`, o)

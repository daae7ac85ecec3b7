/**
 * 村务公开 / 公示: the 两委 draft, publish and correct notices; the supervision committee reviews and gives
 * its opinion; residents read, acknowledge and object during the publicity period; the township oversees
 * (Art 30–31). Anyone may read a published notice at its share URL without logging in.
 *
 * Attachments are uploaded through the files route (POST /api/villages/:villageId/attachments) and named
 * in a draft by their ids.
 */
import { ANY_VILLAGE_ROLE } from '../roles'
import { NOTICE_OVERSEERS, NOTICE_REVIEWERS, NOTICE_WRITERS, OBJECTION_ANSWERERS } from '../notice'
import {
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
  townshipCalendarQuerySchema,
  townshipObjectionQuerySchema,
  type NoticeSettings,
} from '../notice-api'
import {
  type NoticeAckReport,
  type NoticeAckResult,
  type NoticeIntegrityReport,
  type NoticePage,
  type NoticeUnreadCounts,
  type NoticeView,
  type ObjectionPage,
  type ObjectionView,
  type PublicNoticeView,
  type TownshipNoticeCalendar,
  type VillageNoticeCalendar,
} from '../notice-views'
import { access, route } from './route'

const V = '/api/villages/:villageId'
const N = `${V}/notices`
const O = `${V}/notice-objections`
const T = '/api/townships/:townshipId'
const resident = access.village(ANY_VILLAGE_ROLE)
const anyoneOfVillage = access.village(ANY_VILLAGE_ROLE, { township: true })
const writers = access.village(NOTICE_WRITERS)
const reviewers = access.village(NOTICE_REVIEWERS)
const overseers = access.village(NOTICE_OVERSEERS, { township: true })

export const noticeRoutes = {
  // ---------- reading ----------
  feed: route<NoticePage>()({
    method: 'GET',
    path: N,
    access: anyoneOfVillage,
    query: noticeFeedQuerySchema,
    summary: '公开栏：已公开的公告，置顶在前，标出未读；可按类别、关键词查找',
  }),
  unread: route<NoticeUnreadCounts>()({
    method: 'GET',
    path: `${N}/unread`,
    access: resident,
    summary: '各类别未读公告的数量',
  }),
  readAll: route<NoticeUnreadCounts>()({
    method: 'POST',
    path: `${N}/read-all`,
    access: resident,
    status: 200,
    summary: '全部已读：现在能看到的公告都记为已读（之后发布或更正的仍算未读）',
  }),
  manage: route<NoticePage>()({
    method: 'GET',
    path: `${N}/manage`,
    access: overseers,
    query: noticeManageQuerySchema,
    summary: '公告管理：各种状态的公告，包括草稿和待审核的',
  }),
  detail: route<NoticeView>()({
    method: 'GET',
    path: `${N}/:id`,
    access: anyoneOfVillage,
    summary: '一条公告和它的各版本；打开即记为已读（草稿只给两委和监督委员会看）',
  }),
  // ---------- the 两委 ----------
  create: route<NoticeView>()({
    method: 'POST',
    path: N,
    access: writers,
    body: noticeDraftSchema,
    summary: '起草一条公告',
  }),
  edit: route<NoticeView>()({
    method: 'PUT',
    path: `${N}/:id`,
    access: writers,
    body: noticeDraftSchema,
    summary: '修改草稿（已公开的只能更正）',
  }),
  submit: route<NoticeView>()({
    method: 'POST',
    path: `${N}/:id/submit`,
    access: writers,
    status: 200,
    summary: '提交监督委员会审核（本村要求审核时）',
  }),
  publish: route<NoticeView>()({
    method: 'POST',
    path: `${N}/:id/publish`,
    access: writers,
    body: noticePublishSchema,
    status: 200,
    summary: '发布：第 1 版及其摘要记入留痕链，通知公告范围内的村民',
  }),
  pin: route<NoticeView>()({
    method: 'POST',
    path: `${N}/:id/pin`,
    access: writers,
    body: noticePinSchema,
    status: 200,
    summary: '置顶或取消置顶',
  }),
  correct: route<NoticeView>()({
    method: 'POST',
    path: `${N}/:id/corrections`,
    access: writers,
    body: noticeCorrectionSchema,
    status: 200,
    summary: '更正：写明原因发布新的一版，旧版照旧公开',
  }),
  acks: route<NoticeAckReport>()({
    method: 'GET',
    path: `${N}/:id/acks`,
    access: overseers,
    summary: '各户确认收到的情况：已确认的和未确认的户',
  }),
  // ---------- the supervision committee ----------
  review: route<NoticeView>()({
    method: 'POST',
    path: `${N}/:id/review`,
    access: reviewers,
    body: noticeReviewSchema,
    status: 200,
    summary: '监督委员会审核：同意发布（可附意见）或退回修改（写明原因）',
  }),
  opinion: route<NoticeView>()({
    method: 'POST',
    path: `${N}/:id/opinion`,
    access: reviewers,
    body: noticeOpinionSchema,
    status: 200,
    summary: '监督委员会对已公开的公告提出意见（一次）',
  }),
  // ---------- residents ----------
  object: route<ObjectionView>()({
    method: 'POST',
    path: `${N}/:id/objections`,
    access: resident,
    body: objectionCreateSchema,
    summary: '在公示期内提出异议',
  }),
  objections: route<ObjectionView[]>()({
    method: 'GET',
    path: `${N}/:id/objections`,
    access: anyoneOfVillage,
    summary: '一条公告的异议：村民看到自己的，两委、监督委员会和乡镇看到全部',
  }),
  ack: route<NoticeAckResult>()({
    method: 'POST',
    path: `${N}/:id/ack`,
    access: resident,
    status: 200,
    summary: '确认收到（每户一次）',
  }),
  // ---------- objections ----------
  objectionQueue: route<ObjectionPage>()({
    method: 'GET',
    path: O,
    access: overseers,
    query: objectionQueueQuerySchema,
    summary: '本村的异议：按状态、是否超期筛选，期限近的在前',
  }),
  myObjections: route<ObjectionPage>()({
    method: 'GET',
    path: `${O}/mine`,
    access: resident,
    query: objectionQueueQuerySchema,
    summary: '我的异议和对它们的答复，新的在前',
  }),
  answer: route<ObjectionView>()({
    method: 'POST',
    path: `${O}/:oid/answer`,
    access: access.village(OBJECTION_ANSWERERS, { refusal: 'NOTICE_REPLY_NOT_ALLOWED' }),
    body: objectionAnswerSchema,
    status: 200,
    summary: '两委答复异议（一次）',
  }),
  accept: route<ObjectionView>()({
    method: 'POST',
    path: `${O}/:oid/accept`,
    access: resident,
    status: 200,
    summary: '提出异议的人认可答复',
  }),
  escalate: route<ObjectionView>()({
    method: 'POST',
    path: `${O}/:oid/escalate`,
    access: resident,
    body: objectionEscalateSchema,
    status: 200,
    summary: '提出异议的人对答复不满意（或超期未答复），反映到乡镇（街道）',
  }),
  // ---------- the publication calendar (Art 30) ----------
  calendar: route<VillageNoticeCalendar>()({
    method: 'GET',
    path: `${V}/notice-calendar`,
    access: overseers,
    summary: '公开日历：村务、财务和重大事项哪些已公开、待公开、已逾期',
  }),
  settings: route<NoticeSettings>()({
    method: 'GET',
    path: `${V}/notice-settings`,
    access: overseers,
    summary: '公开日历的设置',
  }),
  updateSettings: route<NoticeSettings>()({
    method: 'PUT',
    path: `${V}/notice-settings`,
    access: writers,
    body: noticeSettingsSchema,
    summary: '修改公开日历的设置',
  }),
  // ---------- the township ----------
  townshipObjections: route<ObjectionPage>()({
    method: 'GET',
    path: `${T}/notice-objections`,
    access: access.township(),
    query: townshipObjectionQuerySchema,
    summary: '乡镇：各村超期未答复和反映上来的异议',
  }),
  townshipAnswer: route<ObjectionView>()({
    method: 'POST',
    path: `${T}/notice-objections/:oid/answer`,
    access: access.township(),
    body: objectionAnswerSchema,
    status: 200,
    summary: '乡镇答复反映上来的异议',
  }),
  townshipCalendar: route<TownshipNoticeCalendar>()({
    method: 'GET',
    path: `${T}/notice-calendar`,
    access: access.township(),
    query: townshipCalendarQuerySchema,
    summary:
      '乡镇：各村按时公开的情况，按村分页（after=上一页的 nextAfter）；第一页附全乡镇的汇总；only=overdue 只列有逾期的村',
  }),
  townshipIntegrity: route<NoticeIntegrityReport>()({
    method: 'GET',
    path: `${T}/notice-integrity`,
    access: access.township(),
    summary: '乡镇：逐版重算各村公告的摘要，与留痕链对照',
  }),
  // ---------- anyone ----------
  publicRead: route<PublicNoticeView>()({
    method: 'GET',
    path: '/api/public/notices/:id',
    access: access.public(),
    summary: '分享出去的公告：任何人无需登录可看，含每一版和它的摘要',
  }),
} as const

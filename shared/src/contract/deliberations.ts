/**
 * 四议两公开 / 一征三议两公开 in one village. Anyone of the village (and the township above it) reads;
 * the 两委 act, and the shared procedure (gateEvent) then decides which of them may record each step.
 * Members check in and vote on their phones; the supervision committee gives its opinion on the
 * notices. The meeting notice (preview, reschedule, paper notice) and 联名提议 have routes of their own.
 *
 * Attachments are uploaded through the files route (POST /api/villages/:villageId/attachments) and named
 * by their ids.
 */
import { pageQuerySchema, type Page } from '../api'
import { deliberationListQuerySchema } from '../deliberation'
import {
  deliberationCreateSchema,
  meetingAttachmentsSchema,
  meetingScheduleSchema,
  minutesCreateSchema,
  opinionCreateSchema,
  opinionSummarySchema,
  publishStepSchema,
  rejectDeliberationSchema,
  solicitationOpenSchema,
  townshipAttendeeSchema,
} from '../deliberation-requests'
import {
  ballotSchema,
  cancelMeetingSchema,
  closeMeetingSchema,
  deliberationSettingsSchema,
  paperSignInSchema,
  supervisionOpinionSchema,
  voidMeetingSchema,
  type BallotReceipt,
  type DeliberationSettings,
  type DeliberationSummary,
  type DeliberationView,
  type MeetingView,
  type OpinionPage,
  type OpinionView,
  type QuorumView,
  type TownshipOfficialOption,
} from '../deliberation-api'
import { ANY_VILLAGE_ROLE, COMMITTEE_ROLES } from '../roles'
import { access, route } from './route'

const D = '/api/villages/:villageId/deliberations'
const M = `${D}/:id/meetings/:meetingId`
const member = access.village(ANY_VILLAGE_ROLE)
const anyoneOfVillage = access.village(ANY_VILLAGE_ROLE, { township: true })
const committee = access.village(COMMITTEE_ROLES)

export const deliberationRoutes = {
  // ---------- deliberations ----------
  create: route<DeliberationView>()({
    method: 'POST',
    path: D,
    access: committee,
    body: deliberationCreateSchema,
    summary: '发起议事；来源是联名提议时，该提议记为已启动',
  }),
  list: route<Page<DeliberationSummary>>()({
    method: 'GET',
    path: D,
    access: anyoneOfVillage,
    query: deliberationListQuerySchema,
    summary: '本村的议事，新的在前，可按状态筛选',
  }),
  settings: route<DeliberationSettings>()({
    method: 'GET',
    path: `${D}/settings`,
    access: anyoneOfVillage,
    summary: '议事设置：是否实时显示票数、签到可提前的分钟数',
  }),
  updateSettings: route<DeliberationSettings>()({
    method: 'PUT',
    path: `${D}/settings`,
    access: committee,
    body: deliberationSettingsSchema,
    summary: '修改议事设置（没填的设置保持原样）',
  }),
  townshipOfficials: route<TownshipOfficialOption[]>()({
    method: 'GET',
    path: `${D}/township-officials`,
    access: committee,
    summary: '上级乡镇（街道）的干部，供登记列席人员时选择',
  }),
  detail: route<DeliberationView>()({
    method: 'GET',
    path: `${D}/:id`,
    access: anyoneOfVillage,
    summary: '一件议事：程序、各步记录、征求意见、会议、公开，以及调用者现在能做什么',
  }),
  reject: route<DeliberationView>()({
    method: 'POST',
    path: `${D}/:id/reject`,
    access: committee,
    body: rejectDeliberationSchema,
    status: 200,
    summary: '终止议事（写明原因）',
  }),
  // ---------- 一征 ----------
  openSolicitation: route<DeliberationView>()({
    method: 'POST',
    path: `${D}/:id/solicitation`,
    access: committee,
    body: solicitationOpenSchema,
    status: 200,
    summary: '一征：开始征求居民意见（不少于规定天数）',
  }),
  submitOpinion: route<OpinionView>()({
    method: 'POST',
    path: `${D}/:id/opinions`,
    access: member,
    body: opinionCreateSchema,
    summary: '一征：花名册上的居民在征求期内提意见，可附照片',
  }),
  opinions: route<OpinionPage>()({
    method: 'GET',
    path: `${D}/:id/opinions`,
    access: anyoneOfVillage,
    query: pageQuerySchema,
    summary: '一征收到的意见，新的在前：两委、监督委员会和乡镇看全部，其他人只看自己的',
  }),
  postSummary: route<DeliberationView>()({
    method: 'POST',
    path: `${D}/:id/solicitation/summary`,
    access: committee,
    body: opinionSummarySchema,
    status: 200,
    summary: '一征：征求期结束后发布意见汇总，议事进入提议',
  }),
  // ---------- meetings ----------
  schedule: route<DeliberationView>()({
    method: 'POST',
    path: `${D}/:id/meetings`,
    access: committee,
    body: meetingScheduleSchema,
    summary: '发出开会通知：应到人员在通知时定下，用小程序的人收到通知',
  }),
  meeting: route<MeetingView>()({
    method: 'GET',
    path: M,
    access: anyoneOfVillage,
    summary: '一次会议：签到、表决结果、会议记录、附件、列席人员（签到名单只给两委看全）',
  }),
  open: route<MeetingView>()({
    method: 'POST',
    path: `${M}/open`,
    access: committee,
    status: 200,
    summary: '宣布开会；超过开会时间一天没开的会议就此失效',
  }),
  cancel: route<DeliberationView>()({
    method: 'POST',
    path: `${M}/cancel`,
    access: committee,
    body: cancelMeetingSchema,
    status: 200,
    summary: '取消还没开始的会议，通知应到人员；这一步等新的会议',
  }),
  voidVote: route<MeetingView>()({
    method: 'POST',
    path: `${M}/void`,
    access: committee,
    body: voidMeetingSchema,
    status: 200,
    summary: '宣布表决作废：只在发现签到或选票记录被改动、对不上时可用',
  }),
  checkIn: route<QuorumView>()({
    method: 'POST',
    path: `${M}/check-in`,
    access: member,
    status: 200,
    summary: '应到人员用手机签到（可带 Idempotency-Key 重试）',
  }),
  paperSignIn: route<QuorumView>()({
    method: 'POST',
    path: `${M}/paper-sign-in`,
    access: committee,
    body: paperSignInSchema,
    status: 200,
    summary: '录入纸质签到表；已经签到的人保持原样',
  }),
  quorum: route<QuorumView>()({
    method: 'GET',
    path: `${M}/quorum`,
    access: anyoneOfVillage,
    summary: '应到、实到和是否达到法定人数',
  }),
  vote: route<BallotReceipt>()({
    method: 'POST',
    path: `${M}/ballots`,
    access: member,
    body: ballotSchema,
    status: 200,
    summary: '已签到的应到人员投票（同意、反对、弃权）；带同一个 Idempotency-Key 重试得到同样的回执',
  }),
  close: route<MeetingView>()({
    method: 'POST',
    path: `${M}/close`,
    access: committee,
    body: closeMeetingSchema,
    status: 200,
    summary: '结束表决：手机票数加上现场清点的票数，记下结果并封存签到和选票',
  }),
  addMinutes: route<MeetingView>()({
    method: 'POST',
    path: `${M}/minutes`,
    access: committee,
    body: minutesCreateSchema,
    summary: '会议记录：第一条是记录，之后每条是更正，都不能修改或删除',
  }),
  attach: route<MeetingView>()({
    method: 'POST',
    path: `${M}/attachments`,
    access: committee,
    body: meetingAttachmentsSchema,
    status: 200,
    summary: '给会议附上已上传的文件（签到表、纸质记录的照片等）',
  }),
  addTownshipAttendee: route<MeetingView>()({
    method: 'POST',
    path: `${M}/township-attendees`,
    access: committee,
    body: townshipAttendeeSchema,
    summary: '登记列席的乡镇（街道）干部和职务；列席不算应到，也不计入法定人数',
  }),
  // ---------- 两公开 ----------
  publish: route<DeliberationView>()({
    method: 'POST',
    path: `${D}/:id/publish`,
    access: committee,
    body: publishStepSchema,
    status: 200,
    summary: '决议公开（没有自动公开时）或实施结果公开',
  }),
  supervisionOpinion: route<DeliberationView>()({
    method: 'POST',
    path: `${D}/:id/notices/:noticeId/opinion`,
    access: access.village(['supervisor']),
    body: supervisionOpinionSchema,
    status: 200,
    summary: '村务监督委员会对决议公开或实施结果公开的意见，只能提一次',
  }),
} as const

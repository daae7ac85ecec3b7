/**
 * 活动 / 志愿服务: the 两委 publish an activity, residents sign up and check in by the organiser's
 * QR code, the organiser records each attendee's hours.
 */
import {
  activityCancelSchema,
  activityCheckInSchema,
  activityCreateSchema,
  activityHandCheckInSchema,
  activityHoursSchema,
} from '../activity'
import type {
  ActivityCheckInCode,
  ActivityCheckInResult,
  ActivityRoster,
  ActivitySummary,
  ActivityView,
  MyVolunteerHours,
  VillageVolunteerHours,
} from '../activity-api'
import { ANY_VILLAGE_ROLE, COMMITTEE_ROLES } from '../roles'
import { access, route } from './route'

const P = '/api/villages/:villageId/activities'
const H = '/api/villages/:villageId/volunteer-hours'
const committee = access.village(COMMITTEE_ROLES)
const ofVillage = access.village(ANY_VILLAGE_ROLE, { refusal: 'ACTIVITY_NOT_A_RESIDENT' })

export const activityRoutes = {
  list: route<ActivitySummary[]>()({
    method: 'GET',
    path: P,
    access: ofVillage,
    summary: '本村的活动：将要举行的在前；两委还能看到草稿',
  }),
  detail: route<ActivityView>()({
    method: 'GET',
    path: `${P}/:id`,
    access: ofVillage,
    summary: '一个活动：时间、地点、名额，我是否报名、签到',
  }),
  create: route<ActivityView>()({
    method: 'POST',
    path: P,
    access: committee,
    body: activityCreateSchema,
    summary: '两委发布活动（或存为草稿）',
  }),
  publish: route<ActivityView>()({
    method: 'POST',
    path: `${P}/:id/publish`,
    access: committee,
    status: 200,
    summary: '发布草稿',
  }),
  cancel: route<ActivityView>()({
    method: 'POST',
    path: `${P}/:id/cancel`,
    access: committee,
    body: activityCancelSchema,
    status: 200,
    summary: '取消活动，写明原因',
  }),
  close: route<ActivityView>()({
    method: 'POST',
    path: `${P}/:id/close`,
    access: committee,
    status: 200,
    summary: '活动举行后，时长记好了，结束活动',
  }),
  signUp: route<ActivityView>()({
    method: 'POST',
    path: `${P}/:id/sign-ups`,
    access: ofVillage,
    status: 200,
    summary: '本村居民报名，名额满了或过了截止时间不能报',
  }),
  withdraw: route<ActivityView>()({
    method: 'POST',
    path: `${P}/:id/sign-ups/withdraw`,
    access: ofVillage,
    status: 200,
    summary: '报名截止前取消自己的报名',
  }),
  roster: route<ActivityRoster>()({
    method: 'GET',
    path: `${P}/:id/sign-ups`,
    access: committee,
    summary: '报名名单：谁签到了、怎么签的、记了多少时长',
  }),
  checkInCode: route<ActivityCheckInCode>()({
    method: 'GET',
    path: `${P}/:id/check-in-code`,
    access: committee,
    summary: '签到二维码，每 30 秒换一次',
  }),
  checkIn: route<ActivityCheckInResult>()({
    method: 'POST',
    path: `${P}/:id/check-ins`,
    access: ofVillage,
    body: activityCheckInSchema,
    status: 200,
    summary: '居民扫码签到；没报名的有空位时算现场报名',
  }),
  checkInByHand: route<ActivityRoster>()({
    method: 'POST',
    path: `${P}/:id/check-ins/by-hand`,
    access: committee,
    body: activityHandCheckInSchema,
    status: 200,
    summary: '组织者为没有手机的人代为签到，记为代签',
  }),
  recordHours: route<ActivityRoster>()({
    method: 'POST',
    path: `${P}/:id/hours`,
    access: committee,
    body: activityHoursSchema,
    status: 200,
    summary: '活动结束后，组织者确认每位签到者的志愿时长（每人一次，只增不改）',
  }),
  myHours: route<MyVolunteerHours>()({
    method: 'GET',
    path: `${H}/mine`,
    access: ofVillage,
    summary: '我的志愿时长',
  }),
  villageHours: route<VillageVolunteerHours>()({
    method: 'GET',
    path: H,
    access: committee,
    summary: '本村每个人的志愿时长合计',
  }),
} as const

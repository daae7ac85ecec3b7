/** 民主评议 (Art 33): the yearly review of the village's cadres, hosted by the supervision committee. */
import {
  reviewBallotSchema,
  reviewCloseSchema,
  reviewMeetingSchema,
  reviewPaperSignInSchema,
  reviewOpenSchema,
  reviewSubjectSchema,
  workReportSchema,
} from '../cadre-review'
import type { BallotReceiptView, ReviewSummary, ReviewView, TownshipReviewRow } from '../cadre-review-api'
import { ANY_VILLAGE_ROLE } from '../roles'
import { access, route } from './route'

const V = '/api/villages/:villageId/cadre-reviews'
const R = `${V}/:id`
const host = access.village(['supervisor'], { refusal: 'REVIEW_NOT_SUPERVISOR' })
const villagers = access.village(ANY_VILLAGE_ROLE, { township: true })
const member = access.village(ANY_VILLAGE_ROLE, { refusal: 'REVIEW_NOT_A_MEMBER' })

export const cadreReviewRoutes = {
  list: route<ReviewSummary[]>()({
    method: 'GET',
    path: V,
    access: villagers,
    summary: '本村历年的民主评议',
  }),
  detail: route<ReviewView>()({
    method: 'GET',
    path: R,
    access: villagers,
    summary: '一次民主评议：被评议人、述职报告、评议会议和公布的结果',
  }),
  open: route<ReviewView>()({
    method: 'POST',
    path: V,
    access: host,
    body: reviewOpenSchema,
    summary: '监委会开始一年的民主评议（每年一次；村委会成员自动列入被评议名单）',
  }),
  addSubject: route<ReviewView>()({
    method: 'POST',
    path: `${R}/subjects`,
    access: host,
    body: reviewSubjectSchema,
    status: 200,
    summary: '把花名册上的一个人列入被评议名单（如享受误工补贴的工作人员）',
  }),
  removeSubject: route<ReviewView>()({
    method: 'DELETE',
    path: `${R}/subjects/:subjectId`,
    access: host,
    summary: '从被评议名单里去掉一个人（通知开会以前）',
  }),
  report: route<ReviewView>()({
    method: 'PUT',
    path: `${R}/subjects/:subjectId/report`,
    access: access.village(ANY_VILLAGE_ROLE, { refusal: 'REVIEW_NOT_THE_SUBJECT' }),
    body: workReportSchema,
    summary: '被评议人提交（或修改）自己的述职报告，通知开会以前',
  }),
  schedule: route<ReviewView>()({
    method: 'POST',
    path: `${R}/meeting`,
    access: host,
    body: reviewMeetingSchema,
    summary: '通知召开评议会议（村民会议或村民代表会议），应到人员按花名册和职务固定',
  }),
  openMeeting: route<ReviewView>()({
    method: 'POST',
    path: `${R}/meeting/open`,
    access: host,
    status: 200,
    summary: '到通知的时间宣布开会',
  }),
  checkIn: route<ReviewView>()({
    method: 'POST',
    path: `${R}/meeting/check-in`,
    access: member,
    status: 200,
    summary: '应到人员用手机签到',
  }),
  paperSignIn: route<ReviewView>()({
    method: 'POST',
    path: `${R}/meeting/paper-sign-in`,
    access: host,
    body: reviewPaperSignInSchema,
    status: 200,
    summary: '按纸质签到表登记没有用手机签到的到会人员',
  }),
  vote: route<BallotReceiptView>()({
    method: 'POST',
    path: `${R}/meeting/ballot`,
    access: member,
    body: reviewBallotSchema,
    status: 200,
    summary: '无记名投票：一张票给每位被评议人评 称职 / 基本称职 / 不称职，每人一次',
  }),
  close: route<ReviewView>()({
    method: 'POST',
    path: `${R}/meeting/close`,
    access: host,
    body: reviewCloseSchema,
    status: 200,
    summary: '结束投票、计票并公布结果；未达法定人数的评议无效，需要重新开会',
  }),
  township: route<TownshipReviewRow[]>()({
    method: 'GET',
    path: '/api/townships/:townshipId/cadre-reviews',
    access: access.township(),
    summary: '辖区各村的民主评议，和因连续两次不称职而终止的职务',
  }),
}

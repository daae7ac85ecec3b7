/**
 * 问卷 / 意见征集: the 两委 put a light poll to the village; residents answer once. It decides nothing.
 * Answers are counted, never listed: no route tells who answered what.
 */
import type { Ok } from '../api'
import { pollAnswerSchema, pollCreateSchema, type PollSummary, type PollView } from '../poll'
import { ANY_VILLAGE_ROLE, COMMITTEE_ROLES } from '../roles'
import { access, route } from './route'

const P = '/api/villages/:villageId/polls'
const committee = access.village(COMMITTEE_ROLES)
const ofVillage = access.village(ANY_VILLAGE_ROLE, { refusal: 'POLL_NOT_A_RESIDENT' })

export const pollRoutes = {
  list: route<PollSummary[]>()({
    method: 'GET',
    path: P,
    access: ofVillage,
    summary: '本村的问卷，征集中的在前',
  }),
  detail: route<PollView>()({
    method: 'GET',
    path: `${P}/:id`,
    access: ofVillage,
    summary: '一个问卷：问题、选项，结果可见时每个选项的人数（只有人数，没有谁选了什么）',
  }),
  create: route<PollView>()({
    method: 'POST',
    path: P,
    access: committee,
    body: pollCreateSchema,
    summary: '两委发起问卷（意见征集，不作为表决）',
  }),
  answer: route<Ok>()({
    method: 'POST',
    path: `${P}/:id/answers`,
    access: ofVillage,
    body: pollAnswerSchema,
    status: 200,
    summary: '花名册上的居民填写问卷，每人一次，截止后不能再填',
  }),
  close: route<PollView>()({
    method: 'POST',
    path: `${P}/:id/close`,
    access: committee,
    status: 200,
    summary: '两委提前结束问卷',
  }),
} as const

/** The first page of a village: what it is, one's roles there, what waits for one. */
import type { HomeSummary, TownshipDashboard } from '../api'
import { ANY_VILLAGE_ROLE } from '../roles'
import { access, route } from './route'

export const homeRoutes = {
  summary: route<HomeSummary>()({
    method: 'GET',
    path: '/api/villages/:villageId/home',
    access: access.village(ANY_VILLAGE_ROLE, { township: true }),
    summary:
      '本村首页：村（社区）概况、我的身份、未读消息、待我办的事（新公告、要参加的会、待评价、待补充），两委各类待办的数量',
  }),
  townshipDashboard: route<TownshipDashboard>()({
    method: 'GET',
    path: '/api/townships/:townshipId/dashboard',
    access: access.township(),
    summary:
      '乡镇看板：各村超时的说事和满意度、各年各事项的证明数、公开情况、待办的议事和联名提议（含超期未召集的）、超时的异议',
  }),
} as const

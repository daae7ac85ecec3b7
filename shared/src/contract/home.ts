/** The first page of a village: what it is, one's roles there, what waits for one. */
import type { HomeSummary } from '../api'
import { ANY_VILLAGE_ROLE } from '../roles'
import { access, route } from './route'

export const homeRoutes = {
  summary: route<HomeSummary>()({
    method: 'GET',
    path: '/api/villages/:villageId/home',
    access: access.village(ANY_VILLAGE_ROLE, { township: true }),
    summary: '本村首页：村（社区）概况、我的身份、未读消息、待审核的认证',
  }),
} as const

/** WeChat subscribe messages: what to ask for per tap, and what the person accepted. */
import { subscribeResultSchema, type SubscribeCredits, type SubscribeTemplates } from '../subscriptions'
import { access, route } from './route'

const S = '/api/me/subscriptions'

export const subscriptionsRoutes = {
  templates: route<SubscribeTemplates>()({
    method: 'GET',
    path: `${S}/templates`,
    access: access.account(),
    summary: '每个操作可订阅的微信消息模板',
  }),
  report: route<SubscribeCredits>()({
    method: 'POST',
    path: S,
    access: access.account(),
    body: subscribeResultSchema,
    status: 200,
    summary: '报告订阅消息授权结果（每次同意记一次）',
  }),
} as const

/** Health checks for the load balancer and the operators: no login, nothing about anyone. */
import type { HealthResponse, LiveResponse } from '../api'
import { access, route } from './route'

export const healthRoutes = {
  ready: route<HealthResponse>()({
    method: 'GET',
    path: '/health',
    access: access.public(),
    summary: '就绪：数据库能应答时 200，不能时 503（负载均衡据此摘下实例）',
  }),
  live: route<LiveResponse>()({
    method: 'GET',
    path: '/health/live',
    access: access.public(),
    summary: '存活：进程能应答，不碰数据库',
  }),
} as const

/** Logging in (WeChat, or a demo person), keeping a login alive by rotating its refresh token, logging out. */
import {
  demoLoginSchema,
  refreshSchema,
  wechatLoginSchema,
  type DemoPeopleResponse,
  type Ok,
  type TokenPair,
} from '../api'
import { access, route } from './route'

const A = '/api/auth'

// Every route here is called without an access token: one logs in, or has only a refresh token left.
export const authRoutes = {
  demoPeople: route<DemoPeopleResponse>()({
    method: 'GET',
    path: `${A}/demo-people`,
    access: access.public(),
    summary: '演示用户（开放演示时）',
  }),
  demoLogin: route<TokenPair>()({
    method: 'POST',
    path: `${A}/demo`,
    access: access.public(),
    body: demoLoginSchema,
    status: 200,
    summary: '以演示用户登录',
  }),
  wechatLogin: route<TokenPair>()({
    method: 'POST',
    path: `${A}/wechat`,
    access: access.public(),
    body: wechatLoginSchema,
    status: 200,
    summary: '微信登录（wx.login 的 code）',
  }),
  refresh: route<TokenPair>()({
    method: 'POST',
    path: `${A}/refresh`,
    access: access.public(),
    body: refreshSchema,
    status: 200,
    summary: '换一对新的令牌；旧的刷新令牌再用一次即结束这次登录',
  }),
  logout: route<Ok>()({
    method: 'POST',
    path: `${A}/logout`,
    access: access.public(),
    body: refreshSchema,
    status: 200,
    summary: '退出登录：这次登录的令牌立即失效',
  }),
} as const

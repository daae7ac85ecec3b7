/**
 * 内容安全: the 两委's review queue of what WeChat's checks held back, and the endpoint WeChat pushes
 * the results of photo checks to (消息推送, JSON mode, plain text: the signature is checked).
 */
import type { Page } from '../api'
import {
  contentQueueQuerySchema,
  contentReviewSchema,
  wechatPushBodySchema,
  wechatPushQuerySchema,
  type ContentCheckView,
} from '../content-check'
import { COMMITTEE_ROLES } from '../roles'
import { access, route } from './route'

const V = '/api/villages/:villageId/content-checks'
const PUSH = '/api/wechat/push'
const committee = access.village(COMMITTEE_ROLES)

export const contentCheckRoutes = {
  queue: route<Page<ContentCheckView>>()({
    method: 'GET',
    path: V,
    access: committee,
    query: contentQueueQuerySchema,
    summary: '内容审核：微信检测没有直接通过、等村委会看的内容',
  }),
  review: route<ContentCheckView>()({
    method: 'POST',
    path: `${V}/:id/review`,
    access: committee,
    body: contentReviewSchema,
    status: 200,
    summary: '内容审核：通过（对其他人显示）或不通过（继续隐藏，发布人看到原因）',
  }),
  pushVerify: route<string>()({
    method: 'GET',
    path: PUSH,
    access: access.public(),
    query: wechatPushQuerySchema,
    summary: '微信消息推送的地址验证：签名正确时原样答回 echostr（纯文本）',
  }),
  push: route<string>()({
    method: 'POST',
    path: PUSH,
    access: access.public(),
    query: wechatPushQuerySchema,
    body: wechatPushBodySchema,
    status: 200,
    summary: '微信消息推送：图片检测结果（wxa_media_check）；签名不对时拒收',
  }),
}

/** 实名认证: an account claims a person on a village's roster; the 两委 of that village decide. */
import {
  rejectSchema,
  verificationQuerySchema,
  verificationRequestSchema,
  type Page,
  type VerificationView,
} from '../api'
import { COMMITTEE_ROLES } from '../roles'
import { access, route } from './route'

const V = '/api/villages/:villageId/verifications'
const committee = access.village(COMMITTEE_ROLES)

export const verificationRoutes = {
  claim: route<VerificationView>()({
    method: 'POST',
    path: '/api/me/verifications',
    access: access.account(),
    body: verificationRequestSchema,
    summary: '申请实名认证：姓名、身份证号、手机号与花名册核对',
  }),
  list: route<Page<VerificationView>>()({
    method: 'GET',
    path: V,
    access: committee,
    query: verificationQuerySchema,
    summary: '本村的实名认证申请',
  }),
  confirm: route<VerificationView>()({
    method: 'POST',
    path: `${V}/:id/confirm`,
    access: committee,
    status: 200,
    summary: '确认：申请人成为花名册上这个人',
  }),
  reject: route<VerificationView>()({
    method: 'POST',
    path: `${V}/:id/reject`,
    access: committee,
    body: rejectSchema,
    status: 200,
    summary: '不通过（写明原因）',
  }),
} as const

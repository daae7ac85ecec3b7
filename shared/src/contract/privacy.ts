/**
 * The person's consents (the 用户隐私保护指引 at first login and after each new version, and the
 * separate one right before an ID number is typed) and 我的数据: what is held about them, its
 * export, and a request to delete what the law lets go, which a system administrator processes.
 */
import {
  privacyConsentSchema,
  type DataDeletionView,
  type MyDataOverview,
  type PrivacyGuide,
  type PrivacyStatus,
} from '../privacy'
import { access, route, type FileBytes } from './route'

export const privacyRoutes = {
  guide: route<PrivacyGuide>()({
    method: 'GET',
    path: '/api/privacy/guide',
    access: access.public(),
    summary: '用户隐私保护指引（当前版本）',
  }),
  status: route<PrivacyStatus>()({
    method: 'GET',
    path: '/api/me/privacy',
    access: access.account(),
    summary: '我同意过的隐私保护指引和身份证号说明的版本，是否需要重新同意',
  }),
  consent: route<PrivacyStatus>()({
    method: 'POST',
    path: '/api/me/privacy/consents',
    access: access.account(),
    body: privacyConsentSchema,
    status: 200,
    summary: '同意隐私保护指引或身份证号说明（记下版本和时间）',
  }),
  myData: route<MyDataOverview>()({
    method: 'GET',
    path: '/api/me/data',
    access: access.account(),
    summary: '我的数据：保存的关于我的全部信息，以及删除申请的进度',
  }),
  exportMyData: route<FileBytes>()({
    method: 'GET',
    path: '/api/me/data/export',
    access: access.account(),
    file: 'application/json',
    summary: '导出我的数据（JSON 文件）',
  }),
  requestDeletion: route<DataDeletionView>()({
    method: 'POST',
    path: '/api/me/data/deletion',
    access: access.account(),
    summary: '申请删除我的个人信息（法律要求保存的除外）',
  }),
  pendingDeletions: route<DataDeletionView[]>()({
    method: 'GET',
    path: '/api/admin/data-deletions',
    access: access.admin(),
    summary: '等待处理的删除申请',
  }),
  processDeletion: route<DataDeletionView>()({
    method: 'POST',
    path: '/api/admin/data-deletions/:id/process',
    access: access.admin(),
    status: 200,
    summary: '处理删除申请：删除或匿名化个人信息，保留法律要求保存的记录',
  }),
} as const

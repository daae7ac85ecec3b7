/**
 * 流动人口 / 非户籍居民: someone living in the village without being registered there applies to be on
 * its roster with a proof of address; the 两委 approve or refuse. On the roster the 两委 keep each
 * person's residence (户籍 / 户籍外出 / 非户籍常住), the declaration of those living away and the
 * meeting decision admitting a newcomer to the vote (村民委员会组织法 Art 13).
 */
import type { ResidentView } from '../api'
import type { StoredFileView } from '../grievance-api'
import {
  admissionSchema,
  newcomerApplySchema,
  newcomerQuerySchema,
  newcomerRefuseSchema,
  residenceChangeSchema,
  residenceSettingsSchema,
  takesPartSchema,
  type NewcomerApplicationView,
  type ResidenceSettings,
} from '../residence'
import { COMMITTEE_ROLES } from '../roles'
import { access, route } from './route'

const A = '/api/villages/:villageId/newcomer-applications'
const R = '/api/villages/:villageId/residents/:id'
const committee = access.village(COMMITTEE_ROLES)

export const newcomerRoutes = {
  uploadProof: route<StoredFileView>()({
    method: 'POST',
    path: '/api/me/newcomer-proofs/:villageId',
    access: access.account(),
    upload: 'file',
    summary: '申请登记前上传住址证明的照片（租房合同、居住证、房产证等），随后附在申请上',
  }),
  apply: route<NewcomerApplicationView>()({
    method: 'POST',
    path: '/api/me/newcomer-applications',
    access: access.account(),
    body: newcomerApplySchema,
    summary: '不在花名册上的常住居民申请登记为本村（社区）非户籍常住居民：住址、搬来日期、住址证明照片',
  }),
  mine: route<NewcomerApplicationView[]>()({
    method: 'GET',
    path: '/api/me/newcomer-applications',
    access: access.account(),
    summary: '我的登记申请和处理结果',
  }),
  list: route<NewcomerApplicationView[]>()({
    method: 'GET',
    path: A,
    access: committee,
    query: newcomerQuerySchema,
    summary: '本村的登记申请，等待审核的在前',
  }),
  approve: route<NewcomerApplicationView>()({
    method: 'POST',
    path: `${A}/:id/approve`,
    access: committee,
    status: 200,
    summary: '同意登记：申请人作为非户籍常住居民列入花名册（单独立户）',
  }),
  refuse: route<NewcomerApplicationView>()({
    method: 'POST',
    path: `${A}/:id/refuse`,
    access: committee,
    body: newcomerRefuseSchema,
    status: 200,
    summary: '不同意登记（写明原因，申请人会收到消息）',
  }),
  setResidence: route<ResidentView>()({
    method: 'PUT',
    path: `${R}/residence`,
    access: committee,
    body: residenceChangeSchema,
    summary: '更改花名册上一个人的居住情况：户籍、户籍外出或非户籍常住，起始日期和住址证明',
  }),
  setTakesPart: route<ResidentView>()({
    method: 'PUT',
    path: `${R}/takes-part`,
    access: committee,
    body: takesPartSchema,
    summary: '户籍外出的村民本人表示参加（或不再参加）选举和表决',
  }),
  admit: route<ResidentView>()({
    method: 'POST',
    path: `${R}/admission`,
    access: committee,
    body: admissionSchema,
    status: 200,
    summary: '记录村民会议或村民代表会议同意这位非户籍常住居民参加选举的决定（须在本村居住满一年）',
  }),
  withdrawAdmission: route<ResidentView>()({
    method: 'DELETE',
    path: `${R}/admission`,
    access: committee,
    summary: '撤销记错的参加选举决定',
  }),
  settings: route<ResidenceSettings>()({
    method: 'GET',
    path: '/api/villages/:villageId/residence-settings',
    access: committee,
    summary: '经会议同意的非户籍常住居民是否也参加选举以外事项的表决',
  }),
  saveSettings: route<ResidenceSettings>()({
    method: 'PUT',
    path: '/api/villages/:villageId/residence-settings',
    access: committee,
    body: residenceSettingsSchema,
    summary: '设定经会议同意的非户籍常住居民是否也参加选举以外事项的表决（默认不参加）',
  }),
} as const

/**
 * 联名提议: residents co-sign a request that a meeting be convened; at the legal threshold the 两委
 * are told, once, that they must convene it. The 两委 turn a reached petition into a deliberation
 * with the deliberations' create route (`source: { kind: 'petition', petitionId }`).
 */
import { petitionCreateSchema } from '../deliberation-requests'
import { paperSheetSchema, petitionListQuerySchema, type PetitionPage, type PetitionView } from '../petition'
import { rolesWith } from '../proxy'
import { ANY_VILLAGE_ROLE } from '../roles'
import { access, route } from './route'

const P = '/api/villages/:villageId/petitions'
const resident = access.village(ANY_VILLAGE_ROLE)
const anyoneOfVillage = access.village(ANY_VILLAGE_ROLE, { township: true })

export const petitionRoutes = {
  create: route<PetitionView>()({
    method: 'POST',
    path: P,
    access: resident,
    body: petitionCreateSchema,
    summary: '发起联名提议召开会议：名册上的人发起，并作为第一个签名的人',
  }),
  list: route<PetitionPage>()({
    method: 'GET',
    path: P,
    access: anyoneOfVillage,
    query: petitionListQuerySchema,
    summary: '本村的联名提议，新的在前；可按状态筛选',
  }),
  detail: route<PetitionView>()({
    method: 'GET',
    path: `${P}/:id`,
    access: anyoneOfVillage,
    summary: '一份联名提议：各项标准的签名数和法定人数、我是否已签、能否签名',
  }),
  sign: route<PetitionView>()({
    method: 'POST',
    path: `${P}/:id/signatures`,
    access: resident,
    status: 200,
    summary: '在联名提议上签名（每人一次；不符合条件或已结束的不能签）',
  }),
  recordPaperSheet: route<PetitionView>()({
    method: 'POST',
    path: `${P}/:id/paper-sheets`,
    // the people who act for residents collect their signatures on paper too
    access: access.village(rolesWith('act_for_residents')),
    body: paperSheetSchema,
    summary: '登记纸质签名表：签名表照片和签了名的村民（从花名册选）；每人只算一次，网上签过的不重复计算',
  }),
  withdraw: route<PetitionView>()({
    method: 'POST',
    path: `${P}/:id/withdraw`,
    access: resident,
    status: 200,
    summary: '发起人在达到法定人数之前撤回联名提议；已签名的人会收到通知',
  }),
}

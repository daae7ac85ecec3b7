/** 村民说事: residents raise and follow their issues, the 两委 handle them, the township oversees. */
import { type Page } from '../api'
import {
  bulkAcceptSchema,
  grievanceAnswerSchema,
  grievanceAssignSchema,
  grievanceCreateSchema,
  grievancePageQuerySchema,
  grievanceDeclineSchema,
  grievanceEscalateSchema,
  grievanceQueueQuerySchema,
  grievanceRateSchema,
  grievanceReopenSchema,
  grievanceReplySchema,
  grievanceSettingsSchema,
  publicWallQuerySchema,
  townshipGrievanceQuerySchema,
  townshipReturnSchema,
  type BulkAcceptResult,
  type GrievanceSettings,
  type GrievanceSummary,
  type GrievanceView,
  type SupportResult,
  type TownshipGrievanceStats,
} from '../grievance-api'
import { grievanceCollectSchema } from '../grid'
import { ANY_VILLAGE_ROLE, COMMITTEE_ROLES, GRIEVANCE_ASSIGNEE_ROLES, OVERSIGHT_ROLES } from '../roles'
import { access, route } from './route'

const V = '/api/villages/:villageId/grievances'
const T = '/api/townships/:townshipId/grievances'
const resident = access.village(ANY_VILLAGE_ROLE)
const anyoneOfVillage = access.village(ANY_VILLAGE_ROLE, { township: true })
const committee = access.village(COMMITTEE_ROLES)
const committeeOrTownship = access.village(COMMITTEE_ROLES, { township: true })
/** the 两委, or a grid worker or group leader the item was handed to (the policy checks which) */
const handler = access.village(GRIEVANCE_ASSIGNEE_ROLES)

export const grievanceRoutes = {
  // ---------- residents ----------
  raise: route<GrievanceView>()({
    method: 'POST',
    path: V,
    access: resident,
    body: grievanceCreateSchema,
    summary: '说事：提出一件事',
  }),
  mine: route<Page<GrievanceSummary>>()({
    method: 'GET',
    path: `${V}/mine`,
    access: resident,
    query: grievancePageQuerySchema,
    summary: '我说的事',
  }),
  wall: route<Page<GrievanceSummary>>()({
    method: 'GET',
    path: `${V}/public`,
    access: anyoneOfVillage,
    query: publicWallQuerySchema,
    summary: '说事墙：公开的事',
  }),
  categories: route<string[]>()({
    method: 'GET',
    path: `${V}/categories`,
    access: anyoneOfVillage,
    summary: '本村说事的分类',
  }),
  sensitiveCategories: route<string[]>()({
    method: 'GET',
    path: `${V}/categories/sensitive`,
    access: anyoneOfVillage,
    summary: '默认仅村委会可见的分类（如邻里纠纷）；提出时可以改为公开',
  }),
  detail: route<GrievanceView>()({
    method: 'GET',
    path: `${V}/:id`,
    access: anyoneOfVillage,
    summary: '一件事的详情和经过',
  }),
  reply: route<GrievanceView>()({
    method: 'POST',
    path: `${V}/:id/replies`,
    access: resident,
    body: grievanceReplySchema,
    status: 200,
    summary: '补充说明或回复',
  }),
  rate: route<GrievanceView>()({
    method: 'POST',
    path: `${V}/:id/rate`,
    access: resident,
    body: grievanceRateSchema,
    status: 200,
    summary: '评价答复',
  }),
  reopen: route<GrievanceView>()({
    method: 'POST',
    path: `${V}/:id/reopen`,
    access: resident,
    body: grievanceReopenSchema,
    status: 200,
    summary: '对答复不满意，重新办理',
  }),
  support: route<SupportResult>()({
    method: 'POST',
    path: `${V}/:id/support`,
    access: resident,
    status: 200,
    summary: '附议（+1）',
  }),
  withdrawSupport: route<SupportResult>()({
    method: 'DELETE',
    path: `${V}/:id/support`,
    access: resident,
    summary: '取消附议',
  }),
  // ---------- the first line: grid workers and group leaders ----------
  collect: route<GrievanceView>()({
    method: 'POST',
    path: `${V}/collected`,
    access: access.village(['grid_worker']),
    body: grievanceCollectSchema,
    summary: '民情收集：网格员提出走访中听到的事，写明涉及本网格的哪些住户',
  }),
  assigned: route<Page<GrievanceSummary>>()({
    method: 'GET',
    path: `${V}/assigned`,
    access: handler,
    query: grievancePageQuerySchema,
    summary: '交给我办理的事',
  }),
  grid: route<Page<GrievanceSummary>>()({
    method: 'GET',
    path: `${V}/grid/:gridId`,
    access: access.village([...OVERSIGHT_ROLES, 'grid_worker'], { township: true }),
    query: grievancePageQuerySchema,
    summary: '一个网格的住户提出的事和网格员收集的事；网格员只能看自己的网格',
  }),
  group: route<Page<GrievanceSummary>>()({
    method: 'GET',
    path: `${V}/group`,
    access: access.village(['group_leader']),
    query: grievancePageQuerySchema,
    summary:
      '村民小组长：本组住户提出的事和网格员收集的涉及本组住户的事（只看；仅村委会可见的和未通过审核的不列出，交给自己办理的除外）',
  }),
  // ---------- committee ----------
  queue: route<Page<GrievanceSummary>>()({
    method: 'GET',
    path: V,
    access: committeeOrTownship,
    query: grievanceQueueQuerySchema,
    summary: '两委的待办：按状态、超期筛选',
  }),
  bulkAccept: route<BulkAcceptResult>()({
    method: 'POST',
    path: `${V}/bulk-accept`,
    access: committee,
    body: bulkAcceptSchema,
    status: 200,
    summary: '一次受理多件',
  }),
  settings: route<GrievanceSettings>()({
    method: 'GET',
    path: `${V}/settings`,
    access: committeeOrTownship,
    summary: '说事设置：分类、答复模板',
  }),
  updateSettings: route<GrievanceSettings>()({
    method: 'PUT',
    path: `${V}/settings`,
    access: committee,
    body: grievanceSettingsSchema,
    summary: '修改说事设置',
  }),
  accept: route<GrievanceView>()({
    method: 'POST',
    path: `${V}/:id/accept`,
    access: committee,
    status: 200,
    summary: '受理',
  }),
  decline: route<GrievanceView>()({
    method: 'POST',
    path: `${V}/:id/decline`,
    access: committee,
    body: grievanceDeclineSchema,
    status: 200,
    summary: '不予受理（写明原因）',
  }),
  assign: route<GrievanceView>()({
    method: 'POST',
    path: `${V}/:id/assign`,
    access: committee,
    body: grievanceAssignSchema,
    status: 200,
    summary: '交给一位经办人：两委成员、网格员或村民小组长',
  }),
  answer: route<GrievanceView>()({
    method: 'POST',
    path: `${V}/:id/answer`,
    access: handler,
    body: grievanceAnswerSchema,
    status: 200,
    summary: '答复（两委，或这件事交给的网格员、村民小组长）',
  }),
  escalate: route<GrievanceView>()({
    method: 'POST',
    path: `${V}/:id/escalate`,
    access: committee,
    body: grievanceEscalateSchema,
    status: 200,
    summary: '上报乡镇（街道）',
  }),
  // ---------- township ----------
  townshipList: route<Page<GrievanceSummary>>()({
    method: 'GET',
    path: T,
    access: access.township(),
    query: townshipGrievanceQuerySchema,
    summary: '乡镇：上报和超期的事',
  }),
  townshipStats: route<TownshipGrievanceStats>()({
    method: 'GET',
    path: `${T}/stats`,
    access: access.township(),
    summary: '乡镇：各村说事统计',
  }),
  townshipDetail: route<GrievanceView>()({
    method: 'GET',
    path: `${T}/:id`,
    access: access.township(),
    summary: '乡镇：一件事的详情',
  }),
  townshipAnswer: route<GrievanceView>()({
    method: 'POST',
    path: `${T}/:id/answer`,
    access: access.township(),
    body: grievanceAnswerSchema,
    status: 200,
    summary: '乡镇直接答复',
  }),
  townshipReturn: route<GrievanceView>()({
    method: 'POST',
    path: `${T}/:id/return`,
    access: access.township(),
    body: townshipReturnSchema,
    status: 200,
    summary: '乡镇退回村里办理（附办理意见）',
  }),
} as const

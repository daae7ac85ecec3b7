/**
 * 便民服务 (一门式): the county's catalogue of services, residents' requests and the desk's hand-offs
 * (帮办代办), the township's counts and its edits of the catalogue.
 */
import { z } from 'zod'
import {
  serviceItemCodeSchema,
  serviceItemCreateSchema,
  serviceItemSchema,
  type ServiceItem,
} from '../convenience-service'
import {
  serviceHandoffSchema,
  serviceQueueQuerySchema,
  serviceRefuseSchema,
  serviceRequestCreateSchema,
  serviceStatsQuerySchema,
  type ServiceRequestSummary,
  type ServiceRequestView,
  type ServiceStats,
} from '../convenience-service-api'
import { rolesWith } from '../proxy'
import { ANY_VILLAGE_ROLE } from '../roles'
import { access, route } from './route'

const V = '/api/villages/:villageId/services'
const T = '/api/townships/:townshipId/services'
const C = '/api/counties/:countyId/services'
const ofVillage = access.village(ANY_VILLAGE_ROLE)
const anyoneOfVillage = access.village(ANY_VILLAGE_ROLE, { township: true })
/** the 两委 and the 网格员: whoever may act for residents carries their papers */
const staff = access.village(rolesWith('act_for_residents'), { refusal: 'SERVICE_NOT_STAFF' })
const codeParam = z.object({ code: serviceItemCodeSchema })

export const convenienceServiceRoutes = {
  // ---------- the catalogue ----------
  catalogue: route<ServiceItem[]>()({
    method: 'GET',
    path: `${V}/catalogue`,
    access: anyoneOfVillage,
    summary: '村里能办、能代办的服务：办理单位、要带的材料、办理时限',
  }),

  // ---------- residents ----------
  apply: route<ServiceRequestView>()({
    method: 'POST',
    path: `${V}/requests`,
    access: ofVillage,
    body: serviceRequestCreateSchema,
    summary: '申请办理一项服务（可由两委、网格员代办）',
  }),
  mine: route<ServiceRequestSummary[]>()({
    method: 'GET',
    path: `${V}/requests/mine`,
    access: ofVillage,
    summary: '我的办事',
  }),
  detail: route<ServiceRequestView>()({
    method: 'GET',
    path: `${V}/requests/:id`,
    access: ofVillage,
    summary: '一件办事申请和它的每一步交接：本人和经办人员可看',
  }),
  withdraw: route<ServiceRequestView>()({
    method: 'POST',
    path: `${V}/requests/:id/withdraw`,
    access: ofVillage,
    status: 200,
    summary: '村里受理前，本人撤回申请',
  }),

  // ---------- the desk (两委, 网格员) ----------
  queue: route<ServiceRequestSummary[]>()({
    method: 'GET',
    path: `${V}/requests`,
    access: staff,
    query: serviceQueueQuerySchema,
    summary: '本村的办事申请，可按状态和是否超时筛选',
  }),
  handoff: route<ServiceRequestView>()({
    method: 'POST',
    path: `${V}/requests/:id/handoffs`,
    access: staff,
    body: serviceHandoffSchema,
    status: 200,
    summary: '登记一次交接：材料已收取、已递交办理单位、结果已取回、已送达本人',
  }),
  refuse: route<ServiceRequestView>()({
    method: 'POST',
    path: `${V}/requests/:id/refuse`,
    access: staff,
    body: serviceRefuseSchema,
    status: 200,
    summary: '不能办理，写明原因',
  }),

  // ---------- the township ----------
  townshipStats: route<ServiceStats>()({
    method: 'GET',
    path: `${T}/stats`,
    access: access.township(),
    query: serviceStatsQuerySchema,
    summary: '各村每项服务的申请数、办结数、超时数和平均办理天数',
  }),
  townshipCatalogue: route<ServiceItem[]>()({
    method: 'GET',
    path: `${T}/catalogue`,
    access: access.township(),
    summary: '本县的服务目录（含已停办的事项）',
  }),
  townshipAddItem: route<ServiceItem>()({
    method: 'POST',
    path: `${T}/catalogue`,
    access: access.township(),
    body: serviceItemCreateSchema,
    summary: '为本县的服务目录添加一项服务',
  }),
  townshipEditItem: route<ServiceItem>()({
    method: 'PUT',
    path: `${T}/catalogue/:code`,
    access: access.township(),
    params: codeParam,
    body: serviceItemSchema,
    summary: '修改本县服务目录里的一项服务（记入操作记录，版本加一）',
  }),

  // ---------- the system administrator ----------
  countyCatalogue: route<ServiceItem[]>()({
    method: 'GET',
    path: `${C}/catalogue`,
    access: access.admin(),
    summary: '一个县的服务目录（含已停办的事项）',
  }),
  countyAddItem: route<ServiceItem>()({
    method: 'POST',
    path: `${C}/catalogue`,
    access: access.admin(),
    body: serviceItemCreateSchema,
    summary: '为一个县的服务目录添加一项服务',
  }),
  countyEditItem: route<ServiceItem>()({
    method: 'PUT',
    path: `${C}/catalogue/:code`,
    access: access.admin(),
    params: codeParam,
    body: serviceItemSchema,
    summary: '修改一个县服务目录里的一项服务',
  }),
} as const

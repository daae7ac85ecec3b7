/** 网格: the 两委 divide the village into grids and name their grid workers; a grid worker sees their own. */
import {
  gridHouseholdsSchema,
  gridNameSchema,
  gridReleaseSchema,
  gridWorkerSchema,
  type GridDetailView,
  type GridHouseholdsResult,
  type GridHouseholdView,
  type GridView,
  type MyGroupView,
} from '../grid'
import type { Ok } from '../api'
import { COMMITTEE_ROLES, OVERSIGHT_ROLES, type Role } from '../roles'
import { access, route } from './route'

const V = '/api/villages/:villageId/grids'
const committee = access.village(COMMITTEE_ROLES)
const readers = access.village(OVERSIGHT_ROLES, { township: true })
/** a grid's page: the 两委 and overseers see every grid, a grid worker only their own (gridPolicy) */
const gridReaders: readonly Role[] = [...OVERSIGHT_ROLES, 'grid_worker']

export const gridRoutes = {
  list: route<GridView[]>()({
    method: 'GET',
    path: V,
    access: readers,
    summary: '本村的网格：名称、网格员、户数',
  }),
  households: route<GridHouseholdView[]>()({
    method: 'GET',
    path: `${V}/households`,
    access: readers,
    summary: '本村各户在哪个网格（给两委划分网格用，不含人员）',
  }),
  mine: route<GridView[]>()({
    method: 'GET',
    path: `${V}/mine`,
    access: access.village(['grid_worker']),
    summary: '我负责的网格',
  }),
  myGroup: route<MyGroupView>()({
    method: 'GET',
    path: '/api/villages/:villageId/villager-groups/mine',
    access: access.village(['group_leader']),
    summary: '村民小组长：我家所在的村民小组的住户和人员（手机号按花名册的规则遮挡）',
  }),
  detail: route<GridDetailView>()({
    method: 'GET',
    path: `${V}/:id`,
    access: access.village(gridReaders, { township: true }),
    summary: '一个网格的住户和人员；网格员只能看自己的网格，手机号按花名册的规则遮挡',
  }),
  create: route<GridView>()({
    method: 'POST',
    path: V,
    access: committee,
    body: gridNameSchema,
    summary: '新建网格',
  }),
  rename: route<GridView>()({
    method: 'PATCH',
    path: `${V}/:id`,
    access: committee,
    body: gridNameSchema,
    summary: '网格改名',
  }),
  addWorker: route<GridView>()({
    method: 'POST',
    path: `${V}/:id/workers`,
    access: committee,
    body: gridWorkerSchema,
    status: 200,
    summary: '指定花名册上的一个人为这个网格的网格员（同时登记网格员职务）',
  }),
  removeWorker: route<GridView>()({
    method: 'DELETE',
    path: `${V}/:id/workers/:residentId`,
    access: committee,
    summary: '不再担任这个网格的网格员（不再负责任何网格时，网格员职务一并免去）',
  }),
  putHouseholds: route<GridHouseholdsResult>()({
    method: 'POST',
    path: `${V}/:id/households`,
    access: committee,
    body: gridHouseholdsSchema,
    status: 200,
    summary: '把一些户（逐户挑选，或按村民小组整组）划入这个网格；原在别的网格的户移过来',
  }),
  releaseHouseholds: route<Ok>()({
    method: 'POST',
    path: `${V}/release`,
    access: committee,
    body: gridReleaseSchema,
    status: 200,
    summary: '把一些户移出网格',
  }),
} as const

/**
 * 积分制: the village's published points rules, each household's ledger, the points shop and, if the
 * village chooses, a public ranking of households. Awards come from what happened (a meeting's end,
 * an opinion window's close, an issue marked useful, an activity); the 两委 give manual awards with
 * a reason and record redemptions at the desk.
 */
import {
  householdQuerySchema,
  manualAwardSchema,
  pointsRulesSchema,
  pointsSettingsSchema,
  redemptionSchema,
  shopItemSchema,
  shopItemUpdateSchema,
  type PointsEntryView,
  type PointsHouseholdPick,
  type PointsHouseholdView,
  type PointsOverview,
  type PointsRankingView,
  type PointsRulesView,
  type ShopItemView,
  type UsefulIssueView,
} from '../points'
import { ANY_VILLAGE_ROLE, COMMITTEE_ROLES } from '../roles'
import { access, route } from './route'

const P = '/api/villages/:villageId/points'
const committee = access.village(COMMITTEE_ROLES)
const ofVillage = access.village(ANY_VILLAGE_ROLE, { refusal: 'POINTS_NOT_A_RESIDENT' })

export const pointsRoutes = {
  overview: route<PointsOverview>()({
    method: 'GET',
    path: P,
    access: ofVillage,
    summary: '积分制：现行积分规则、是否公开排行、我家是哪一户',
  }),
  rulesHistory: route<PointsRulesView[]>()({
    method: 'GET',
    path: `${P}/rules`,
    access: ofVillage,
    summary: '历次公布的积分规则，新的在前（改规则是新的一版，旧的记分不变）',
  }),
  publishRules: route<PointsRulesView>()({
    method: 'POST',
    path: `${P}/rules`,
    access: committee,
    body: pointsRulesSchema,
    summary: '两委公布新一版积分规则（每类记几分），从公布起记分按新版',
  }),
  updateSettings: route<PointsOverview>()({
    method: 'PUT',
    path: `${P}/settings`,
    access: committee,
    body: pointsSettingsSchema,
    summary: '两委决定是否公开积分排行（默认不公开）',
  }),
  mine: route<PointsHouseholdView>()({
    method: 'GET',
    path: `${P}/mine`,
    access: ofVillage,
    summary: '我家的积分余额和每一笔记录（每笔写明因为什么）',
  }),
  findHouseholds: route<PointsHouseholdPick[]>()({
    method: 'GET',
    path: `${P}/households`,
    access: committee,
    query: householdQuerySchema,
    summary: '按姓名或户号在花名册里找户（窗口兑换、奖励时选户），最多 20 户',
  }),
  household: route<PointsHouseholdView>()({
    method: 'GET',
    path: `${P}/households/:householdId`,
    access: committee,
    summary: '一户的积分余额和记录',
  }),
  award: route<PointsEntryView>()({
    method: 'POST',
    path: `${P}/awards`,
    access: committee,
    body: manualAwardSchema,
    summary: '两委奖励积分：写明理由，不超过规则公布的上限',
  }),
  ranking: route<PointsRankingView>()({
    method: 'GET',
    path: `${P}/ranking`,
    access: ofVillage,
    summary: '积分排行（村里决定公开时）：按户，户主姓名打码',
  }),
  shop: route<ShopItemView[]>()({
    method: 'GET',
    path: `${P}/shop`,
    access: ofVillage,
    summary: '积分超市的物品：所需积分和库存',
  }),
  addItem: route<ShopItemView>()({
    method: 'POST',
    path: `${P}/shop`,
    access: committee,
    body: shopItemSchema,
    summary: '两委上架一件积分超市物品',
  }),
  updateItem: route<ShopItemView>()({
    method: 'PUT',
    path: `${P}/shop/:itemId`,
    access: committee,
    body: shopItemUpdateSchema,
    summary: '两委改库存或下架物品（所需积分不改，要改就上架新物品）',
  }),
  redeem: route<PointsEntryView>()({
    method: 'POST',
    path: `${P}/redemptions`,
    access: committee,
    body: redemptionSchema,
    summary: '窗口登记兑换：积分或库存不够时不能兑换',
  }),
  usefulIssue: route<UsefulIssueView>()({
    method: 'GET',
    path: `${P}/issues/:grievanceId`,
    access: committee,
    summary: '一个村民说事是否已认定为有用',
  }),
  markUseful: route<UsefulIssueView>()({
    method: 'POST',
    path: `${P}/issues/:grievanceId/useful`,
    access: committee,
    status: 200,
    summary: '两委认定已答复的问题有用，反映人一户得分（只记一次）',
  }),
} as const

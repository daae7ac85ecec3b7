/**
 * 出具证明: the catalogue a village issues from, residents' requests, the committee's decisions, the
 * certificate as a PDF, the seal-use register, the township's counts, and the public check the QR
 * code opens.
 */
import { z } from 'zod'
import { pageQuerySchema, type Page } from '../api'
import {
  catalogueOverrideBodySchema,
  catalogueSearchQuerySchema,
  certificateQueueQuerySchema,
  certificateRefuseSchema,
  certificateRequestCreateSchema,
  certificateRequestInfoSchema,
  certificateResubmitSchema,
  certificateRevokeSchema,
  certificateStatsQuerySchema,
  sealRegisterQuerySchema,
  type CatalogueOverrides,
  type CatalogueSearchHit,
  type CatalogueView,
  type CertificateRequestView,
  type CertificateStats,
  type SealUseEntry,
} from '../certificates'
import { ANY_VILLAGE_ROLE, COMMITTEE_ROLES, OVERSIGHT_ROLES } from '../roles'
import { certificateCheckRoutes } from './certificate-check'
import { access, route, type FileBytes } from './route'

const V = '/api/villages/:villageId/certificates'
const resident = access.village(ANY_VILLAGE_ROLE)
const anyoneOfVillage = access.village(ANY_VILLAGE_ROLE, { township: true })
const committee = access.village(COMMITTEE_ROLES)
const overseers = access.village(OVERSIGHT_ROLES, { township: true })

export const certificateRoutes = {
  // ---------- the catalogue ----------
  catalogue: route<CatalogueView>()({
    method: 'GET',
    path: `${V}/catalogue`,
    access: anyoneOfVillage,
    summary: '本村可以开的证明，以及不由村里开的证明和去处',
  }),
  search: route<CatalogueSearchHit[]>()({
    method: 'GET',
    path: `${V}/catalogue/search`,
    access: anyoneOfVillage,
    query: catalogueSearchQuerySchema,
    summary: '按名称找证明：清单外的事项说明该去哪里办',
  }),
  overrides: route<CatalogueOverrides>()({
    method: 'GET',
    path: `${V}/catalogue/overrides`,
    access: access.admin(),
    summary: '本村和所在地区对证明清单的调整（原样）',
  }),
  putCatalogue: route<CatalogueView>()({
    method: 'PUT',
    path: `${V}/catalogue`,
    access: access.admin(),
    body: catalogueOverrideBodySchema,
    summary: '调整本村的证明清单：只能去掉事项、缩短时限',
  }),
  putRegionCatalogue: route<CatalogueView>()({
    method: 'PUT',
    path: '/api/certificates/regions/:region/catalogue',
    access: access.admin(),
    params: z.object({ region: z.string() }),
    body: catalogueOverrideBodySchema,
    summary: '设置一个地区（省、市、县）的证明清单',
  }),

  // ---------- residents ----------
  apply: route<CertificateRequestView>()({
    method: 'POST',
    path: `${V}/requests`,
    access: resident,
    body: certificateRequestCreateSchema,
    summary: '申请开具证明',
  }),
  mine: route<Page<CertificateRequestView>>()({
    method: 'GET',
    path: `${V}/requests/mine`,
    access: resident,
    query: pageQuerySchema,
    summary: '我申请的证明',
  }),
  detail: route<CertificateRequestView>()({
    method: 'GET',
    path: `${V}/requests/:id`,
    access: resident,
    summary: '一份申请的详情：申请人本人和两委、监委会可看',
  }),
  pdf: route<FileBytes>()({
    method: 'GET',
    path: `${V}/requests/:id/pdf`,
    access: resident,
    file: 'application/pdf',
    summary: '已出具证明的 PDF（带电子印章和查验二维码）',
  }),
  pageImage: route<FileBytes>()({
    method: 'GET',
    path: `${V}/requests/:id/page.png`,
    access: resident,
    file: 'image/png',
    summary: '已出具证明第一页的图片，手机上按屏幕宽度查看（与 PDF 同一份）',
  }),
  resubmit: route<CertificateRequestView>()({
    method: 'POST',
    path: `${V}/requests/:id/resubmit`,
    access: resident,
    body: certificateResubmitSchema,
    status: 200,
    summary: '补充材料后重新提交',
  }),
  withdraw: route<CertificateRequestView>()({
    method: 'POST',
    path: `${V}/requests/:id/withdraw`,
    access: resident,
    status: 200,
    summary: '撤回申请',
  }),

  // ---------- committee ----------
  queue: route<Page<CertificateRequestView>>()({
    method: 'GET',
    path: `${V}/requests`,
    access: committee,
    query: certificateQueueQuerySchema,
    summary: '两委的待办：按状态、超期筛选',
  }),
  approve: route<CertificateRequestView>()({
    method: 'POST',
    path: `${V}/requests/:id/approve`,
    access: committee,
    status: 200,
    summary: '同意并出具：编号、查验码、用印登记（不能批自己的申请）',
  }),
  refuse: route<CertificateRequestView>()({
    method: 'POST',
    path: `${V}/requests/:id/refuse`,
    access: committee,
    body: certificateRefuseSchema,
    status: 200,
    summary: '不予出具，并说明原因',
  }),
  requestInfo: route<CertificateRequestView>()({
    method: 'POST',
    path: `${V}/requests/:id/request-info`,
    access: committee,
    body: certificateRequestInfoSchema,
    status: 200,
    summary: '请申请人补充材料（时限暂停）',
  }),
  revoke: route<CertificateRequestView>()({
    method: 'POST',
    path: `${V}/requests/:id/revoke`,
    access: committee,
    body: certificateRevokeSchema,
    status: 200,
    summary: '作废已出具的证明，并说明原因',
  }),

  // ---------- the seal-use register (用印登记) ----------
  sealRegister: route<SealUseEntry[]>()({
    method: 'GET',
    path: `${V}/seal-register`,
    access: overseers,
    query: sealRegisterQuerySchema,
    summary: '用印登记：一段日期内每一次出具',
  }),
  sealRegisterXlsx: route<FileBytes>()({
    method: 'GET',
    path: `${V}/seal-register.xlsx`,
    access: overseers,
    query: sealRegisterQuerySchema,
    file: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    summary: '导出用印登记表格（.xlsx）',
  }),

  // ---------- the public check and the township ----------
  ...certificateCheckRoutes,
  townshipStats: route<CertificateStats>()({
    method: 'GET',
    path: '/api/townships/:townshipId/certificates/stats',
    access: access.township(),
    query: certificateStatsQuerySchema,
    summary: '各村一年出具证明的数量，按事项分列',
  }),
} as const

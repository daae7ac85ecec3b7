/**
 * The audit chains: a village's own entries for its overseers, the chain heads anyone may write down,
 * and the check of every chain, which runs in the background and is followed by its progress.
 */
import { z } from 'zod'
import {
  pageQuerySchema,
  type AuditEntryView,
  type AuditHeadView,
  type AuditVerifyRunView,
  type Page,
} from '../api'
import { OVERSIGHT_ROLES } from '../roles'
import { access, route } from './route'

export const auditVerifyModeSchema = z.enum(['full', 'since_verified'])

export const auditRoutes = {
  list: route<Page<AuditEntryView>>()({
    method: 'GET',
    path: '/api/villages/:villageId/audit',
    access: access.village(OVERSIGHT_ROLES, { township: true }),
    query: pageQuerySchema,
    summary: '本村的操作记录（留痕），新的在前',
  }),
  heads: route<AuditHeadView[]>()({
    method: 'GET',
    path: '/api/audit/heads',
    access: access.public(),
    summary: '每条留痕链的链头（最后一条的编号和哈希），供外人记下日后比对',
  }),
  startVerify: route<AuditVerifyRunView>()({
    method: 'POST',
    path: '/api/audit/verify-runs',
    access: access.admin(),
    body: z.object({ mode: auditVerifyModeSchema.default('full') }).strict(),
    summary: '开始在后台核对留痕链（从头全部核对，或从上次核对到的地方接着核对）',
  }),
  verifyRun: route<AuditVerifyRunView>()({
    method: 'GET',
    path: '/api/audit/verify-runs/:runId',
    access: access.admin(),
    summary: '一次核对的进度和结果',
  }),
} as const

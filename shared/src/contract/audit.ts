/** The audit chain: a village's own entries for its overseers, and the whole chain's check for admins. */
import { pageQuerySchema, type AuditEntryView, type AuditVerifyResult, type Page } from '../api'
import { OVERSIGHT_ROLES } from '../roles'
import { access, route } from './route'

export const auditRoutes = {
  list: route<Page<AuditEntryView>>()({
    method: 'GET',
    path: '/api/villages/:villageId/audit',
    access: access.village(OVERSIGHT_ROLES, { township: true }),
    query: pageQuerySchema,
    summary: '本村的操作记录（留痕），新的在前',
  }),
  verify: route<AuditVerifyResult>()({
    method: 'GET',
    path: '/api/audit/verify',
    access: access.admin(),
    summary: '校验整条留痕链，报告第一处断裂',
  }),
} as const

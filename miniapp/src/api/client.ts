/**
 * One function per endpoint. Request bodies are the shared zod types, responses the shared
 * response types, so a change in `@xiangli/shared` breaks the build here instead of at runtime.
 */
import type {
  AssignRoleRequest,
  AuditEntryView,
  DemoPeopleResponse,
  HomeSummary,
  HouseholdView,
  Me,
  NotificationView,
  OrgView,
  Page,
  Preferences,
  RejectRequest,
  ResidentView,
  RoleHolderView,
  RosterImportResult,
  TokenPair,
  UnreadCount,
  UpdatePreferencesRequest,
  VerificationRequest,
  VerificationState,
  VerificationView,
} from '@xiangli/shared'
import type { RequestOptions } from './core'
import { api } from './request'

/** What a page can add to a call: a form's idempotency key, or showing the error itself. */
export type CallOptions = Pick<RequestOptions, 'idempotencyKey' | 'toast'>

export interface PageParams {
  page: number
  pageSize?: number
}

type Ok = { ok: true }

// ---------- auth ----------
export const getDemoPeople = (o?: CallOptions) =>
  api.request<DemoPeopleResponse>('/api/auth/demo-people', { auth: false, ...o })

export const loginDemo = (key: string, o?: CallOptions) =>
  api.request<TokenPair>('/api/auth/demo', { method: 'POST', body: { key }, auth: false, ...o })

export const loginWechat = (code: string, o?: CallOptions) =>
  api.request<TokenPair>('/api/auth/wechat', { method: 'POST', body: { code }, auth: false, ...o })

export const logout = (refreshToken: string, o?: CallOptions) =>
  api.request<Ok>('/api/auth/logout', { method: 'POST', body: { refreshToken }, auth: false, ...o })

// ---------- me ----------
export const getMe = (o?: CallOptions) => api.request<Me>('/api/me', o)

export const updatePreferences = (body: UpdatePreferencesRequest, o?: CallOptions) =>
  api.request<Preferences>('/api/me/preferences', { method: 'PATCH', body, ...o })

export const requestVerification = (body: VerificationRequest, o?: CallOptions) =>
  api.request<VerificationView>('/api/me/verifications', { method: 'POST', body, ...o })

// ---------- organisations ----------
export const listVillages = (o?: CallOptions) => api.request<OrgView[]>('/api/orgs/villages', o)

export const getVillageHome = (villageId: number, o?: CallOptions) =>
  api.request<HomeSummary>(`/api/villages/${villageId}/home`, o)

// ---------- verifications (committee) ----------
export const listVerifications = (
  villageId: number,
  q: PageParams & { state?: VerificationState },
  o?: CallOptions,
) =>
  api.request<Page<VerificationView>>(`/api/villages/${villageId}/verifications`, { query: { ...q }, ...o })

export const confirmVerification = (villageId: number, id: number, o?: CallOptions) =>
  api.request<VerificationView>(`/api/villages/${villageId}/verifications/${id}/confirm`, {
    method: 'POST',
    ...o,
  })

export const rejectVerification = (villageId: number, id: number, body: RejectRequest, o?: CallOptions) =>
  api.request<VerificationView>(`/api/villages/${villageId}/verifications/${id}/reject`, {
    method: 'POST',
    body,
    ...o,
  })

// ---------- roster ----------
export const listResidents = (villageId: number, q: PageParams & { q?: string }, o?: CallOptions) =>
  api.request<Page<ResidentView>>(`/api/villages/${villageId}/residents`, { query: { ...q }, ...o })

export const listHouseholds = (villageId: number, q: PageParams, o?: CallOptions) =>
  api.request<Page<HouseholdView>>(`/api/villages/${villageId}/households`, { query: { ...q }, ...o })

export const importRoster = (villageId: number, file: { path: string; name?: string }, o?: CallOptions) =>
  api.request<RosterImportResult>(`/api/villages/${villageId}/roster/import`, {
    method: 'POST',
    upload: { field: 'file', filePath: file.path, ...(file.name ? { fileName: file.name } : {}) },
    ...o,
  })

// ---------- roles ----------
export const listRoleHolders = (villageId: number, o?: CallOptions) =>
  api.request<RoleHolderView[]>(`/api/villages/${villageId}/roles`, o)

export const assignRole = (villageId: number, body: AssignRoleRequest, o?: CallOptions) =>
  api.request<RoleHolderView>(`/api/villages/${villageId}/roles`, { method: 'POST', body, ...o })

export const removeRole = (villageId: number, roleId: number, o?: CallOptions) =>
  api.request<Ok>(`/api/villages/${villageId}/roles/${roleId}`, { method: 'DELETE', ...o })

// ---------- audit ----------
export const listAudit = (villageId: number, q: PageParams, o?: CallOptions) =>
  api.request<Page<AuditEntryView>>(`/api/villages/${villageId}/audit`, { query: { ...q }, ...o })

// ---------- inbox ----------
export const listInbox = (q: PageParams, o?: CallOptions) =>
  api.request<Page<NotificationView>>('/api/inbox', { query: { ...q }, ...o })

export const getUnreadCount = (o?: CallOptions) => api.request<UnreadCount>('/api/inbox/unread-count', o)

export const markRead = (id: number, o?: CallOptions) =>
  api.request<unknown>(`/api/inbox/${id}/read`, { method: 'POST', ...o })

export const markAllRead = (o?: CallOptions) =>
  api.request<unknown>('/api/inbox/read-all', { method: 'POST', ...o })

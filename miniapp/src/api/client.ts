/**
 * One function per endpoint. Request bodies are the shared zod types, responses the shared
 * response types, so a change in `@xiangli/shared` breaks the build here instead of at runtime.
 */
import type {
  DemoPeopleResponse,
  NotificationView,
  Page,
  RejectRequest,
  TokenPair,
  UnreadCount,
  VerificationRequest,
  VerificationState,
  VerificationView,
} from '@xiangli/shared'
import type { CallOptions } from './call'
import { api } from './request'

export type { CallOptions }

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
export const requestVerification = (body: VerificationRequest, o?: CallOptions) =>
  api.request<VerificationView>('/api/me/verifications', { method: 'POST', body, ...o })

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

// ---------- inbox ----------
export const listInbox = (q: PageParams, o?: CallOptions) =>
  api.request<Page<NotificationView>>('/api/inbox', { query: { ...q }, ...o })

export const getUnreadCount = (o?: CallOptions) => api.request<UnreadCount>('/api/inbox/unread-count', o)

export const markRead = (id: number, o?: CallOptions) =>
  api.request<unknown>(`/api/inbox/${id}/read`, { method: 'POST', ...o })

export const markAllRead = (o?: CallOptions) =>
  api.request<unknown>('/api/inbox/read-all', { method: 'POST', ...o })

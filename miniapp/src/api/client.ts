/**
 * One function per endpoint. Request bodies are the shared zod types, responses the shared
 * response types, so a change in `@xiangli/shared` breaks the build here instead of at runtime.
 */
import type {
  CatalogueSearchHit,
  CatalogueView,
  CertificateRequestCreateRequest,
  CertificateRequestState,
  CertificateRequestView,
  CertificateResubmitRequest,
  CertificateStats,
  PublicCertificateCheck,
  SealUseEntry,
  DemoPeopleResponse,
  NotificationView,
  Page,
  RejectRequest,
  StoredFileView,
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

// ---------- photos and documents ----------
/**
 * One photo for an item being written. Each photo has its own key, so sending it again after a lost
 * connection gives back the same upload instead of a second copy.
 */
export const uploadPhoto = (
  villageId: number,
  filePath: string,
  o: CallOptions & { onProgress?: (percent: number) => void } = {},
) =>
  api.request<StoredFileView>(`/api/villages/${villageId}/uploads`, {
    method: 'POST',
    upload: { field: 'file', filePath, ...(o.onProgress ? { onProgress: o.onProgress } : {}) },
    ...(o.idempotencyKey ? { idempotencyKey: o.idempotencyKey } : {}),
    ...(o.toast !== undefined ? { toast: o.toast } : {}),
  })

/**
 * A PDF, spreadsheet or photo for a notice, typed by its bytes on the server. Each file has its own key,
 * so a retry does not store it twice.
 */
export const uploadAttachment = (
  villageId: number,
  file: { path: string; name: string },
  o: CallOptions = {},
) =>
  api.request<StoredFileView>(`/api/villages/${villageId}/attachments`, {
    method: 'POST',
    upload: { field: 'file', filePath: file.path, fileName: file.name },
    ...o,
  })

// ---------- 证明 (certificates) ----------
const certificates = (villageId: number) => `/api/villages/${villageId}/certificates`

export const getCertificateCatalogue = (villageId: number, o?: CallOptions) =>
  api.request<CatalogueView>(`${certificates(villageId)}/catalogue`, o)

export const searchCertificateCatalogue = (villageId: number, q: string, o?: CallOptions) =>
  api.request<CatalogueSearchHit[]>(`${certificates(villageId)}/catalogue/search`, { query: { q }, ...o })

export const requestCertificate = (
  villageId: number,
  body: CertificateRequestCreateRequest,
  o?: CallOptions,
) =>
  api.request<CertificateRequestView>(`${certificates(villageId)}/requests`, { method: 'POST', body, ...o })

export const listMyCertificateRequests = (villageId: number, q: PageParams, o?: CallOptions) =>
  api.request<Page<CertificateRequestView>>(`${certificates(villageId)}/requests/mine`, {
    query: { ...q },
    ...o,
  })

export const getCertificateRequest = (villageId: number, id: number, o?: CallOptions) =>
  api.request<CertificateRequestView>(`${certificates(villageId)}/requests/${id}`, o)

const certificateAction =
  <B>(action: string) =>
  (villageId: number, id: number, body: B, o?: CallOptions) =>
    api.request<CertificateRequestView>(`${certificates(villageId)}/requests/${id}/${action}`, {
      method: 'POST',
      body,
      ...o,
    })

export const resubmitCertificateRequest = certificateAction<CertificateResubmitRequest>('resubmit')
export const withdrawCertificateRequest = certificateAction<Record<string, never>>('withdraw')
export const approveCertificateRequest = certificateAction<Record<string, never>>('approve')
export const refuseCertificateRequest = certificateAction<{ reason: string }>('refuse')
export const askForMoreCertificateInfo = certificateAction<{ message: string }>('request-info')
export const revokeCertificate = certificateAction<{ reason: string }>('revoke')

export const listCertificateQueue = (
  villageId: number,
  q: PageParams & { status?: CertificateRequestState; overdue?: boolean },
  o?: CallOptions,
) =>
  api.request<Page<CertificateRequestView>>(`${certificates(villageId)}/requests`, {
    query: { ...q, ...(q.overdue !== undefined ? { overdue: String(q.overdue) } : {}) },
    ...o,
  })

export const listSealRegister = (villageId: number, q: { from: string; to: string }, o?: CallOptions) =>
  api.request<SealUseEntry[]>(`${certificates(villageId)}/seal-register`, { query: { ...q }, ...o })

/** The path (under the API base) of the register export, for a download with the login token. */
export const sealRegisterXlsxPath = (villageId: number, q: { from: string; to: string }) =>
  `${certificates(villageId)}/seal-register.xlsx?from=${q.from}&to=${q.to}`

/** 证明统计: how many certificates a township's villages issued in a year. */
export const getTownshipCertificateStats = (townshipId: number, year: number, o?: CallOptions) =>
  api.request<CertificateStats>(`/api/townships/${townshipId}/certificates/stats`, {
    query: { year },
    ...o,
  })

/** 查验: anyone, without logging in. */
export const checkCertificate = (q: { n: string; c: string }, o?: CallOptions) =>
  api.request<PublicCertificateCheck>('/api/certificates/verify', { query: { ...q }, auth: false, ...o })

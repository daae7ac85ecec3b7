import type {
  GrievanceSummary,
  GrievanceView,
  Me,
  Membership,
  NotificationView,
  OrgView,
  VerificationView,
} from '@xiangli/shared'

export const membership = (overrides: Partial<Membership> = {}): Membership => ({
  orgId: 11,
  orgName: '幸福村',
  orgKind: 'village',
  parentName: '青山镇',
  roles: ['resident'],
  ...overrides,
})

export const verification = (overrides: Partial<VerificationView> = {}): VerificationView => ({
  id: 1,
  villageId: 11,
  villageName: '幸福村',
  name: '张三',
  idNumberMasked: '1101**********0011',
  phoneMasked: '138****1234',
  state: 'pending',
  reason: null,
  createdAt: '2025-03-01T08:00:00.000Z',
  decidedAt: null,
  ...overrides,
})

export const me = (overrides: Partial<Me> = {}): Me => ({
  accountId: 1,
  displayName: '张三',
  verified: true,
  verifications: [],
  memberships: [membership()],
  preferences: { elderMode: false, activeOrgId: null },
  ...overrides,
})

export const village = (overrides: Partial<OrgView> = {}): OrgView => ({
  id: 11,
  kind: 'village',
  name: '幸福村',
  code: '330100000001',
  parentId: 2,
  parentName: '青山镇',
  ...overrides,
})

export const notification = (overrides: Partial<NotificationView> = {}): NotificationView => ({
  id: 1,
  orgId: 11,
  kind: 'verification',
  title: '认证通过',
  body: '您的实名认证已通过',
  link: null,
  read: false,
  createdAt: '2025-03-01T08:00:00.000Z',
  ...overrides,
})

export const grievanceSummary = (overrides: Partial<GrievanceSummary> = {}): GrievanceSummary => ({
  id: 1,
  villageId: 11,
  villageName: '幸福村',
  category: '环境卫生',
  title: '村口垃圾没人清',
  excerpt: '村口的垃圾堆了三天了',
  state: 'submitted',
  visibility: 'public',
  raiserName: '王秀英',
  assigneeName: null,
  createdAt: '2025-03-01T08:00:00.000Z',
  dueAt: '2025-03-03T08:00:00.000Z',
  overdue: false,
  supportCount: 0,
  supportedByMe: false,
  mine: true,
  photoUrls: [],
  rating: null,
  moderation: { state: 'shown', note: null },
  collectedBy: null,
  ...overrides,
})

export const grievanceView = (overrides: Partial<GrievanceView> = {}): GrievanceView => ({
  ...grievanceSummary(),
  text: '村口的垃圾堆了三天了，味道很大。',
  location: null,
  assigneeResidentId: null,
  acceptedAt: null,
  answeredAt: null,
  closedAt: null,
  escalatedAt: null,
  ratingComment: null,
  reopenCount: 0,
  reopenableUntil: null,
  timeline: [],
  proxy: null,
  ...overrides,
})

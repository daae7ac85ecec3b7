/** Every page of the app, in one place, so links cannot drift from app.config.ts. */
export const ROUTES = {
  home: '/pages/home/index',
  services: '/pages/services/index',
  public: '/pages/public/index',
  mine: '/pages/mine/index',
  login: '/subpackages/me/pages/login/index',
  verify: '/subpackages/me/pages/verify/index',
  switch: '/subpackages/me/pages/switch/index',
  inbox: '/subpackages/me/pages/inbox/index',
  committeeVerifications: '/subpackages/committee/pages/verifications/index',
  committeeRoster: '/subpackages/committee/pages/roster/index',
  committeeRoles: '/subpackages/committee/pages/roles/index',
  committeeAudit: '/subpackages/committee/pages/audit/index',
  // 代办: choose the resident, then the ordinary form opens filled for them
  committeeProxy: '/subpackages/committee/pages/proxy/index',
  // 村民说事. The detail pages are where notifications point (GRIEVANCE_PAGES in @xiangli/shared).
  grievanceRaise: '/subpackages/grievance/pages/raise/index',
  grievanceMine: '/subpackages/grievance/pages/mine/index',
  grievanceWall: '/subpackages/grievance/pages/wall/index',
  grievanceDetail: '/subpackages/grievance/pages/detail/index',
  committeeGrievances: '/subpackages/committee/pages/grievances/index',
  committeeGrievance: '/subpackages/committee/pages/grievance/index',
  // 内容审核: what WeChat's content check held back, for the 两委 to show or keep hidden
  committeeContentReview: '/subpackages/committee/pages/content-review/index',
  // 网格: the committee divides the village; a 网格员 sees their grid, collects 民情; the first line answers
  committeeGrids: '/subpackages/committee/pages/grids/index',
  gridMine: '/subpackages/grid/pages/mine/index',
  gridCollect: '/subpackages/grid/pages/collect/index',
  gridAssigned: '/subpackages/grid/pages/assigned/index',
  gridGroup: '/subpackages/grid/pages/group/index',
  gridGroupIssues: '/subpackages/grid/pages/group-issues/index',
  // 开证明. The check page is in the main package: anyone opens it from the QR code without logging in.
  certificateCheck: '/pages/certificate-check/index',
  certificateCatalogue: '/subpackages/certificate/pages/catalogue/index',
  certificateApply: '/subpackages/certificate/pages/apply/index',
  certificateMine: '/subpackages/certificate/pages/mine/index',
  certificateDetail: '/subpackages/certificate/pages/detail/index',
  committeeCertificates: '/subpackages/committee/pages/certificates/index',
  committeeCertificate: '/subpackages/committee/pages/certificate/index',
  committeeSealRegister: '/subpackages/committee/pages/seal-register/index',
  // 村里议事 (四议两公开 / 一征三议两公开)
  deliberationList: '/subpackages/deliberation/pages/list/index',
  deliberationDetail: '/subpackages/deliberation/pages/detail/index',
  deliberationMeeting: '/subpackages/deliberation/pages/meeting/index',
  deliberationOpinion: '/subpackages/deliberation/pages/opinion/index',
  deliberationOpinions: '/subpackages/deliberation/pages/opinions/index',
  // 联名提议: residents co-sign a request that a meeting be convened
  petitionList: '/subpackages/petition/pages/list/index',
  petitionDetail: '/subpackages/petition/pages/detail/index',
  petitionNew: '/subpackages/petition/pages/start/index',
  petitionPaperSheet: '/subpackages/petition/pages/paper-sheet/index',
  // 村规民约 (RULES_PAGES in @xiangli/shared)
  villageRules: '/subpackages/village-rules/pages/current/index',
  villageRulesVersion: '/subpackages/village-rules/pages/version/index',
  villageRulesManage: '/subpackages/village-rules/pages/manage/index',
  villageRulesCompose: '/subpackages/village-rules/pages/compose/index',
  townshipVillageRules: '/subpackages/village-rules/pages/filings/index',
  committeeDeliberationNew: '/subpackages/committee/pages/deliberation-new/index',
  committeeDeliberationSchedule: '/subpackages/committee/pages/deliberation-schedule/index',
  committeeDeliberationPublish: '/subpackages/committee/pages/deliberation-publish/index',
  townshipGrievances: '/subpackages/township/pages/grievances/index',
  townshipGrievance: '/subpackages/township/pages/grievance/index',
  townshipCertificateStats: '/subpackages/township/pages/certificate-stats/index',
  townshipDashboard: '/subpackages/township/pages/dashboard/index',
  // 村务公开. The share page is in the main package: anyone opens it without logging in.
  // The detail pages are where notifications point (NOTICE_PAGES in @xiangli/shared).
  noticePublic: '/pages/notice/index',
  noticeDetail: '/subpackages/notice/pages/detail/index',
  noticeObject: '/subpackages/notice/pages/object/index',
  noticeObjections: '/subpackages/notice/pages/objections/index',
  committeeNotices: '/subpackages/committee/pages/notices/index',
  committeeNotice: '/subpackages/committee/pages/notice/index',
  committeeNoticeCompose: '/subpackages/committee/pages/notice-compose/index',
  committeeNoticeObjections: '/subpackages/committee/pages/notice-objections/index',
  committeeNoticeAcks: '/subpackages/committee/pages/notice-acks/index',
  committeeNoticeCalendar: '/subpackages/committee/pages/notice-calendar/index',
  townshipNotices: '/subpackages/township/pages/notices/index',
  // 民主评议 (Art 33): the village's reviews and one review; the township's view of its villages
  cadreReviewList: '/subpackages/cadre-review/pages/list/index',
  cadreReviewDetail: '/subpackages/cadre-review/pages/detail/index',
  townshipCadreReviews: '/subpackages/township/pages/cadre-reviews/index',
  townshipNotice: '/subpackages/township/pages/notice/index',
  // 问卷 / 意见征集 (non-binding): residents answer once; the committee asks and closes
  pollList: '/subpackages/poll/pages/list/index',
  pollDetail: '/subpackages/poll/pages/detail/index',
  committeePolls: '/subpackages/committee/pages/polls/index',
  committeePollNew: '/subpackages/committee/pages/poll-new/index',
  // 活动 / 志愿服务: residents sign up, check in by the organiser's QR code and see their hours; the
  // 两委 publish, run the sign-up list, show the code and record hours
  activityList: '/subpackages/activity/pages/list/index',
  activityDetail: '/subpackages/activity/pages/detail/index',
  activityCheckIn: '/subpackages/activity/pages/check-in/index',
  activityMyHours: '/subpackages/activity/pages/my-hours/index',
  committeeActivities: '/subpackages/activity/pages/bench/index',
  committeeActivityNew: '/subpackages/activity/pages/compose/index',
  committeeActivity: '/subpackages/activity/pages/manage/index',
  committeeActivityQr: '/subpackages/activity/pages/qr/index',
  committeeVolunteerHours: '/subpackages/activity/pages/village-hours/index',
  // 积分制: a household's points and what earned them, the rules, the shop, the ranking; the 两委's
  // rules, desk (awards, redemptions) and shop shelf
  pointsHome: '/subpackages/points/pages/home/index',
  pointsRules: '/subpackages/points/pages/rules/index',
  pointsShop: '/subpackages/points/pages/shop/index',
  pointsRanking: '/subpackages/points/pages/ranking/index',
  pointsManage: '/subpackages/points/pages/manage/index',
  pointsDesk: '/subpackages/points/pages/desk/index',
  // 便民服务 (一门式): the county's services, residents' requests, the desk's hand-offs, the township's counts
  serviceCatalogue: '/subpackages/service/pages/catalogue/index',
  serviceItem: '/subpackages/service/pages/item/index',
  serviceApply: '/subpackages/service/pages/apply/index',
  serviceMine: '/subpackages/service/pages/mine/index',
  serviceDetail: '/subpackages/service/pages/detail/index',
  serviceQueue: '/subpackages/service/pages/queue/index',
  townshipServiceStats: '/subpackages/service/pages/stats/index',
  townshipServiceCatalogue: '/subpackages/service/pages/catalogue-edit/index',
  // 用户隐私保护指引 (in the main package: WeChat's privacy popup opens it from any page, before login)
  // and its consent at login; 我的数据 (see, export, ask to delete)
  privacy: '/subpackages/me/pages/privacy/index',
  // 流动人口 / 非户籍居民: apply to be on the roster; the 两委's queue and one person's residence
  newcomerApply: '/subpackages/me/pages/newcomer/index',
  committeeNewcomers: '/subpackages/committee/pages/newcomers/index',
  committeeResidence: '/subpackages/committee/pages/residence/index',
  myData: '/subpackages/me/pages/my-data/index',
} as const

export type Route = (typeof ROUTES)[keyof typeof ROUTES]

/** The tab bar, in order; the index is what setTabBarBadge takes. */
export const TAB_ROUTES: readonly string[] = [ROUTES.home, ROUTES.services, ROUTES.public, ROUTES.mine]
export const PUBLIC_TAB_INDEX = 2
export const MINE_TAB_INDEX = 3

export function withQuery(path: string, query: Record<string, string | number>): string {
  const parts = Object.entries(query).map(
    ([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`,
  )
  return parts.length ? `${path}?${parts.join('&')}` : path
}

/** Whether a link (as a notification carries it) points at a tab page, which needs switchTab. */
export function isTabRoute(link: string): boolean {
  const path = normalizeLink(link).split('?')[0]
  return TAB_ROUTES.includes(path ?? '')
}

/** Notification links may come without the leading slash. */
export function normalizeLink(link: string): string {
  const trimmed = link.trim()
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`
}

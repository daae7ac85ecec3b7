import { activityRoutes } from './activities'
import { auditRoutes } from './audit'
import { cadreReviewRoutes } from './cadre-reviews'
import { certificateRoutes } from './certificates'
import { contentCheckRoutes } from './content-check'
import { convenienceServiceRoutes } from './convenience-services'
import { deliberationRoutes } from './deliberations'
import { fileRoutes } from './files'
import { authRoutes } from './auth'
import { grievanceRoutes } from './grievances'
import { gridRoutes } from './grids'
import { healthRoutes } from './health'
import { homeRoutes } from './home'
import { inboxRoutes } from './inbox'
import { subscriptionsRoutes } from './subscriptions'
import { meRoutes } from './me'
import { meetingNoticeRoutes } from './meeting-notices'
import { newcomerRoutes } from './newcomers'
import { noticeRoutes } from './notices'
import { orgRoutes } from './orgs'
import { petitionRoutes } from './petitions'
import { pointsRoutes } from './points'
import { pollRoutes } from './polls'
import { proxyRoutes } from './proxy'
import { privacyRoutes } from './privacy'
import { pageRoutes } from './pages'
import { roleRoutes } from './roles'
import { rosterRoutes } from './roster'
import { testClockRoutes } from './test-clock'
import { verificationRoutes } from './verification'
import { villageRulesRoutes } from './village-rules'
import type { Route } from './route'

export * from './route'
export * from './activities'
export * from './audit'
export * from './cadre-reviews'
export * from './certificates'
export * from './certificate-check'
export * from './content-check'
export * from './convenience-services'
export * from './deliberations'
export * from './files'
export * from './auth'
export * from './grievances'
export * from './grids'
export * from './health'
export * from './home'
export * from './inbox'
export * from './me'
export * from './meeting-notices'
export * from './newcomers'
export * from './notices'
export * from './orgs'
export * from './petitions'
export * from './points'
export * from './polls'
export * from './proxy'
export * from './privacy'
export * from './pages'
export * from './roles'
export * from './roster'
export * from './subscriptions'
export * from './test-clock'
export * from './verification'
export * from './village-rules'

/**
 * Every route of the API and the public pages, by feature: the server binds to these, the miniapp
 * calls them. A feature's routes are declared in the file of its name (meetingNotices →
 * meeting-notices.ts).
 */
export const CONTRACT = {
  activities: activityRoutes,
  audit: auditRoutes,
  cadreReviews: cadreReviewRoutes,
  certificates: certificateRoutes,
  contentCheck: contentCheckRoutes,
  convenienceServices: convenienceServiceRoutes,
  deliberations: deliberationRoutes,
  files: fileRoutes,
  auth: authRoutes,
  grievances: grievanceRoutes,
  grids: gridRoutes,
  health: healthRoutes,
  home: homeRoutes,
  inbox: inboxRoutes,
  me: meRoutes,
  meetingNotices: meetingNoticeRoutes,
  newcomers: newcomerRoutes,
  notices: noticeRoutes,
  orgs: orgRoutes,
  petitions: petitionRoutes,
  points: pointsRoutes,
  polls: pollRoutes,
  proxy: proxyRoutes,
  privacy: privacyRoutes,
  pages: pageRoutes,
  roles: roleRoutes,
  roster: rosterRoutes,
  subscriptions: subscriptionsRoutes,
  testClock: testClockRoutes,
  verification: verificationRoutes,
  villageRules: villageRulesRoutes,
} as const satisfies Record<string, Record<string, Route>>

/** Every route, each with the feature and name it is declared under. */
export const contractRoutes = (): { feature: string; name: string; route: Route }[] =>
  Object.entries(CONTRACT).flatMap(([feature, routes]) =>
    Object.entries(routes).map(([name, route]) => ({ feature, name, route: route as Route })),
  )

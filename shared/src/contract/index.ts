import { auditRoutes } from './audit'
import { certificateRoutes } from './certificates'
import { fileRoutes } from './files'
import { authRoutes } from './auth'
import { grievanceRoutes } from './grievances'
import { healthRoutes } from './health'
import { homeRoutes } from './home'
import { inboxRoutes } from './inbox'
import { meRoutes } from './me'
import { noticeRoutes } from './notices'
import { orgRoutes } from './orgs'
import { pageRoutes } from './pages'
import { roleRoutes } from './roles'
import { rosterRoutes } from './roster'
import { verificationRoutes } from './verification'
import type { Route } from './route'

export * from './route'
export * from './audit'
export * from './certificates'
export * from './files'
export * from './auth'
export * from './grievances'
export * from './health'
export * from './home'
export * from './inbox'
export * from './me'
export * from './notices'
export * from './orgs'
export * from './pages'
export * from './roles'
export * from './roster'
export * from './verification'

/** Every route of the API (and the public pages), by feature: the server binds to these, the miniapp calls them. */
export const CONTRACT = {
  audit: auditRoutes,
  certificates: certificateRoutes,
  files: fileRoutes,
  auth: authRoutes,
  grievances: grievanceRoutes,
  health: healthRoutes,
  home: homeRoutes,
  inbox: inboxRoutes,
  me: meRoutes,
  notices: noticeRoutes,
  orgs: orgRoutes,
  pages: pageRoutes,
  roles: roleRoutes,
  roster: rosterRoutes,
  verification: verificationRoutes,
} as const satisfies Record<string, Record<string, Route>>

/** Every route, each with the feature and name it is declared under. */
export const contractRoutes = (): { feature: string; name: string; route: Route }[] =>
  Object.entries(CONTRACT).flatMap(([feature, routes]) =>
    Object.entries(routes).map(([name, route]) => ({ feature, name, route: route as Route })),
  )

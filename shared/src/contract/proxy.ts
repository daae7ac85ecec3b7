/**
 * 代办: the roster picker of the person acting for a resident. Filing itself goes through each
 * feature's own create route with `onBehalf` (grievances.raise, certificates.apply, notices.object),
 * so one form serves both.
 */
import type { ProxyCandidate } from '../proxy'
import { proxyResidentQuerySchema } from '../proxy-schemas'
import { ANY_VILLAGE_ROLE } from '../roles'
import { access, route } from './route'

export const proxyRoutes = {
  candidates: route<ProxyCandidate[]>()({
    method: 'GET',
    path: '/api/villages/:villageId/proxy/residents',
    // who may act is the capability of a role or the family rule, checked by the server
    access: access.village(ANY_VILLAGE_ROLE),
    query: proxyResidentQuerySchema,
    summary:
      '代办：可以代办的人（有代办职责的工作人员按姓名或手机尾号查本村花名册；村里允许时家属只看到同户的人），最多 20 个',
  }),
} as const

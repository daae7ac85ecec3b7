/** Who holds which post in a village: public within it; the 两委 and the township change it. */
import { assignRoleSchema, type Ok, type RoleHolderView } from '../api'
import { ANY_VILLAGE_ROLE, type Role } from '../roles'
import { access, route } from './route'

const V = '/api/villages/:villageId/roles'
const managers: readonly Role[] = ['party_secretary', 'committee_member']

export const roleRoutes = {
  list: route<RoleHolderView[]>()({
    method: 'GET',
    path: V,
    access: access.village(ANY_VILLAGE_ROLE, { township: true }),
    summary: '本村各职务由谁担任',
  }),
  assign: route<RoleHolderView>()({
    method: 'POST',
    path: V,
    access: access.village(managers, { township: true }),
    body: assignRoleSchema,
    summary: '登记花名册上的一个人担任一个职务',
  }),
  remove: route<Ok>()({
    method: 'DELETE',
    path: `${V}/:id`,
    access: access.village(managers, { township: true }),
    summary: '免去一个职务',
  }),
} as const

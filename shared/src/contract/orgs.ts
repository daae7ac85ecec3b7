/** Villages and communities: the list one may ask to join, one village's profile and its settings. */
import type { OrgView, VillageView } from '../api'
import { villageSettingsSchema } from '../org'
import { ANY_VILLAGE_ROLE } from '../roles'
import { access, route } from './route'

export const orgRoutes = {
  villages: route<OrgView[]>()({
    method: 'GET',
    path: '/api/orgs/villages',
    access: access.account(),
    summary: '可以申请加入的村和社区',
  }),
  village: route<VillageView>()({
    method: 'GET',
    path: '/api/villages/:villageId',
    access: access.village(ANY_VILLAGE_ROLE, { township: true }),
    summary: '本村（社区）概况：设置、户数、人数、村民小组',
  }),
  updateSettings: route<VillageView>()({
    method: 'PUT',
    path: '/api/villages/:villageId/settings',
    access: access.village(['party_secretary', 'committee_member'], { township: true }),
    body: villageSettingsSchema,
    summary: '修改本村（社区）设置：议事程序、公示期、办理时限等',
  }),
} as const

import { CORE_ENTITIES } from './core/database/entities'
import { WECHAT_ENTITIES } from './infra/wechat/entities'
import { ACTIVITIES_ENTITIES } from './modules/activities/entities'
import { AUDIT_ENTITIES } from './modules/audit/entities'
import { AUTH_ENTITIES } from './modules/auth/entities'
import { CADRE_REVIEWS_ENTITIES } from './modules/cadre-reviews/entities'
import { CERTIFICATES_ENTITIES } from './modules/certificates/entities'
import { CONVENIENCE_SERVICES_ENTITIES } from './modules/convenience-services/entities'
import { CONTENT_CHECK_ENTITIES } from './modules/content-check/entities'
import { DELIBERATIONS_ENTITIES } from './modules/deliberations/entities'
import { GRIEVANCES_ENTITIES } from './modules/grievances/entities'
import { GRIDS_ENTITIES } from './modules/grids/entities'
import { POLLS_ENTITIES } from './modules/polls/entities'
import { POINTS_ENTITIES } from './modules/points/entities'
import { INBOX_ENTITIES } from './modules/inbox/entities'
import { NEWCOMERS_ENTITIES } from './modules/newcomers/entities'
import { NOTICES_ENTITIES } from './modules/notices/entities'
import { ORGS_ENTITIES } from './modules/orgs/entities'
import { PRIVACY_ENTITIES } from './modules/privacy/entities'
import { ROLES_ENTITIES } from './modules/roles/entities'
import { ROSTER_ENTITIES } from './modules/roster/entities'
import { VERIFICATION_ENTITIES } from './modules/verification/entities'
import { VILLAGE_RULES_ENTITIES } from './modules/village-rules/entities'

/**
 * Every entity, gathered from core and from each module's own list: the data source, the migration
 * generator, audit:verify and the drift test use this. A module's new table joins its module's list.
 */
export const ENTITIES = [
  ...CORE_ENTITIES,
  ...WECHAT_ENTITIES,
  ...ORGS_ENTITIES,
  ...AUTH_ENTITIES,
  ...ROSTER_ENTITIES,
  ...VERIFICATION_ENTITIES,
  ...NEWCOMERS_ENTITIES,
  ...ROLES_ENTITIES,
  ...INBOX_ENTITIES,
  ...GRIDS_ENTITIES,
  ...POLLS_ENTITIES,
  ...ACTIVITIES_ENTITIES,
  ...GRIEVANCES_ENTITIES,
  ...CERTIFICATES_ENTITIES,
  ...NOTICES_ENTITIES,
  ...DELIBERATIONS_ENTITIES,
  ...CADRE_REVIEWS_ENTITIES,
  ...AUDIT_ENTITIES,
  ...CONTENT_CHECK_ENTITIES,
  ...PRIVACY_ENTITIES,
  ...VILLAGE_RULES_ENTITIES,
  ...POINTS_ENTITIES,
  ...CONVENIENCE_SERVICES_ENTITIES,
]

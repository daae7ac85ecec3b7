/** The person logged in: who they are, where they belong, how they like the app. */
import { updatePreferencesSchema, type Me, type Preferences } from '../api'
import { access, route } from './route'

export const meRoutes = {
  me: route<Me>()({
    method: 'GET',
    path: '/api/me',
    access: access.account(),
    summary: '我：姓名、认证、所在的村和身份、偏好',
  }),
  updatePreferences: route<Preferences>()({
    method: 'PATCH',
    path: '/api/me/preferences',
    access: access.account(),
    body: updatePreferencesSchema,
    summary: '修改偏好：长辈模式、当前的村（社区）',
  }),
} as const

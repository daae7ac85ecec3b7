/** One's own messages: what the workflows told one, and what one has read. */
import { pageQuerySchema, type NotificationView, type Page, type UnreadCount } from '../api'
import { access, route } from './route'

const I = '/api/inbox'

export const inboxRoutes = {
  list: route<Page<NotificationView>>()({
    method: 'GET',
    path: I,
    access: access.account(),
    query: pageQuerySchema,
    summary: '我的消息，新的在前',
  }),
  unreadCount: route<UnreadCount>()({
    method: 'GET',
    path: `${I}/unread-count`,
    access: access.account(),
    summary: '未读消息数',
  }),
  readAll: route<UnreadCount>()({
    method: 'POST',
    path: `${I}/read-all`,
    access: access.account(),
    status: 200,
    summary: '全部标为已读',
  }),
  read: route<NotificationView>()({
    method: 'POST',
    path: `${I}/:id/read`,
    access: access.account(),
    status: 200,
    summary: '标为已读',
  }),
} as const

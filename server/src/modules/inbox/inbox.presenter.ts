import type { NotificationView } from '@xiangli/shared'
import type { Notification } from './entities/notification.entity'

export const presentNotification = (n: Notification): NotificationView => ({
  id: n.id,
  orgId: n.orgId,
  kind: n.kind,
  title: n.title,
  body: n.body,
  link: n.link,
  read: n.readAt !== null,
  createdAt: n.createdAt.toISOString(),
})

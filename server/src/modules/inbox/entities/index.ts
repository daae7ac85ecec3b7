import { Notification } from './notification.entity'
import { SubscribeCredit } from './subscribe-credit.entity'

/** The tables of the inbox; the data source gathers every module's list (src/entities.ts). */
export const INBOX_ENTITIES = [Notification, SubscribeCredit]

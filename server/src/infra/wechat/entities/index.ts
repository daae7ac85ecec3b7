import { OutboxMessage } from './outbox-message.entity'

/** The WeChat outbox; the data source gathers it with the modules' tables (src/entities.ts). */
export const WECHAT_ENTITIES = [OutboxMessage]

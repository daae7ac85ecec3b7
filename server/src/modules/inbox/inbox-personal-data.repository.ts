import { Injectable } from '@nestjs/common'
import { DataSource, type EntityManager } from 'typeorm'
import type { ErasureOutcome } from '@xiangli/shared'
import { OutboxMessage } from '../../infra/wechat/entities/outbox-message.entity'
import type { DataSubject, PersonalDataSection } from '../../core/privacy/personal-data'
import { Notification } from './entities/notification.entity'
import { SubscribeCredit } from './entities/subscribe-credit.entity'

/** The person's inbox and the WeChat messages they agreed to receive. */
@Injectable()
export class InboxPersonalData implements PersonalDataSection {
  readonly section = 'inbox'
  constructor(private readonly ds: DataSource) {}

  async exportOf({ accountId }: DataSubject, m: EntityManager = this.ds.manager) {
    const rows = await m.getRepository(Notification).find({ where: { accountId }, order: { id: 'ASC' } })
    const credits = await m.getRepository(SubscribeCredit).countBy({ accountId })
    return {
      messages: rows.map((n) => ({
        title: n.title,
        body: n.body,
        at: n.createdAt.toISOString(),
        readAt: n.readAt?.toISOString() ?? null,
      })),
      subscribeMessagesAccepted: credits,
    }
  }

  async erase(m: EntityManager, { accountId }: DataSubject): Promise<ErasureOutcome> {
    const messages = await m.getRepository(Notification).delete({ accountId })
    const credits = await m.getRepository(SubscribeCredit).delete({ accountId })
    // WeChat messages to the person: those waiting are never sent, those sent leave no copy here
    const wechat = await m.getRepository(OutboxMessage).delete({ accountId })
    return {
      section: this.section,
      erased: (messages.affected ?? 0) + (credits.affected ?? 0) + (wechat.affected ?? 0),
      kept: 0,
      note: '站内消息、微信订阅消息的授权和发给您的微信消息记录已删除',
    }
  }
}

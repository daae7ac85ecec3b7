import { Injectable } from '@nestjs/common'
import { DataSource, In, IsNull } from 'typeorm'
import { isUniqueViolation } from '../../core/database/dialect'
import { insertMany } from '../../core/database/insert-many'
import { SubscribeCredit } from './entities/subscribe-credit.entity'

/** Every query of the subscribe credits: one row per accepted one-time message. */
@Injectable()
export class SubscribeCreditRepository {
  constructor(private readonly ds: DataSource) {}

  async add(accountId: number, templateIds: string[]): Promise<void> {
    await insertMany(
      this.ds.manager,
      SubscribeCredit,
      templateIds.map((templateId) => ({ accountId, templateId, usedAt: null, usedFor: null })),
    )
  }

  /** Unspent credits of one account per template. */
  async open(accountId: number, templateIds: string[]): Promise<Record<string, number>> {
    if (templateIds.length === 0) return {}
    const rows = (await this.ds
      .getRepository(SubscribeCredit)
      .createQueryBuilder('c')
      .select('c.templateId', 'templateId')
      .addSelect('COUNT(*)', 'n')
      .where({ accountId, templateId: In(templateIds), usedAt: IsNull() })
      .groupBy('c.templateId')
      .getRawMany()) as { templateId: string; n: number | string }[]
    return Object.fromEntries(rows.map((r) => [r.templateId, Number(r.n)]))
  }

  /**
   * Spends the oldest open credit of the account and template on the message, or finds the one
   * already spent on it (a retried send). The conditional update decides a race between two
   * instances: only one of them changes the row; the other tries the next credit. The unique
   * usedFor keeps one message from spending two.
   */
  async take(accountId: number, templateId: string, messageId: number, now: Date): Promise<boolean> {
    const repo = this.ds.getRepository(SubscribeCredit)
    if (await repo.existsBy({ usedFor: messageId })) return true
    for (;;) {
      const candidate = await repo.findOne({
        where: { accountId, templateId, usedAt: IsNull() },
        order: { id: 'ASC' },
      })
      if (!candidate) return false
      try {
        const r = await repo
          .createQueryBuilder()
          .update(SubscribeCredit)
          .set({ usedAt: now, usedFor: messageId })
          .where('id = :id AND usedAt IS NULL', { id: candidate.id })
          .execute()
        if (r.affected) return true
      } catch (e) {
        if (isUniqueViolation(e)) return true
        throw e
      }
    }
  }
}

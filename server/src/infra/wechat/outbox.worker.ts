import { Inject, Injectable, Logger } from '@nestjs/common'
import { DataSource, IsNull, LessThan, LessThanOrEqual } from 'typeorm'
import { APP_CONFIG, type AppConfig } from '../../core/config/config'
import { JobRunner } from '../../core/jobs/job-runner'
import { TxService } from '../../core/tx/tx.service'
import { OutboxMessage } from './entities/outbox-message.entity'
import { WechatClient, WechatError } from './wechat.client'

export const OUTBOX_MAX_ATTEMPTS = 6
/** 30 s, 2 min, 8 min, 32 min, ~2 h */
export const backoffMs = (attempts: number): number => 30_000 * 4 ** (attempts - 1)
/** errcodes that no retry will fix: the user refused the subscription, the template is wrong */
const PERMANENT = new Set([43101, 40003, 40037, 47003])

/**
 * Sends queued subscribe messages with retries, every OUTBOX_INTERVAL_MS (tests call runOnce
 * themselves). Claims rows first, so two instances never both send.
 */
@Injectable()
export class OutboxWorker {
  private readonly log = new Logger('Outbox')
  private running = false

  constructor(
    private readonly ds: DataSource,
    private readonly tx: TxService,
    private readonly sender: WechatClient,
    @Inject(APP_CONFIG) config: AppConfig,
    jobs: JobRunner,
  ) {
    jobs.every('outbox', config.OUTBOX_INTERVAL_MS, () => this.runOnce())
  }

  /** Sends what is due; returns how many were sent. */
  async runOnce(now = new Date()): Promise<number> {
    if (this.running) return 0
    this.running = true
    try {
      const due = await this.ds.getRepository(OutboxMessage).find({
        where: [
          { state: 'pending', nextAttemptAt: LessThanOrEqual(now), claimedUntil: IsNull() },
          { state: 'pending', nextAttemptAt: LessThanOrEqual(now), claimedUntil: LessThan(now) },
        ],
        order: { id: 'ASC' },
        take: 50,
      })
      let sent = 0
      for (const msg of due) {
        const claimed = await this.tx.run((m) =>
          m
            .createQueryBuilder()
            .update(OutboxMessage)
            .set({ claimedUntil: new Date(now.getTime() + 60_000) })
            .where('id = :id AND state = :s AND (claimedUntil IS NULL OR claimedUntil < :now)', {
              id: msg.id,
              s: 'pending',
              now,
            })
            .execute(),
        )
        if (!claimed.affected) continue
        if (await this.deliver(msg, now)) sent++
      }
      return sent
    } finally {
      this.running = false
    }
  }

  private async deliver(msg: OutboxMessage, now: Date): Promise<boolean> {
    const attempts = msg.attempts + 1
    try {
      await this.sender.send({
        touser: msg.openid,
        template_id: msg.templateId,
        page: msg.page ?? undefined,
        data: msg.data,
      })
      await this.tx.run((m) =>
        m
          .getRepository(OutboxMessage)
          .update(
            { id: msg.id },
            { state: 'sent', attempts, sentAt: new Date(), claimedUntil: null, lastError: null },
          ),
      )
      return true
    } catch (e) {
      const permanent = e instanceof WechatError && e.errcode !== null && PERMANENT.has(e.errcode)
      const failed = permanent || attempts >= OUTBOX_MAX_ATTEMPTS
      this.log.warn(
        `message ${msg.id} attempt ${attempts} failed${failed ? ' for good' : ''}: ${(e as Error).message}`,
      )
      await this.tx.run((m) =>
        m.getRepository(OutboxMessage).update(
          { id: msg.id },
          {
            state: failed ? 'failed' : 'pending',
            attempts,
            claimedUntil: null,
            lastError: (e as Error).message.slice(0, 300),
            nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)),
          },
        ),
      )
      return false
    }
  }
}

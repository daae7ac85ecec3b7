import { Inject, Injectable, Logger } from '@nestjs/common'
import { DataSource, IsNull, LessThan, LessThanOrEqual } from 'typeorm'
import { APP_CONFIG, type AppConfig } from '../../core/config/config'
import { JobRunner } from '../../core/jobs/job-runner'
import { TxService } from '../../core/tx/tx.service'
import { OutboxMessage, type OutboxState } from './entities/outbox-message.entity'
import { noCounts, SEND_CREDITS, type OutboxCounts, type SendCredits } from './send-credits'
import { WechatClient, WechatError } from './wechat.client'

export const OUTBOX_MAX_ATTEMPTS = 6
/** 30 s, 2 min, 8 min, 32 min, ~2 h */
export const backoffMs = (attempts: number): number => 30_000 * 4 ** (attempts - 1)
/** the person refused the message (or has no subscription left): counted apart, never retried */
const REFUSED = 43101
/** errcodes that no retry will fix: the template or the openid is wrong */
const PERMANENT = new Set([40003, 40037, 47003])

/**
 * Sends queued subscribe messages with retries, every OUTBOX_INTERVAL_MS (tests call runOnce
 * themselves). Claims rows first, so two instances never both send. A message goes to WeChat only
 * when its person accepted one of its template (a subscribe credit, spent by the send); without
 * one it is skipped: the inbox has it anyway.
 */
@Injectable()
export class OutboxWorker {
  private readonly log = new Logger('Outbox')
  private running = false
  /** what this instance did since it started (GET /metrics) */
  readonly totals: OutboxCounts = noCounts()
  /** what the last run did */
  lastRun: OutboxCounts = noCounts()

  constructor(
    private readonly ds: DataSource,
    private readonly tx: TxService,
    private readonly sender: WechatClient,
    @Inject(SEND_CREDITS) private readonly credits: SendCredits,
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
      const counts = noCounts()
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
        const outcome = await this.deliver(msg, now)
        counts[outcome]++
        this.totals[outcome]++
      }
      this.lastRun = counts
      return counts.sent
    } finally {
      this.running = false
    }
  }

  private settle(msg: OutboxMessage, state: OutboxState, attempts: number, lastError: string | null) {
    return this.tx.run((m) =>
      m
        .getRepository(OutboxMessage)
        .update(
          { id: msg.id },
          { state, attempts, claimedUntil: null, lastError: lastError?.slice(0, 300) ?? null },
        ),
    )
  }

  private async deliver(msg: OutboxMessage, now: Date): Promise<keyof OutboxCounts> {
    const attempts = msg.attempts + 1
    const credited =
      msg.accountId !== null && (await this.credits.take(msg.accountId, msg.templateId, msg.id, now))
    if (!credited) {
      await this.settle(msg, 'skipped', msg.attempts, 'no subscription accepted for this template')
      return 'skipped'
    }
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
      return 'sent'
    } catch (e) {
      const code = e instanceof WechatError ? e.errcode : null
      if (code === REFUSED) {
        this.log.log(`message ${msg.id}: the person refused it (43101)`)
        await this.settle(msg, 'refused', attempts, (e as Error).message)
        return 'refused'
      }
      const permanent = code !== null && PERMANENT.has(code)
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
      return failed ? 'failed' : 'retrying'
    }
  }
}

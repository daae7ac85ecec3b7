import { Inject, Injectable, Logger } from '@nestjs/common'
import { moderationOf, type CheckSuggest } from '@xiangli/shared'
import { AuditService, SYSTEM_ACTOR } from '../../../core/audit/audit.service'
import { Clock } from '../../../core/clock/clock'
import { APP_CONFIG, type AppConfig } from '../../../core/config/config'
import { FilesService } from '../../../core/files/files.service'
import { TxService } from '../../../core/tx/tx.service'
import { WechatClient, WechatError } from '../../../infra/wechat/wechat.client'
import { AccountsDirectory } from '../../auth/accounts-directory'
import { ContentCheckRepository } from '../content-check.repository'
import { lostPush, moderationFor, partsOf, pushWaitEnds, retryAt, sceneOf } from '../content-check.rules'
import type { ContentCheck } from '../entities/content-check.entity'
import { ModerationTargets } from '../moderation-targets'

/**
 * What became of one question to WeChat: its answer; a refusal it named (an openid it does not know,
 * a user not active in two hours), which asking again will not change; or no answer at all.
 */
type Asked<T> = { ok: true; value: T } | { ok: false; refused: string } | { ok: false; refused: null }

/**
 * Asks WeChat about what is not yet checked (the text, each photo), then moves the check, and the
 * item with it, to where its parts put it. WeChat unreachable leaves the check pending for the retry
 * job, doubling the wait; nothing is dropped. A refusal WeChat names (an openid it does not know,
 * a user not active in two hours) cannot be fixed by asking again: the 两委 look at the item.
 */
@Injectable()
export class ContentChecking {
  private readonly log = new Logger('ContentCheck')

  constructor(
    private readonly repo: ContentCheckRepository,
    private readonly targets: ModerationTargets,
    private readonly wechat: WechatClient,
    private readonly accounts: AccountsDirectory,
    private readonly files: FilesService,
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(c: ContentCheck): Promise<void> {
    if (c.status !== 'pending') return
    const [who] = await this.tx.run((m) => this.accounts.openids([c.authorAccountId], m))
    let unreachable = false
    if (c.text.trim() !== '' && c.textSuggest === null) {
      const asked = who
        ? await this.ask(() =>
            this.wechat.msgSecCheck({ openid: who.openid, content: c.text, scene: sceneOf(c.kind) }),
          )
        : // without an openid WeChat cannot be asked: a person looks at it
          { ok: true as const, value: { suggest: 'review' as CheckSuggest, label: 'no_openid' } }
      if (asked.ok)
        await this.repo.saveText(
          c.id,
          asked.value.suggest,
          asked.value.suggest === 'pass' ? null : asked.value.label,
        )
      else if (asked.refused) await this.repo.saveText(c.id, 'review', asked.refused)
      else unreachable = true
    }
    const now = this.clock.now()
    for (const p of await this.repo.media(c.id)) {
      if (p.suggest) continue
      if (p.traceId) {
        const lost = lostPush(p, now, this.config.CONTENT_CHECK_PUSH_WAIT_MS)
        if (lost === 'wait') continue
        if (lost === 'give_up') {
          this.log.warn(`no result pushed for photo ${p.fileId} after ${p.asks} questions: the 两委 decide`)
          await this.repo.saveMediaResult(p.id, 'review', 'no_push')
          continue
        }
      }
      if (!who) {
        await this.repo.saveMediaResult(p.id, 'review', 'no_openid')
        continue
      }
      const asked = await this.ask(() =>
        this.wechat.mediaCheckAsync({
          openid: who.openid,
          mediaUrl: this.publicBase() + this.files.signedUrl(p.fileId),
          scene: sceneOf(c.kind),
        }),
      )
      if (asked.ok) await this.repo.saveTrace(p.id, asked.value, now, p.asks + 1)
      else if (asked.refused) await this.repo.saveMediaResult(p.id, 'review', asked.refused)
      else unreachable = true
    }
    if (await this.evaluate(c.id)) return
    // photos waiting for their push are looked at again when their wait is over, not on every run
    const pushes = pushWaitEnds(await this.repo.media(c.id), this.config.CONTENT_CHECK_PUSH_WAIT_MS)
    if (unreachable) {
      const retry = this.nextTry(c.attempts)
      await this.repo.postpone(c.id, c.attempts + 1, pushes && pushes < retry ? pushes : retry)
    } else if (pushes) await this.repo.postpone(c.id, c.attempts, pushes)
  }

  /**
   * Moves a pending check to passed or held when its parts say so, and sets the item's moderation in
   * the same transaction; true when it moved.
   */
  async evaluate(id: number): Promise<boolean> {
    return this.tx.run(async (m) => {
      const c = await this.repo.find(id, m)
      if (!c || c.status !== 'pending') return false
      const next = moderationOf(partsOf(c, await this.repo.media(c.id, m)))
      if (next === 'pending') return false
      const status = next === 'shown' ? 'passed' : 'held'
      if (!(await this.repo.moveIf(m, c.id, ['pending'], { status }))) return false
      await this.targets.of(c.kind).apply(m, c.itemId, moderationFor(status))
      await this.audit.append(m, {
        actor: SYSTEM_ACTOR,
        action: `content_check.${status}`,
        orgId: c.villageId,
        targetType: c.kind,
        targetId: c.itemId,
        after: { checkId: c.id, status, label: c.label },
      })
      return true
    })
  }

  private async ask<T>(question: () => Promise<T>): Promise<Asked<T>> {
    try {
      return { ok: true, value: await question() }
    } catch (e) {
      if (e instanceof WechatError && e.errcode !== null && e.errcode !== -1) {
        this.log.warn(`WeChat refused a content check, the 两委 will look: ${e.message}`)
        return { ok: false, refused: `wx${e.errcode}`.slice(0, 16) }
      }
      this.log.warn(`content check not answered, tried again later: ${(e as Error).message}`)
      return { ok: false, refused: null }
    }
  }

  private nextTry(attempts: number): Date {
    return retryAt(this.clock.now(), attempts, this.config.CONTENT_CHECK_RETRY_INTERVAL_MS)
  }

  /** WeChat fetches the photo from the server's public address, by its signed link (an hour long). */
  private publicBase(): string {
    return this.config.publicBaseUrl
  }
}

import { Injectable, Logger } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import type { ContentKind, Moderation } from '@xiangli/shared'
import { Clock } from '../../core/clock/clock'
import { WechatClient } from '../../infra/wechat/wechat.client'
import { ContentCheckRepository } from './content-check.repository'
import { ModerationTarget, ModerationTargets } from './moderation-targets'
import { ContentChecking } from './use-cases/content-checking'

/** An item someone wrote for others to read, as the content check takes it. */
export interface CheckedItem {
  kind: ContentKind
  itemId: number
  /** the item a reply belongs to */
  parentId?: number | null
  villageId: number
  authorAccountId: number
  text: string
  /** stored photos attached to it */
  fileIds: number[]
}

/**
 * What other modules ask of the content check (内容安全). A module that owns a checked kind registers
 * how its items' moderation is set; when one is written it creates the item with `initial()`, hands
 * it to `submit` inside its own transaction, and after the commit calls `settle`, which asks WeChat
 * right away so the writer's answer already says where the item stands. Without a WeChat app
 * (embedded or demo mode) nothing is checked: every item is shown.
 */
@Injectable()
export class ContentCheckService {
  private readonly log = new Logger('ContentCheck')

  constructor(
    private readonly repo: ContentCheckRepository,
    private readonly targets: ModerationTargets,
    private readonly checking: ContentChecking,
    private readonly wechat: WechatClient,
    private readonly clock: Clock,
  ) {}

  register(kind: ContentKind, target: ModerationTarget): void {
    this.targets.register(kind, target)
  }

  /** The moderation a new item starts with: pending until checked, or shown when nothing checks. */
  initial(): Moderation {
    return this.wechat.configured ? 'pending' : 'shown'
  }

  /** Queues the item's check in the writer's transaction (nothing when nothing checks). */
  async submit(m: EntityManager, item: CheckedItem): Promise<void> {
    if (!this.wechat.configured) return
    await this.repo.insert(
      m,
      {
        kind: item.kind,
        itemId: item.itemId,
        parentId: item.parentId ?? null,
        villageId: item.villageId,
        authorAccountId: item.authorAccountId,
        text: item.text,
        nextAttemptAt: this.clock.now(),
      },
      item.fileIds,
    )
  }

  /**
   * Asks WeChat now, after the writer's commit. Whatever goes wrong, the writer's submission stands:
   * the check stays pending and the retry job takes it.
   */
  async settle(kind: ContentKind, itemId: number): Promise<void> {
    if (!this.wechat.configured) return
    try {
      const c = await this.repo.findItem(kind, itemId)
      if (c) await this.checking.run(c)
    } catch (e) {
      this.log.warn(`content check of ${kind} ${itemId} left to the retry job: ${(e as Error).message}`)
    }
  }

  /** The 两委's reasons for the rejected items of a kind among these ids, for the writer's note. */
  reasons(kind: ContentKind, itemIds: number[]): Promise<Map<number, string>> {
    return this.repo.reasons(kind, itemIds)
  }
}

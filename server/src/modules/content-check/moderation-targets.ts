import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import type { ContentKind, Moderation } from '@xiangli/shared'

/** How the module that owns a kind of item sets its moderation, in the content check's transaction. */
export interface ModerationTarget {
  apply(m: EntityManager, itemId: number, moderation: Moderation): Promise<void>
  /** who is told of the 两委's decision, and where their item is (a page of the app) */
  linkOf(item: { itemId: number; parentId: number | null; villageId: number }): string
}

/** The owners of the checked kinds, registered at start by their modules. */
@Injectable()
export class ModerationTargets {
  private readonly targets = new Map<ContentKind, ModerationTarget>()

  register(kind: ContentKind, target: ModerationTarget): void {
    this.targets.set(kind, target)
  }

  of(kind: ContentKind): ModerationTarget {
    const t = this.targets.get(kind)
    if (!t) throw new Error(`no module registered the content kind ${kind}`)
    return t
  }
}

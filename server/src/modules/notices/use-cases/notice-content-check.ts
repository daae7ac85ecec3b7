import { Injectable, type OnModuleInit } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import { NOTICE_CATEGORY_LABELS, noticePage, type Moderation } from '@xiangli/shared'
import { ContentCheckService } from '../../content-check/content-check.service'
import type { NoticeVersion } from '../entities/notice-version.entity'
import type { PublicNotice } from '../entities/public-notice.entity'
import { NoticeVersionsRepository } from '../notice-versions.repository'
import { NoticesRepository } from '../notices.repository'
import { NoticeSteps } from './notice-steps'

/**
 * The content check (内容安全) of what a notice publishes: each published version (the first and every
 * correction) is checked, its text and its photos. Until the check shows it, residents neither see
 * the notice nor are told of it; the 两委, the supervision committee and the township read it with the
 * note, and a held one waits in the 两委's review queue. A version's check lands on the notice only
 * while that version is still the current one: a correction made meanwhile has its own check.
 * Notices the system publishes (a deliberation's 决议公开) are not checked: their words are the
 * recorded decision.
 */
@Injectable()
export class NoticeContentCheck implements OnModuleInit {
  constructor(
    private readonly repo: NoticesRepository,
    private readonly versions: NoticeVersionsRepository,
    private readonly steps: NoticeSteps,
    private readonly checks: ContentCheckService,
  ) {}

  onModuleInit(): void {
    this.checks.register('notice', {
      apply: (m, versionId, moderation) => this.land(m, versionId, moderation),
      linkOf: (c) => noticePage('committee', c.parentId ?? 0),
    })
  }

  /** The moderation a version about to be published starts with: shown when nothing checks. */
  initial(): Moderation {
    return this.checks.initial()
  }

  /** Queues the check of the version just written, in the publisher's transaction. */
  async submit(m: EntityManager, n: PublicNotice, v: NoticeVersion, authorAccountId: number): Promise<void> {
    if (n.moderation === 'shown') return
    const files = await this.repo.storedFiles(
      (v.attachments ?? []).map((a) => a.fileId),
      m,
    )
    await this.checks.submit(m, {
      kind: 'notice',
      itemId: v.id,
      parentId: n.id,
      villageId: n.villageId,
      authorAccountId,
      text: textOf(v),
      fileIds: files.filter((f) => f.mime.startsWith('image/')).map((f) => f.id),
    })
  }

  /** Asks WeChat after the publisher's commit; the retry job takes it when WeChat does not answer. */
  settle(versionId: number): Promise<void> {
    return this.checks.settle('notice', versionId)
  }

  private async land(m: EntityManager, versionId: number, moderation: Moderation): Promise<void> {
    const v = await this.versions.findById(m, versionId)
    const n = v ? await this.repo.find(v.villageId, v.noticeId, m, true) : null
    // a later correction has its own check
    if (!v || !n || n.version !== v.version) return
    const before = n.moderation
    const nowShown = before !== 'shown' && moderation === 'shown'
    n.moderation = moderation
    // residents receive it now: above every watermark set while it was held
    if (nowShown) n.shownSeq = await this.repo.nextShownSeq(m, n.villageId)
    await this.repo.save(m, n)
    if (!nowShown) return
    // residents are told now, as they would have been at publication
    await this.steps.tellAudience(
      m,
      n,
      n.version === 1
        ? {
            kind: 'notice.published',
            title: `新公告：${NOTICE_CATEGORY_LABELS[n.category]}`,
            body: n.title,
            link: noticePage('resident', n.id),
          }
        : {
            kind: 'notice.corrected',
            title: '公告有更正',
            body: n.title,
            link: noticePage('resident', n.id),
          },
    )
  }
}

/** What WeChat reads of a version: its title, its body and the words of its finance lines. */
function textOf(v: Pick<NoticeVersion, 'title' | 'body' | 'lines'>): string {
  const lines = (v.lines ?? []).map((l) => [l.item, l.note ?? ''].join(' '))
  return [v.title, v.body, ...lines].filter((s) => s.trim() !== '').join('\n')
}

import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import {
  NOTICE_CATEGORY_LABELS,
  noticePage,
  type NoticeCorrection,
  type NoticePublishRequest,
  type NoticeState,
  type NoticeView,
  type PublicityPeriod,
} from '@xiangli/shared'
import { AuditService, type Actor } from '../../../core/audit/audit.service'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { Clock } from '../../../core/clock/clock'
import { AppException } from '../../../core/errors/app.exception'
import type { NoticeVersion } from '../entities/notice-version.entity'
import type { PublicNotice } from '../entities/public-notice.entity'
import {
  PUBLICATION_ACTION,
  VERSION_TARGET,
  noticeContentHash,
  publicationRecord,
  versionRecords,
} from '../notice-records'
import { NoticeVersionsRepository } from '../notice-versions.repository'
import { NoticesRepository } from '../notices.repository'
import {
  checkContent,
  columns,
  contentOf,
  isPublished,
  name30,
  need,
  periodFor,
  snapshot,
} from '../notices.rules'
import { NoticeContentCheck } from './notice-content-check'
import { NoticeReads } from './notice-reads'
import { NoticeSteps } from './notice-steps'

/** A deliberation's 决议公开 or 实施结果公开, published at once inside the deliberation's transaction. */
export interface DeliberationNotice {
  villageId: number
  category: 'resolution' | 'implementation'
  title: string
  body: string
  deliberationId: number
  resolutionNoticeId: number | null
  actor: Actor
  /** null when the system publishes it as the deciding vote passes */
  publishedByAccountId: number | null
}

/**
 * Publication and corrections. A published notice is never edited in place: each publication writes a
 * version, once, and records its content hash in the audit chain; a correction is the next version with
 * its reason, and the versions before it stay as they were.
 */
@Injectable()
export class NoticePublication {
  constructor(
    private readonly repo: NoticesRepository,
    private readonly versions: NoticeVersionsRepository,
    private readonly steps: NoticeSteps,
    private readonly reads: NoticeReads,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly check: NoticeContentCheck,
  ) {}

  async publish(a: ActingContext, id: number, body: NoticePublishRequest): Promise<NoticeView> {
    const village = await this.steps.village(a.villageId)
    const checked = await this.steps.inVillage(a.villageId, id, async (m, n) => {
      const next = need(n, 'publish', village)
      const before = snapshot(n)
      const period = periodFor(n, village, body, this.clock.now())
      const v = await this.publishIn(m, n, next, period, a.actor, a.viewer.accountId, true)
      await this.steps.record(m, a.actor, 'notice.published', n, before)
      return n.moderation === 'shown' ? null : v.id
    })
    if (checked !== null) await this.check.settle(checked)
    return this.reads.detail(a, id)
  }

  /** 决议公开 / 实施结果公开 of a deliberation: a real notice, published at once with its first version. */
  async publishForDeliberation(m: EntityManager, input: DeliberationNotice): Promise<PublicNotice> {
    const village = await this.steps.village(input.villageId)
    const n = await this.repo.insert(m, {
      villageId: input.villageId,
      category: input.category,
      ...columns({
        title: Array.from(input.title).slice(0, 80).join(''),
        body: input.body,
        lines: [],
        totals: null,
        attachmentIds: [],
      }),
      state: 'draft',
      version: 0,
      audienceGroupId: null,
      periodStart: null,
      periodEnd: null,
      pinned: false,
      requiresAck: false,
      // a decision of the villagers is a major matter: the calendar counts it published at once
      major: true,
      coversPeriod: null,
      deliberationId: input.deliberationId,
      resolutionNoticeId: input.resolutionNoticeId,
      publishedAt: null,
      publishedByAccountId: null,
      supervisionOpinion: null,
      supervisionByAccountId: null,
      supervisionAt: null,
      returnReason: null,
      createdByAccountId: input.publishedByAccountId,
      moderation: 'shown',
    })
    const period = periodFor(n, village, {}, this.clock.now())
    await this.publishIn(m, n, 'published', period, input.actor, input.publishedByAccountId, false)
    return n
  }

  /** A correction after publication: a new version with its reason; the old versions stay as they were. */
  async correct(a: ActingContext, id: number, body: NoticeCorrection): Promise<NoticeView> {
    const village = await this.steps.village(a.villageId)
    const content = contentOf(body)
    const checked = await this.steps.inVillage(a.villageId, id, async (m, n) => {
      need(n, 'correct', village)
      checkContent(n.category, content, n.coversPeriod)
      const before = snapshot(n)
      Object.assign(n, {
        ...columns(content),
        version: n.version + 1,
        moderation: this.check.initial(),
        // unread again for everyone, whatever their watermark
        shownSeq: await this.repo.nextShownSeq(m, n.villageId),
      })
      await this.repo.save(m, n)
      await this.steps.attachFiles(
        m,
        { villageId: a.villageId, accountId: a.viewer.accountId },
        n.id,
        content.attachmentIds,
      )
      const v = await this.writeVersion(m, n, body.reason, a.actor, this.clock.now())
      await this.steps.record(m, a.actor, 'notice.corrected', n, before, { reason: body.reason })
      if (n.moderation !== 'shown') {
        // residents are told once the check shows the corrected text
        await this.check.submit(m, n, v, a.viewer.accountId)
        return v.id
      }
      await this.steps.tellAudience(m, n, {
        kind: 'notice.corrected',
        title: '公告有更正',
        body: `${n.title}（更正原因：${body.reason}）`,
        link: noticePage('resident', n.id),
      })
      return null
    })
    if (checked !== null) await this.check.settle(checked)
    return this.reads.detail(a, id)
  }

  async pin(a: ActingContext, id: number, pinned: boolean): Promise<NoticeView> {
    await this.steps.inVillage(a.villageId, id, async (m, n) => {
      if (!isPublished(n)) throw new AppException('NOTICE_NOT_PUBLISHED')
      const before = snapshot(n)
      n.pinned = pinned
      await this.repo.save(m, n)
      await this.steps.record(m, a.actor, pinned ? 'notice.pinned' : 'notice.unpinned', n, before)
    })
    return this.reads.detail(a, id)
  }

  /**
   * Version 1 and the facts of the publication into the chain; the audience is told, or, when its
   * words go through the content check (`checked`), once the check shows them.
   */
  private async publishIn(
    m: EntityManager,
    n: PublicNotice,
    next: NoticeState,
    period: PublicityPeriod,
    actor: Actor,
    by: number | null,
    checked: boolean,
  ): Promise<NoticeVersion> {
    const now = this.clock.now()
    Object.assign(n, {
      state: next,
      version: 1,
      periodStart: period.start,
      periodEnd: period.end,
      publishedAt: now,
      publishedByAccountId: by,
      moderation: checked ? this.check.initial() : 'shown',
      shownSeq: await this.repo.nextShownSeq(m, n.villageId),
    })
    await this.repo.save(m, n)
    const v = await this.writeVersion(m, n, null, actor, now)
    // the period, audience and category residents rely on, as stored, so a later edit shows
    const stored = await this.repo.stored(m, n.id)
    await this.audit.append(m, {
      actor,
      action: PUBLICATION_ACTION,
      orgId: n.villageId,
      targetType: 'public_notice',
      targetId: n.id,
      after: publicationRecord(stored, stored.supervisionOpinion),
    })
    if (n.moderation !== 'shown') {
      await this.check.submit(m, n, v, by ?? actor.accountId ?? 0)
      return v
    }
    await this.steps.tellAudience(m, n, {
      kind: 'notice.published',
      title: `新公告：${NOTICE_CATEGORY_LABELS[n.category]}`,
      body: n.title,
      link: noticePage('resident', n.id),
    })
    return v
  }

  /** The notice's current content as its next version, with its files' hashes, and its record in the chain. */
  private async writeVersion(
    m: EntityManager,
    n: PublicNotice,
    reason: string | null,
    actor: Actor,
    at: Date,
  ): Promise<NoticeVersion> {
    const ids = n.attachmentIds ?? []
    const files = await this.repo.storedFiles(ids, m)
    const attachments = ids.flatMap((id) => {
      const f = files.find((x) => x.id === id)
      return f ? [{ fileId: f.id, sha256: f.sha256 }] : []
    })
    const content = { title: n.title, body: n.body, lines: n.lines, totals: n.totals, attachments }
    const v = await this.versions.insert(m, {
      noticeId: n.id,
      villageId: n.villageId,
      version: n.version,
      ...content,
      reason,
      contentHash: noticeContentHash(content),
      createdByAccountId: actor.accountId,
      createdByName: actor.name ? name30(actor.name) : null,
      createdAt: at,
    })
    await this.audit.append(m, {
      actor,
      action: n.version === 1 ? 'notice.version_published' : 'notice.version_corrected',
      orgId: n.villageId,
      targetType: VERSION_TARGET,
      targetId: v.id,
      after: versionRecords(v)[0],
    })
    return v
  }
}

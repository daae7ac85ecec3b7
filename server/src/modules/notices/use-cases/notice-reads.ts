import { Injectable } from '@nestjs/common'
import {
  NOTICE_CATEGORIES,
  beijingDate,
  canObject,
  effectiveNoticeState,
  noticeRoutes,
  type NoticeCategory,
  type NoticePage,
  type NoticeUnreadCounts,
  type NoticeVersionView,
  type NoticeView,
  type PublicNoticeSummary,
  type PublicNoticeView,
  type QueryOf,
} from '@xiangli/shared'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { Clock } from '../../../core/clock/clock'
import { AppException } from '../../../core/errors/app.exception'
import { FilesService } from '../../../core/files/files.service'
import { OrgsService } from '../../orgs/orgs.service'
import { RosterDirectory } from '../../roster/roster-directory'
import type { PublicNotice } from '../entities/public-notice.entity'
import { asPublished } from '../notice-records'
import { NoticeReadMarks, isAbove, type ReadMark } from '../notice-read-marks.repository'
import { NoticeVersionsRepository } from '../notice-versions.repository'
import { mustSee, noticeActions, oversees, readerIn, type Reader } from '../notices.policy'
import {
  presentAttachments,
  presentForDeliberation,
  presentNotice,
  presentPublic,
  presentSummary,
  presentVersion,
} from '../notices.presenter'
import { ContentCheckService } from '../../content-check/content-check.service'
import { NoticesRepository, type NoticeFilter } from '../notices.repository'
import { isPublic, isPublished, reviewRequired } from '../notices.rules'
import { ObjectionsRepository } from '../objections.repository'

type Feed = QueryOf<typeof noticeRoutes.feed>
type Manage = QueryOf<typeof noticeRoutes.manage>

/**
 * Reading notices: the feed with its unread markers and search, the committee's list, one notice (which
 * marks it read), the share page, a deliberation's notices. Readers get the content of the latest
 * version, the one whose hash the chain recorded, never the live row alone.
 */
@Injectable()
export class NoticeReads {
  constructor(
    private readonly repo: NoticesRepository,
    private readonly versions: NoticeVersionsRepository,
    private readonly objections: ObjectionsRepository,
    private readonly files: FilesService,
    private readonly orgs: OrgsService,
    private readonly roster: RosterDirectory,
    private readonly clock: Clock,
    private readonly checks: ContentCheckService,
    private readonly marks: NoticeReadMarks,
  ) {}

  /** How the caller relates to the village's notices, with their household's villager group. */
  async readerOf(a: ActingContext): Promise<Reader> {
    const residentId = a.viewer.residentIdIn(a.villageId)
    const household = residentId ? await this.roster.householdOf(a.villageId, residentId) : null
    return readerIn(a.viewer, a.villageId, a.role, household?.groupId ?? null)
  }

  /**
   * The 公开栏. Opening its first page moves the reader's watermark up to the first notice they have not
   * opened, so the unread count need not walk the notices they have read one by one.
   */
  async feed(a: ActingContext, q: Feed): Promise<NoticePage> {
    const r = await this.readerOf(a)
    const base = await this.readable(a, r)
    if (q.page === 1) base.mark = await this.advance(base)
    return this.page({ ...base, category: q.category, q: q.q, unread: q.unread }, q)
  }

  async manage(a: ActingContext, q: Manage): Promise<NoticePage> {
    return this.page(
      {
        villageId: a.villageId,
        readerAccountId: a.viewer.accountId,
        mark: await this.marks.of(a.viewer.accountId, a.villageId),
        category: q.category,
        q: q.q,
        state: q.state ? { value: q.state, today: beijingDate(this.clock.now()) } : undefined,
      },
      q,
    )
  }

  /** Unread notices per category: those above the reader's watermark whose current version they have not opened. */
  async unreadCounts(a: ActingContext): Promise<NoticeUnreadCounts> {
    const counts = await this.repo.countsByCategory({
      ...(await this.readable(a, await this.readerOf(a))),
      unread: true,
    })
    const byCategory = Object.fromEntries(NOTICE_CATEGORIES.map((c) => [c, counts.get(c) ?? 0])) as Record<
      NoticeCategory,
      number
    >
    return { total: Object.values(byCategory).reduce((s, x) => s + x, 0), byCategory }
  }

  /** 全部已读: the watermark goes to the last notice the reader can see now; later ones stay unread. */
  async readAll(a: ActingContext): Promise<NoticeUnreadCounts> {
    const r = await this.readerOf(a)
    const base = await this.readable(a, r)
    const last = await this.repo.lastBefore(base, null)
    if (last && isAbove(last, base.mark ?? null))
      await this.marks.raise(r.accountId, a.villageId, last, this.clock.now())
    return this.unreadCounts(a)
  }

  /** The published notices the reader may see, with their watermark. */
  private async readable(a: ActingContext, r: Reader): Promise<NoticeFilter> {
    return {
      villageId: a.villageId,
      readerAccountId: r.accountId,
      published: { groupId: r.groupId, allGroups: oversees(r), withHeld: oversees(r) },
      mark: await this.marks.of(r.accountId, a.villageId),
    }
  }

  /** Raises the watermark to the last notice before the first one the reader has not opened. */
  private async advance(f: NoticeFilter): Promise<ReadMark | null> {
    const mark = f.mark ?? null
    const to = await this.repo.lastBefore(f, await this.repo.firstUnread(f))
    if (!to || !isAbove(to, mark)) return mark
    await this.marks.raise(f.readerAccountId, f.villageId, to, this.clock.now())
    return to
  }

  /** One notice; opening it marks its current version read for the caller. */
  async detail(a: ActingContext, id: number): Promise<NoticeView> {
    const r = await this.readerOf(a)
    const n = await this.repo.find(a.villageId, id)
    if (!n) throw new AppException('NOT_FOUND')
    mustSee(r, n)
    if (n.version > 0) await this.repo.markRead(n.id, r.accountId, n.version, this.clock.now())
    return this.view(a, n, r)
  }

  /** The share URL: anyone, no login, published notices only, with every version and its hash. */
  async publicView(id: number): Promise<PublicNoticeView> {
    const n = await this.repo.findById(id)
    if (!n || !isPublic(n)) throw new AppException('NOT_FOUND')
    return presentPublic(n, {
      villageName: (await this.orgs.names([n.villageId])).get(n.villageId) ?? '',
      versions: await this.versionViews(n.id),
      objectionCount: await this.objections.countOf(n.id),
      now: this.clock.now(),
    })
  }

  /**
   * The 公开栏 as anyone sees it, no login: published notices for the whole village (a villager
   * group's own notices stay in the app), pinned first, none marked read.
   */
  publicBoard(villageId: number, q: { page: number; pageSize: number }): Promise<NoticePage> {
    return this.page({ villageId, readerAccountId: 0, published: { groupId: null, allGroups: false } }, q)
  }

  /** The 决议公开 and 实施结果公开 of a deliberation, as its detail shows them. */
  async forDeliberation(deliberationId: number): Promise<PublicNoticeSummary[]> {
    const rows = await this.published(await this.repo.ofDeliberation(deliberationId))
    return rows.map(presentForDeliberation).filter((n): n is PublicNoticeSummary => n !== null)
  }

  /** The rows with the content of their latest version. */
  async published(rows: PublicNotice[]): Promise<PublicNotice[]> {
    const ids = rows.filter((n) => n.version > 0).map((n) => n.id)
    return asPublished(rows, await this.versions.latestOf(ids))
  }

  /** Every version of a notice, newest first, each with the files it was published with. */
  async versionViews(noticeId: number): Promise<NoticeVersionView[]> {
    const versions = await this.versions.ofNotice(noticeId)
    const files = await this.repo.storedFiles([
      ...new Set(versions.flatMap((v) => (v.attachments ?? []).map((x) => x.fileId))),
    ])
    return versions.map((v) => presentVersion(v, files, this.urlOf))
  }

  private readonly urlOf = (fileId: number): string => this.files.signedUrl(fileId)

  /** Why the 两委 kept this version from residents in the content review. */
  private async rejectedReason(n: PublicNotice): Promise<string | null> {
    const v = (await this.versions.ofNotice(n.id)).find((x) => x.version === n.version)
    return v ? ((await this.checks.reasons('notice', [v.id])).get(v.id) ?? null) : null
  }

  private async page(f: NoticeFilter, q: { page: number; pageSize: number }): Promise<NoticePage> {
    const { items, total, totalAtLeast } = await this.repo.page(f, q)
    const rows = await this.published(items.map((x) => x.notice))
    const counts = await this.objections.countsByNotice(rows.map((n) => n.id))
    const villageName = (await this.orgs.names([f.villageId])).get(f.villageId) ?? ''
    const now = this.clock.now()
    return {
      items: rows.map((n, i) =>
        presentSummary(n, {
          villageName,
          unread: !items[i]!.read,
          objectionCount: counts.get(n.id) ?? 0,
          now,
        }),
      ),
      total,
      page: q.page,
      pageSize: q.pageSize,
      ...(totalAtLeast ? { totalAtLeast } : {}),
    }
  }

  private async view(a: ActingContext, row: PublicNotice, r: Reader): Promise<NoticeView> {
    const [n] = (await this.published([row])) as [PublicNotice]
    const village = await this.orgs.village(n.villageId)
    const now = this.clock.now()
    const objectable = canObject(
      {
        state: effectiveNoticeState(n.state, n.periodEnd, now),
        period: n.periodStart && n.periodEnd ? { start: n.periodStart, end: n.periodEnd } : null,
      },
      now,
    ).ok
    const residentId = a.viewer.residentIdIn(n.villageId)
    const household = residentId ? await this.roster.householdOf(n.villageId, residentId) : null
    const acknowledged = household ? await this.repo.acknowledged(n.id, household.householdId) : false
    const ids = n.attachmentIds ?? []
    const versions = isPublished(n) ? await this.versionViews(n.id) : []
    return presentNotice(n, {
      villageName: village.name,
      objectionCount: (await this.objections.countsByNotice([n.id])).get(n.id) ?? 0,
      now,
      attachments: presentAttachments(ids, await this.repo.storedFiles(ids), this.urlOf),
      versions,
      rejectedReason: n.moderation === 'rejected' ? await this.rejectedReason(n) : null,
      objectable,
      acknowledgedByHousehold: acknowledged,
      actions: noticeActions(r, n, {
        reviewRequired: reviewRequired(village),
        objectable,
        onRoster: household !== null,
        acknowledgedByHousehold: acknowledged,
      }),
    })
  }
}

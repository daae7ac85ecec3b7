import { Injectable, Logger, type OnModuleInit } from '@nestjs/common'
import { DataSource, In, type EntityManager, type SelectQueryBuilder } from 'typeorm'
import {
  COMMITTEE_ROLES,
  DEFAULT_CALENDAR_SETTINGS,
  NOTICE_CATEGORIES,
  NOTICE_CATEGORY_DEFAULT_DAYS,
  NOTICE_CATEGORY_LABELS,
  beijingDate,
  canObject,
  checkFinanceTotals,
  checkPeriod,
  computeCalendar,
  defaultPeriod,
  effectiveNoticeState,
  maskName,
  noticeFeedQuerySchema,
  noticeManageQuerySchema,
  noticePage,
  objectionDueAt,
  objectionQueueQuerySchema,
  quarterOf,
  periodBounds,
  summariseCalendar,
  townshipObjectionQuerySchema,
  transitionNotice,
  transitionObjection,
  type ErrorCode,
  type FinanceLine,
  type FinanceTotals,
  type NoticeAckReport,
  type NoticeAckResult,
  type NoticeAttachmentView,
  type NoticeAudience,
  type NoticeCategory,
  type NoticeCorrection,
  type NoticeDraft,
  type NoticeEvent,
  type NoticeIntegrityReport,
  type NoticePage,
  type NoticePublishRequest,
  type NoticeReviewRequest,
  type NoticeSettings,
  type NoticeSettingsRequest,
  type NoticeState,
  type NoticeSummary,
  type NoticeUnreadCounts,
  type NoticeVersionView,
  type NoticeView,
  type ObjectionAnswer,
  type ObjectionCreate,
  type ObjectionPage,
  type ObjectionView,
  type PublicNoticeSummary,
  type PublicNoticeView,
  type TownshipNoticeCalendar,
  type VillageNoticeCalendar,
  type VillageSettings,
} from '@xiangli/shared'
import type { z } from 'zod'
import { AuditService, type Actor } from '../../core/audit/audit.service'
import type { ActingContext, TownshipContext } from '../../core/auth/current.decorator'
import { hasRoleIn, type Principal } from '../../core/auth/principal'
import { isUniqueViolation } from '../../core/database/errors'
import { AppException } from '../../core/errors/app.exception'
import { StoredFile } from '../../core/files/entities/stored-file.entity'
import { FilesService } from '../../core/files/files.service'
import { TxService } from '../../core/tx/tx.service'
import { NotifyService } from '../inbox/notify.service'
import { Org } from '../orgs/entities/org.entity'
import { accountsHolding } from '../roles/role-holders'
import { Household } from '../roster/entities/household.entity'
import { Resident } from '../roster/entities/resident.entity'
import { NoticeAck } from './entities/notice-ack.entity'
import { NoticeObjection } from './entities/notice-objection.entity'
import { NoticeRead } from './entities/notice-read.entity'
import { NoticeSettingsRow } from './entities/notice-settings.entity'
import { NoticeVersion } from './entities/notice-version.entity'
import { PublicNotice } from './entities/public-notice.entity'
import { checkNoticeVersions } from './notice-integrity'
import {
  PUBLICATION_ACTION,
  VERSION_TARGET,
  asPublished,
  noticeContentHash,
  publicationRecord,
  versionRecords,
} from './notice-records'

export type FeedQuery = z.infer<typeof noticeFeedQuerySchema>
export type ManageQuery = z.infer<typeof noticeManageQuerySchema>
export type ObjectionQueueQuery = z.infer<typeof objectionQueueQuerySchema>
export type TownshipObjectionQuery = z.infer<typeof townshipObjectionQuerySchema>

/** The attachedType of files on a notice and on an objection. */
const FILES_OF_NOTICE = 'notice'
const FILES_OF_OBJECTION = 'notice_objection'
const PUBLISHED_STATES: NoticeState[] = ['published', 'ended']
const DRAFT_STATES: NoticeState[] = ['draft', 'in_review', 'returned', 'approved']

/** What the audit digests see of a notice. */
const snapshot = (n: PublicNotice) => ({
  id: n.id,
  villageId: n.villageId,
  category: n.category,
  state: n.state,
  version: n.version,
  periodStart: n.periodStart,
  periodEnd: n.periodEnd,
  pinned: n.pinned,
  audienceGroupId: n.audienceGroupId,
})

const excerpt = (s: string, n: number): string =>
  Array.from(s).length > n ? Array.from(s).slice(0, n).join('') + '…' : s
const iso = (d: Date | null): string | null => (d ? d.toISOString() : null)
/** escapes LIKE wildcards with '!' (the same on MySQL and SQLite) */
const likePattern = (q: string): string => `%${q.replace(/[!%_]/g, (c) => '!' + c)}%`

/** How the caller relates to the village. */
interface Viewer {
  accountId: number
  isCommittee: boolean
  isSupervisor: boolean
  isTownship: boolean
  /** the villager group of the caller's household, for group notices */
  groupId: number | null
}
const manages = (v: Viewer) => v.isCommittee || v.isSupervisor
const oversees = (v: Viewer) => v.isCommittee || v.isSupervisor || v.isTownship

interface Content {
  title: string
  body: string
  lines: FinanceLine[]
  totals: FinanceTotals | null
  attachmentIds: number[]
}

@Injectable()
export class NoticesService implements OnModuleInit {
  private readonly log = new Logger('Notices')

  constructor(
    private readonly ds: DataSource,
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly notify: NotifyService,
    private readonly files: FilesService,
  ) {}

  onModuleInit(): void {
    // a notice's files are public once it is published; drafts are seen by those who manage them
    this.files.registerAccess(FILES_OF_NOTICE, async (p, file) => {
      const n = await this.ds.getRepository(PublicNotice).findOneBy({ id: file.attachedId ?? 0 })
      if (!n) return false
      if (hasRoleIn(p, n.villageId, [...COMMITTEE_ROLES, 'supervisor'])) return true
      if (!PUBLISHED_STATES.includes(n.state)) return false
      // public only as part of a published version, not as a file dropped from the draft
      const versions = await this.ds
        .getRepository(NoticeVersion)
        .find({ where: { noticeId: n.id }, select: ['attachments'] })
      return versions.some((v) => (v.attachments ?? []).some((x) => x.fileId === file.id))
    })
    this.files.registerAccess(FILES_OF_OBJECTION, async (p, file) => {
      const o = await this.ds.getRepository(NoticeObjection).findOneBy({ id: file.attachedId ?? 0 })
      if (!o) return false
      if (o.objectorAccountId === p.accountId) return true
      if (hasRoleIn(p, o.villageId, [...COMMITTEE_ROLES, 'supervisor'])) return true
      const village = await this.ds.getRepository(Org).findOneBy({ id: o.villageId })
      return village?.parentId != null && hasRoleIn(p, village.parentId, ['township_official']) !== null
    })
  }

  // ---------- drafts ----------

  async create(a: ActingContext, body: NoticeDraft): Promise<NoticeView> {
    const village = await this.village(this.ds.manager, a.villageId)
    const content = this.content(body)
    await this.checkDraft(this.ds.manager, village, body, content)
    const id = await this.tx.run(async (m) => {
      const n = await m.getRepository(PublicNotice).save({
        villageId: a.villageId,
        category: body.category,
        ...this.columns(content),
        state: 'draft' as const,
        version: 0,
        audienceGroupId: body.audience.kind === 'group' ? body.audience.groupId : null,
        periodStart: body.periodStart,
        periodEnd: body.periodEnd,
        pinned: false,
        requiresAck: body.requiresAck,
        major: body.major,
        coversPeriod: body.coversPeriod,
        deliberationId: null,
        resolutionNoticeId: null,
        publishedAt: null,
        publishedByAccountId: null,
        supervisionOpinion: null,
        supervisionByAccountId: null,
        supervisionAt: null,
        returnReason: null,
        createdByAccountId: a.principal.accountId,
      })
      await this.attachFiles(m, a, n.id, content.attachmentIds)
      await this.audit.append(m, {
        actor: a.actor,
        action: 'notice.drafted',
        orgId: a.villageId,
        targetType: 'public_notice',
        targetId: n.id,
        after: snapshot(n),
      })
      return n.id
    })
    return this.detail(a, id)
  }

  async edit(a: ActingContext, id: number, body: NoticeDraft): Promise<NoticeView> {
    const village = await this.village(this.ds.manager, a.villageId)
    const content = this.content(body)
    await this.tx.run(async (m) => {
      const n = await this.find(m, a.villageId, id, true)
      this.move(n, 'edit', village)
      await this.checkDraft(m, village, body, content)
      const before = snapshot(n)
      Object.assign(n, {
        category: body.category,
        ...this.columns(content),
        audienceGroupId: body.audience.kind === 'group' ? body.audience.groupId : null,
        periodStart: body.periodStart,
        periodEnd: body.periodEnd,
        requiresAck: body.requiresAck,
        major: body.major,
        coversPeriod: body.coversPeriod,
      })
      await m.getRepository(PublicNotice).save(n)
      await this.attachFiles(m, a, n.id, content.attachmentIds)
      await this.audit.append(m, {
        actor: a.actor,
        action: 'notice.draft_edited',
        orgId: a.villageId,
        targetType: 'public_notice',
        targetId: n.id,
        before,
        after: snapshot(n),
      })
    })
    return this.detail(a, id)
  }

  /** To the supervision committee, when the village asks for its review before publication. */
  async submit(a: ActingContext, id: number): Promise<NoticeView> {
    const village = await this.village(this.ds.manager, a.villageId)
    await this.tx.run(async (m) => {
      const n = await this.find(m, a.villageId, id, true)
      const before = snapshot(n)
      n.state = this.move(n, 'submit', village)
      n.returnReason = null
      await m.getRepository(PublicNotice).save(n)
      await this.audit.append(m, {
        actor: a.actor,
        action: 'notice.submitted',
        orgId: a.villageId,
        targetType: 'public_notice',
        targetId: n.id,
        before,
        after: snapshot(n),
      })
      await this.notify.notify(m, {
        accountIds: await accountsHolding(m, a.villageId, ['supervisor']),
        orgId: a.villageId,
        kind: 'notice.review',
        title: '有一条公告等您审核',
        body: n.title,
        link: noticePage('committee', n.id),
      })
    })
    return this.detail(a, id)
  }

  async review(a: ActingContext, id: number, body: NoticeReviewRequest): Promise<NoticeView> {
    const village = await this.village(this.ds.manager, a.villageId)
    const opinion = (body.opinion ?? '').trim()
    await this.tx.run(async (m) => {
      const n = await this.find(m, a.villageId, id, true)
      const before = snapshot(n)
      n.state = this.move(n, body.decision === 'approve' ? 'approve' : 'return', village)
      if (body.decision === 'approve') {
        if (opinion) {
          n.supervisionOpinion = opinion
          n.supervisionByAccountId = a.principal.accountId
          n.supervisionAt = new Date()
        }
      } else n.returnReason = opinion
      await m.getRepository(PublicNotice).save(n)
      await this.audit.append(m, {
        actor: a.actor,
        action: body.decision === 'approve' ? 'notice.approved' : 'notice.returned',
        orgId: a.villageId,
        targetType: 'public_notice',
        targetId: n.id,
        before,
        after: { ...snapshot(n), opinion },
      })
      await this.notify.notify(m, {
        accountIds: await accountsHolding(m, a.villageId, COMMITTEE_ROLES),
        orgId: a.villageId,
        kind: 'notice.reviewed',
        title: body.decision === 'approve' ? '监督委员会同意发布公告' : '监督委员会退回了公告',
        body: body.decision === 'approve' ? n.title : `${n.title}：${opinion}`,
        link: noticePage('committee', n.id),
      })
    })
    return this.detail(a, id)
  }

  // ---------- publication ----------

  async publish(a: ActingContext, id: number, body: NoticePublishRequest): Promise<NoticeView> {
    const village = await this.village(this.ds.manager, a.villageId)
    await this.tx.run(async (m) => {
      const n = await this.find(m, a.villageId, id, true)
      const next = this.move(n, 'publish', village)
      const before = snapshot(n)
      const period = this.periodFor(n, village, body)
      await this.publishIn(m, n, next, period, a.actor, a.principal.accountId)
      await this.audit.append(m, {
        actor: a.actor,
        action: 'notice.published',
        orgId: a.villageId,
        targetType: 'public_notice',
        targetId: n.id,
        before,
        after: snapshot(n),
      })
    })
    return this.detail(a, id)
  }

  /**
   * 决议公开 / 实施结果公开 of a deliberation: a real notice, published at once with its first version,
   * inside the deliberation's transaction.
   */
  async publishForDeliberation(
    m: EntityManager,
    input: {
      villageId: number
      category: 'resolution' | 'implementation'
      title: string
      body: string
      deliberationId: number
      resolutionNoticeId: number | null
      actor: Actor
      /** null when the system publishes it as the deciding vote passes */
      publishedByAccountId: number | null
    },
  ): Promise<PublicNotice> {
    const village = await this.village(m, input.villageId)
    const n = await m.getRepository(PublicNotice).save({
      villageId: input.villageId,
      category: input.category,
      ...this.columns({
        title: Array.from(input.title).slice(0, 80).join(''),
        body: input.body,
        lines: [],
        totals: null,
        attachmentIds: [],
      }),
      state: 'draft' as const,
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
    })
    await this.publishIn(
      m,
      n,
      'published',
      this.periodFor(n, village, {}),
      input.actor,
      input.publishedByAccountId,
    )
    return n
  }

  private async publishIn(
    m: EntityManager,
    n: PublicNotice,
    next: NoticeState,
    period: { start: string; end: string },
    actor: Actor,
    by: number | null,
  ): Promise<void> {
    const now = new Date()
    Object.assign(n, {
      state: next,
      version: 1,
      periodStart: period.start,
      periodEnd: period.end,
      publishedAt: now,
      publishedByAccountId: by,
    })
    await m.getRepository(PublicNotice).save(n)
    await this.writeVersion(m, n, null, actor, now)
    // the period, audience and category residents rely on, as stored, so a later edit shows
    const stored = await m.getRepository(PublicNotice).findOneByOrFail({ id: n.id })
    await this.audit.append(m, {
      actor,
      action: PUBLICATION_ACTION,
      orgId: n.villageId,
      targetType: 'public_notice',
      targetId: n.id,
      after: publicationRecord(stored, stored.supervisionOpinion),
    })
    await this.notify.notify(m, {
      accountIds: await this.audienceAccounts(m, n),
      orgId: n.villageId,
      kind: 'notice.published',
      title: `新公告：${NOTICE_CATEGORY_LABELS[n.category]}`,
      body: n.title,
      link: noticePage('resident', n.id),
    })
  }

  /** A correction after publication: a new version with its reason; the old versions stay as they were. */
  async correct(a: ActingContext, id: number, body: NoticeCorrection): Promise<NoticeView> {
    const village = await this.village(this.ds.manager, a.villageId)
    const content = this.content(body)
    await this.tx.run(async (m) => {
      const n = await this.find(m, a.villageId, id, true)
      this.move(n, 'correct', village)
      this.checkContent(n.category, content, n.coversPeriod)
      const before = snapshot(n)
      Object.assign(n, { ...this.columns(content), version: n.version + 1 })
      await m.getRepository(PublicNotice).save(n)
      await this.attachFiles(m, a, n.id, content.attachmentIds)
      await this.writeVersion(m, n, body.reason, a.actor, new Date())
      await this.audit.append(m, {
        actor: a.actor,
        action: 'notice.corrected',
        orgId: a.villageId,
        targetType: 'public_notice',
        targetId: n.id,
        before,
        after: { ...snapshot(n), reason: body.reason },
      })
      await this.notify.notify(m, {
        accountIds: await this.audienceAccounts(m, n),
        orgId: n.villageId,
        kind: 'notice.corrected',
        title: '公告有更正',
        body: `${n.title}（更正原因：${body.reason}）`,
        link: noticePage('resident', n.id),
      })
    })
    return this.detail(a, id)
  }

  async pin(a: ActingContext, id: number, pinned: boolean): Promise<NoticeView> {
    await this.tx.run(async (m) => {
      const n = await this.find(m, a.villageId, id, true)
      if (!PUBLISHED_STATES.includes(n.state)) throw new AppException('NOTICE_NOT_PUBLISHED')
      const before = snapshot(n)
      n.pinned = pinned
      await m.getRepository(PublicNotice).save(n)
      await this.audit.append(m, {
        actor: a.actor,
        action: pinned ? 'notice.pinned' : 'notice.unpinned',
        orgId: a.villageId,
        targetType: 'public_notice',
        targetId: n.id,
        before,
        after: snapshot(n),
      })
    })
    return this.detail(a, id)
  }

  async opinion(a: ActingContext, id: number, opinion: string): Promise<NoticeView> {
    await this.tx.run(async (m) => {
      await this.find(m, a.villageId, id)
      await this.giveOpinion(m, a.actor, a.principal.accountId, a.villageId, id, opinion, {})
    })
    return this.detail(a, id)
  }

  /** 村务监督委员会意见 on a published notice, given once (the conditional update decides a race). */
  async giveOpinion(
    m: EntityManager,
    actor: Actor,
    accountId: number,
    villageId: number,
    noticeId: number,
    opinion: string,
    opts: { deliberationId?: number; code?: ErrorCode },
  ): Promise<void> {
    const n = await m.getRepository(PublicNotice).findOneBy({
      id: noticeId,
      villageId,
      ...(opts.deliberationId !== undefined ? { deliberationId: opts.deliberationId } : {}),
    })
    if (!n) throw new AppException('NOT_FOUND')
    if (!PUBLISHED_STATES.includes(n.state)) throw new AppException('NOTICE_NOT_PUBLISHED')
    const res = await m
      .createQueryBuilder()
      .update(PublicNotice)
      .set({ supervisionOpinion: opinion, supervisionByAccountId: accountId, supervisionAt: new Date() })
      .where('id = :id AND supervisionOpinion IS NULL', { id: noticeId })
      .execute()
    if (!res.affected) throw new AppException(opts.code ?? 'NOTICE_OPINION_GIVEN')
    await this.audit.append(m, {
      actor,
      action: 'notice.supervision_opinion',
      orgId: villageId,
      targetType: 'public_notice',
      targetId: noticeId,
      after: { opinion },
    })
  }

  /** Archives notices whose period is over (they stay public); views derive the same from the dates. */
  async endExpired(now = new Date()): Promise<number> {
    const today = beijingDate(now)
    const due = await this.ds
      .getRepository(PublicNotice)
      .createQueryBuilder('n')
      .where("n.state = 'published' AND n.periodEnd < :today", { today })
      .orderBy('n.id', 'ASC')
      .take(500)
      .getMany()
    let ended = 0
    for (const n of due) {
      await this.tx.run(async (m) => {
        const res = await m
          .createQueryBuilder()
          .update(PublicNotice)
          .set({ state: 'ended' })
          .where("id = :id AND state = 'published'", { id: n.id })
          .execute()
        if (!res.affected) return
        ended++
        await this.audit.append(m, {
          actor: { accountId: null, name: '系统', role: 'system' },
          action: 'notice.period_ended',
          orgId: n.villageId,
          targetType: 'public_notice',
          targetId: n.id,
          after: { ...snapshot(n), state: 'ended' },
        })
      })
    }
    if (ended) this.log.log(`${ended} notice(s) archived at the end of their publicity period`)
    return ended
  }

  // ---------- reading ----------

  async feed(a: ActingContext, q: FeedQuery): Promise<NoticePage> {
    const v = await this.viewer(a)
    const qb = this.visible(a.villageId, v)
    if (q.category) qb.andWhere('n.category = :category', { category: q.category })
    if (q.q) qb.andWhere("(n.title LIKE :q ESCAPE '!' OR n.body LIKE :q ESCAPE '!')", { q: likePattern(q.q) })
    if (q.unread) qb.andWhere('r.id IS NULL')
    return this.page(a.villageId, qb, q.page, q.pageSize)
  }

  async manage(a: ActingContext, q: ManageQuery): Promise<NoticePage> {
    const v = await this.viewer(a)
    const qb = this.ds
      .getRepository(PublicNotice)
      .createQueryBuilder('n')
      .where('n.villageId = :villageId', { villageId: a.villageId })
    this.joinRead(qb, v.accountId)
    if (q.category) qb.andWhere('n.category = :category', { category: q.category })
    if (q.q) qb.andWhere("(n.title LIKE :q ESCAPE '!' OR n.body LIKE :q ESCAPE '!')", { q: likePattern(q.q) })
    const today = beijingDate(new Date())
    if (q.state === 'published') qb.andWhere("n.state = 'published' AND n.periodEnd >= :today", { today })
    else if (q.state === 'ended')
      qb.andWhere("(n.state = 'ended' OR (n.state = 'published' AND n.periodEnd < :today))", { today })
    else if (q.state) qb.andWhere('n.state = :state', { state: q.state })
    return this.page(a.villageId, qb, q.page, q.pageSize)
  }

  async unreadCounts(a: ActingContext): Promise<NoticeUnreadCounts> {
    const v = await this.viewer(a)
    const rows: { category: NoticeCategory; c: string | number }[] = await this.visible(a.villageId, v)
      .andWhere('r.id IS NULL')
      .select('n.category', 'category')
      .addSelect('COUNT(*)', 'c')
      .groupBy('n.category')
      .getRawMany()
    const byCategory = Object.fromEntries(NOTICE_CATEGORIES.map((c) => [c, 0])) as Record<
      NoticeCategory,
      number
    >
    for (const r of rows) byCategory[r.category] = Number(r.c)
    return { total: Object.values(byCategory).reduce((s, x) => s + x, 0), byCategory }
  }

  /** One notice; opening it marks its current version read for the caller. */
  async detail(a: ActingContext, id: number): Promise<NoticeView> {
    const v = await this.viewer(a)
    const n = await this.find(this.ds.manager, a.villageId, id)
    if (!PUBLISHED_STATES.includes(n.state) && !manages(v)) throw new AppException('NOT_FOUND')
    if (n.version > 0)
      await this.ds
        .createQueryBuilder()
        .insert()
        .into(NoticeRead)
        .values({ noticeId: n.id, accountId: v.accountId, version: n.version, readAt: new Date() })
        .orIgnore()
        .execute()
    return this.view(n, v, a.principal)
  }

  /** The share URL: anyone, no login, published notices only, with every version and its hash. */
  async publicView(id: number): Promise<PublicNoticeView> {
    const n = await this.ds.getRepository(PublicNotice).findOneBy({ id })
    if (!n || !PUBLISHED_STATES.includes(n.state)) throw new AppException('NOT_FOUND')
    const village = await this.ds.getRepository(Org).findOneBy({ id: n.villageId })
    const objectionCount = await this.ds.getRepository(NoticeObjection).countBy({ noticeId: n.id })
    const versions = await this.versionViews(n.id)
    return {
      id: n.id,
      villageName: village?.name ?? '',
      category: n.category,
      // the latest version's title, as hashed, not the row's copy
      title: versions[0]?.title ?? n.title,
      state: effectiveNoticeState(n.state, n.periodEnd, new Date()),
      periodStart: n.periodStart,
      periodEnd: n.periodEnd,
      publishedAt: n.publishedAt!.toISOString(),
      supervisionOpinion: n.supervisionOpinion,
      versions,
      objectionCount,
    }
  }

  /** The notices of a deliberation, as its detail shows them. */
  async forDeliberation(deliberationId: number): Promise<PublicNoticeSummary[]> {
    const rows = await asPublished(
      this.ds.manager,
      await this.ds.getRepository(PublicNotice).find({ where: { deliberationId }, order: { id: 'ASC' } }),
    )
    return rows
      .filter((n) => n.category === 'resolution' || n.category === 'implementation')
      .map((n) => ({
        id: n.id,
        category: n.category as 'resolution' | 'implementation',
        title: n.title,
        body: n.body,
        resolutionNoticeId: n.resolutionNoticeId,
        publishedAt: (n.publishedAt ?? n.createdAt).toISOString(),
        supervisionOpinion: n.supervisionOpinion,
        supervisionAt: iso(n.supervisionAt),
      }))
  }

  // ---------- objections ----------

  async object(a: ActingContext, id: number, body: ObjectionCreate): Promise<ObjectionView> {
    const village = await this.village(this.ds.manager, a.villageId)
    const name = await this.callerName(a)
    const oid = await this.tx.run(async (m) => {
      const n = await this.find(m, a.villageId, id)
      const now = new Date()
      const allowed = canObject(
        {
          state: effectiveNoticeState(n.state, n.periodEnd, now),
          period: n.periodStart && n.periodEnd ? { start: n.periodStart, end: n.periodEnd } : null,
        },
        now,
      )
      if (!allowed.ok) throw new AppException(allowed.code)
      const o = await m.getRepository(NoticeObjection).save({
        noticeId: n.id,
        villageId: n.villageId,
        objectorAccountId: a.principal.accountId,
        objectorName: name,
        text: body.text,
        photoIds: body.photoIds,
        state: 'submitted' as const,
        submittedAt: now,
        dueAt: objectionDueAt(now, this.replyDays(village)),
        answer: null,
        answerPhotoIds: null,
        answeredAt: null,
        answeredByAccountId: null,
        answeredByName: null,
        acceptedAt: null,
        escalationReason: null,
        escalatedAt: null,
        townshipAnswer: null,
        townshipAnsweredAt: null,
        townshipAnsweredByName: null,
      })
      const attached = await this.files.attach(
        m,
        body.photoIds,
        { villageId: a.villageId, accountId: a.principal.accountId },
        { type: FILES_OF_OBJECTION, id: o.id },
      )
      if (!attached) throw new AppException('OBJECTION_PHOTO_INVALID')
      await this.audit.append(m, {
        actor: a.actor,
        action: 'notice.objection_submitted',
        orgId: a.villageId,
        targetType: 'notice_objection',
        targetId: o.id,
        after: { noticeId: n.id, state: o.state, dueAt: o.dueAt },
      })
      await this.notify.notify(m, {
        accountIds: await accountsHolding(m, a.villageId, COMMITTEE_ROLES),
        orgId: a.villageId,
        kind: 'notice.objection',
        title: '公告收到异议，请在期限内答复',
        body: n.title,
        link: noticePage('committee', n.id),
      })
      return o.id
    })
    return this.objectionView(a, oid)
  }

  async objectionsOf(a: ActingContext, id: number): Promise<ObjectionView[]> {
    const v = await this.viewer(a)
    const n = await this.find(this.ds.manager, a.villageId, id)
    if (!PUBLISHED_STATES.includes(n.state) && !manages(v)) throw new AppException('NOT_FOUND')
    const rows = await this.ds.getRepository(NoticeObjection).find({
      where: oversees(v) ? { noticeId: n.id } : { noticeId: n.id, objectorAccountId: v.accountId },
      order: { id: 'DESC' },
      take: 200,
    })
    return this.objectionViews(rows, v)
  }

  async objectionQueue(a: ActingContext, q: ObjectionQueueQuery): Promise<ObjectionPage> {
    const v = await this.viewer(a)
    const qb = this.ds
      .getRepository(NoticeObjection)
      .createQueryBuilder('o')
      .where('o.villageId = :villageId', { villageId: a.villageId })
    if (q.state) qb.andWhere('o.state = :state', { state: q.state })
    if (q.overdue !== undefined)
      qb.andWhere(
        q.overdue
          ? "o.state = 'submitted' AND o.dueAt < :now"
          : "NOT (o.state = 'submitted' AND o.dueAt < :now)",
        {
          now: new Date(),
        },
      )
    const [rows, total] = await qb
      .orderBy('o.dueAt', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount()
    return { items: await this.objectionViews(rows, v), total, page: q.page, pageSize: q.pageSize }
  }

  /** 我的异议: the caller's own objections in this village, newest first, with each answer. */
  async myObjections(a: ActingContext, q: ObjectionQueueQuery): Promise<ObjectionPage> {
    const v = await this.viewer(a)
    const qb = this.ds
      .getRepository(NoticeObjection)
      .createQueryBuilder('o')
      .where('o.villageId = :villageId AND o.objectorAccountId = :me', {
        villageId: a.villageId,
        me: a.principal.accountId,
      })
    if (q.state) qb.andWhere('o.state = :state', { state: q.state })
    const page = q.page ?? 1
    const pageSize = q.pageSize ?? 20
    const [rows, total] = await qb
      .orderBy('o.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount()
    return { items: await this.objectionViews(rows, v), total, page, pageSize }
  }

  /** The committee answers. Only a committee member or the party secretary may (NOTICE_REPLY_NOT_ALLOWED). */
  async answer(a: ActingContext, oid: number, body: ObjectionAnswer): Promise<ObjectionView> {
    if (!hasRoleIn(a.principal, a.villageId, COMMITTEE_ROLES))
      throw new AppException('NOTICE_REPLY_NOT_ALLOWED')
    await this.tx.run(async (m) => {
      const o = await this.findObjection(m, a.villageId, oid, true)
      const t = transitionObjection(o.state, 'answer', this.objectionContext(o))
      if (!t.ok) throw new AppException(t.code)
      const before = { state: o.state }
      Object.assign(o, {
        state: t.next,
        answer: body.text,
        answerPhotoIds: body.photoIds,
        answeredAt: new Date(),
        answeredByAccountId: a.principal.accountId,
        answeredByName: Array.from(a.principal.displayName).slice(0, 30).join(''),
      })
      await m.getRepository(NoticeObjection).save(o)
      const attached = await this.files.attach(
        m,
        body.photoIds,
        { villageId: a.villageId, accountId: a.principal.accountId },
        { type: FILES_OF_OBJECTION, id: o.id },
      )
      if (!attached) throw new AppException('OBJECTION_PHOTO_INVALID')
      await this.audit.append(m, {
        actor: a.actor,
        action: 'notice.objection_answered',
        orgId: a.villageId,
        targetType: 'notice_objection',
        targetId: o.id,
        before,
        after: { state: o.state, answer: body.text },
      })
      await this.notify.notify(m, {
        accountIds: [o.objectorAccountId],
        orgId: a.villageId,
        kind: 'notice.objection_answered',
        title: '您对公告提出的异议有了答复',
        body: excerpt(body.text, 40),
        link: noticePage('resident', o.noticeId),
      })
    })
    return this.objectionView(a, oid)
  }

  async accept(a: ActingContext, oid: number): Promise<ObjectionView> {
    return this.objectorMove(a, oid, 'accept', null)
  }

  async escalate(a: ActingContext, oid: number, reason: string): Promise<ObjectionView> {
    return this.objectorMove(a, oid, 'escalate', reason)
  }

  private async objectorMove(
    a: ActingContext,
    oid: number,
    event: 'accept' | 'escalate',
    reason: string | null,
  ): Promise<ObjectionView> {
    const village = await this.village(this.ds.manager, a.villageId)
    await this.tx.run(async (m) => {
      const o = await this.findObjection(m, a.villageId, oid, true)
      if (o.objectorAccountId !== a.principal.accountId) throw new AppException('OBJECTION_NOT_YOURS')
      const t = transitionObjection(o.state, event, this.objectionContext(o))
      if (!t.ok) throw new AppException(t.code)
      const before = { state: o.state }
      const now = new Date()
      o.state = t.next
      if (event === 'accept') o.acceptedAt = now
      else {
        o.escalationReason = reason
        o.escalatedAt = now
      }
      await m.getRepository(NoticeObjection).save(o)
      await this.audit.append(m, {
        actor: a.actor,
        action: event === 'accept' ? 'notice.objection_accepted' : 'notice.objection_escalated',
        orgId: a.villageId,
        targetType: 'notice_objection',
        targetId: o.id,
        before,
        after: { state: o.state, reason },
      })
      if (event === 'escalate' && village.parentId !== null)
        await this.notify.notify(m, {
          accountIds: await accountsHolding(m, village.parentId, ['township_official']),
          orgId: village.parentId,
          kind: 'notice.objection_escalated',
          title: `${village.name}有村民对公告的答复不满意，反映到乡镇`,
          body: excerpt(reason ?? '', 40),
          link: noticePage('township', o.noticeId),
        })
    })
    return this.objectionView(a, oid)
  }

  // ---------- acknowledgements ----------

  async acknowledge(a: ActingContext, id: number): Promise<NoticeAckResult> {
    const residentId = a.principal.residentIn.get(a.villageId)
    const resident = residentId ? await this.ds.getRepository(Resident).findOneBy({ id: residentId }) : null
    if (!resident) throw new AppException('NOTICE_NO_HOUSEHOLD')
    const household = await this.ds.getRepository(Household).findOneBy({ id: resident.householdId })
    if (!household) throw new AppException('NOTICE_NO_HOUSEHOLD')
    const at = new Date()
    try {
      await this.tx.run(async (m) => {
        const n = await this.find(m, a.villageId, id)
        if (!PUBLISHED_STATES.includes(n.state)) throw new AppException('NOTICE_NOT_PUBLISHED')
        if (!n.requiresAck) throw new AppException('NOTICE_ACK_NOT_REQUESTED')
        if (n.audienceGroupId !== null && household.groupId !== n.audienceGroupId)
          throw new AppException('NOTICE_NOT_IN_AUDIENCE')
        const ack = await m.getRepository(NoticeAck).save({
          noticeId: n.id,
          householdId: household.id,
          residentId: resident.id,
          accountId: a.principal.accountId,
          residentName: resident.name,
          at,
        })
        await this.audit.append(m, {
          actor: a.actor,
          action: 'notice.acknowledged',
          orgId: a.villageId,
          targetType: 'notice_ack',
          targetId: ack.id,
          after: { noticeId: n.id, householdId: household.id },
        })
      })
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppException('NOTICE_ALREADY_ACKNOWLEDGED')
      throw e
    }
    return { acknowledged: true, householdId: household.id, at: at.toISOString() }
  }

  async ackReport(a: ActingContext, id: number): Promise<NoticeAckReport> {
    const n = await this.find(this.ds.manager, a.villageId, id)
    if (!n.requiresAck) throw new AppException('NOTICE_ACK_NOT_REQUESTED')
    const households = await this.ds.getRepository(Household).find({
      where:
        n.audienceGroupId !== null
          ? { villageId: n.villageId, groupId: n.audienceGroupId }
          : { villageId: n.villageId },
      order: { code: 'ASC' },
    })
    const heads = await this.namesOf(
      households.map((h) => h.headResidentId).filter((x): x is number => x !== null),
    )
    const acks = await this.ds
      .getRepository(NoticeAck)
      .find({ where: { noticeId: n.id }, order: { at: 'ASC' } })
    const acked = new Map(acks.map((x) => [x.householdId, x]))
    const byId = new Map(households.map((h) => [h.id, h]))
    const row = (h: Household) => ({
      householdId: h.id,
      householdCode: h.code,
      headName: h.headResidentId !== null ? (heads.get(h.headResidentId) ?? null) : null,
    })
    return {
      totalHouseholds: households.length,
      acknowledged: acks
        .filter((x) => byId.has(x.householdId))
        .map((x) => ({ ...row(byId.get(x.householdId)!), byName: x.residentName, at: x.at.toISOString() })),
      missing: households.filter((h) => !acked.has(h.id)).map(row),
    }
  }

  // ---------- the calendar (Art 30) ----------

  async settings(villageId: number): Promise<NoticeSettings> {
    const row = await this.ds.getRepository(NoticeSettingsRow).findOneBy({ villageId })
    if (row)
      return {
        financeCadence: row.financeCadence,
        graceDays: row.graceDays,
        majorDays: row.majorDays,
        calendarFrom: row.calendarFrom,
      }
    const village = await this.village(this.ds.manager, villageId)
    // from the quarter the village joined: no obligations before it used the app
    const joined = periodBounds(quarterOf(beijingDate(village.createdAt)))!.start
    return { ...DEFAULT_CALENDAR_SETTINGS, calendarFrom: joined }
  }

  async updateSettings(a: ActingContext, body: NoticeSettingsRequest): Promise<NoticeSettings> {
    await this.tx.run(async (m) => {
      const before = await this.settings(a.villageId)
      const row = { villageId: a.villageId, ...body, calendarFrom: body.calendarFrom ?? before.calendarFrom }
      await m.getRepository(NoticeSettingsRow).upsert(row, ['villageId'])
      await this.audit.append(m, {
        actor: a.actor,
        action: 'notice.settings_changed',
        orgId: a.villageId,
        targetType: 'notice_settings',
        targetId: a.villageId,
        before,
        after: row,
      })
    })
    return this.settings(a.villageId)
  }

  async calendar(villageId: number, now = new Date()): Promise<VillageNoticeCalendar> {
    const village = await this.village(this.ds.manager, villageId)
    const settings = await this.settings(villageId)
    const published = await this.ds.getRepository(PublicNotice).find({
      where: { villageId, state: In(PUBLISHED_STATES), category: In(['village', 'finance']) },
      select: ['id', 'category', 'publishedAt', 'coversPeriod'],
    })
    const pending = await this.ds.getRepository(PublicNotice).find({
      where: { villageId, state: In(DRAFT_STATES), major: true },
      select: ['id', 'title', 'createdAt'],
    })
    const items = computeCalendar({
      settings,
      from: settings.calendarFrom,
      now,
      publications: published
        .filter((n) => n.publishedAt)
        .map((n) => ({
          noticeId: n.id,
          category: n.category,
          publishedAt: n.publishedAt!,
          coversPeriod: n.coversPeriod,
        })),
      pendingMajors: pending.map((n) => ({ noticeId: n.id, title: n.title, createdAt: n.createdAt })),
    })
    return { villageId, villageName: village.name, settings, items, ...summariseCalendar(items) }
  }

  // ---------- township ----------

  async townshipCalendar(t: TownshipContext): Promise<TownshipNoticeCalendar> {
    const villages = await this.villagesOf(t.townshipId)
    const now = new Date()
    const counts = await this.overdueCounts(
      villages.map((v) => v.id),
      now,
    )
    const out: TownshipNoticeCalendar['villages'] = []
    for (const v of villages)
      out.push({ ...(await this.calendar(v.id, now)), overdueObjections: counts.get(v.id) ?? 0 })
    return { townshipId: t.townshipId, villages: out }
  }

  async townshipObjections(t: TownshipContext, q: TownshipObjectionQuery): Promise<ObjectionPage> {
    const villages = await this.villagesOf(t.townshipId)
    const ids = villages.map((v) => v.id).filter((id) => q.villageId === undefined || id === q.villageId)
    if (ids.length === 0) return { items: [], total: 0, page: q.page, pageSize: q.pageSize }
    const now = new Date()
    const overdue = "(o.state = 'submitted' AND o.dueAt < :now)"
    const escalated = "o.state = 'escalated'"
    const scope =
      q.scope === 'overdue' ? overdue : q.scope === 'escalated' ? escalated : `(${overdue} OR ${escalated})`
    const [rows, total] = await this.ds
      .getRepository(NoticeObjection)
      .createQueryBuilder('o')
      .where('o.villageId IN (:...ids)', { ids })
      .andWhere(scope, { now })
      .orderBy('o.dueAt', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount()
    const v: Viewer = {
      accountId: t.principal.accountId,
      isCommittee: false,
      isSupervisor: false,
      isTownship: true,
      groupId: null,
    }
    return { items: await this.objectionViews(rows, v), total, page: q.page, pageSize: q.pageSize }
  }

  async townshipAnswer(t: TownshipContext, oid: number, body: ObjectionAnswer): Promise<ObjectionView> {
    const villages = await this.villagesOf(t.townshipId)
    await this.tx.run(async (m) => {
      const o = await m.getRepository(NoticeObjection).findOneBy({ id: oid })
      const village = villages.find((v) => v.id === o?.villageId)
      if (!o || !village) throw new AppException('NOT_FOUND')
      const t2 = transitionObjection(o.state, 'township_answer', this.objectionContext(o))
      if (!t2.ok) throw new AppException(t2.code)
      const before = { state: o.state }
      Object.assign(o, {
        state: t2.next,
        townshipAnswer: body.text,
        townshipAnsweredAt: new Date(),
        townshipAnsweredByName: Array.from(t.principal.displayName).slice(0, 30).join(''),
      })
      await m.getRepository(NoticeObjection).save(o)
      await this.audit.append(m, {
        actor: t.actor,
        action: 'notice.objection_township_answered',
        orgId: o.villageId,
        targetType: 'notice_objection',
        targetId: o.id,
        before,
        after: { state: o.state, answer: body.text },
      })
      await this.notify.notify(m, {
        accountIds: [o.objectorAccountId, ...(await accountsHolding(m, o.villageId, COMMITTEE_ROLES))],
        orgId: o.villageId,
        kind: 'notice.objection_township_answered',
        title: '乡镇（街道）答复了对公告的异议',
        body: excerpt(body.text, 40),
        link: noticePage('resident', o.noticeId),
      })
    })
    const o = await this.ds.getRepository(NoticeObjection).findOneByOrFail({ id: oid })
    return (
      await this.objectionViews([o], {
        accountId: t.principal.accountId,
        isCommittee: false,
        isSupervisor: false,
        isTownship: true,
        groupId: null,
      })
    )[0]!
  }

  async townshipIntegrity(t: TownshipContext): Promise<NoticeIntegrityReport> {
    const villages = await this.villagesOf(t.townshipId)
    const report = await this.checkVersions(villages.map((v) => v.id))
    return {
      ok: report.mismatches.length === 0,
      checkedVersions: report.checked,
      mismatches: report.mismatches.map(({ noticeId, version, villageId, code }) => ({
        noticeId,
        version,
        villageId,
        code,
      })),
    }
  }

  // ---------- integrity ----------

  /**
   * Re-hashes every published version from its row and compares it with the hash the audit chain
   * recorded when it was published. The row's own contentHash column is checked too, but the chain is
   * what an altered row cannot follow: its entries are linked and verified by AuditService.verify.
   */
  checkVersions(villageIds: number[] | null): ReturnType<typeof checkNoticeVersions> {
    return checkNoticeVersions(this.ds.manager, villageIds)
  }

  private hashOf(v: Pick<NoticeVersion, 'title' | 'body' | 'lines' | 'totals' | 'attachments'>): string {
    return noticeContentHash(v)
  }

  private async writeVersion(
    m: EntityManager,
    n: PublicNotice,
    reason: string | null,
    actor: Actor,
    at: Date,
  ): Promise<NoticeVersion> {
    const ids = n.attachmentIds ?? []
    const files = ids.length ? await m.getRepository(StoredFile).findBy({ id: In(ids) }) : []
    const attachments = ids
      .map((id) => files.find((f) => f.id === id))
      .filter((f): f is StoredFile => f !== undefined)
      .map((f) => ({ fileId: f.id, sha256: f.sha256 }))
    const content = { title: n.title, body: n.body, lines: n.lines, totals: n.totals, attachments }
    const contentHash = this.hashOf(content)
    const saved = await m.getRepository(NoticeVersion).save({
      noticeId: n.id,
      villageId: n.villageId,
      version: n.version,
      ...content,
      reason,
      contentHash,
      createdByAccountId: actor.accountId,
      createdByName: actor.name ? Array.from(actor.name).slice(0, 30).join('') : null,
      createdAt: at,
    })
    // recorded as stored: MySQL keeps whole seconds of a datetime, and the verifier reads it back
    const v = await m.getRepository(NoticeVersion).findOneByOrFail({ id: saved.id })
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

  // ---------- helpers ----------

  private content(body: {
    title: string
    body: string
    lines: FinanceLine[]
    totals: FinanceTotals | null
    attachmentIds: number[]
  }): Content {
    return {
      title: body.title,
      body: body.body,
      lines: body.lines,
      totals: body.totals,
      attachmentIds: body.attachmentIds,
    }
  }

  private columns(c: Content) {
    return {
      title: c.title,
      body: c.body,
      lines: c.lines.length ? c.lines : null,
      totals: c.totals,
      attachmentIds: c.attachmentIds,
    }
  }

  private checkContent(category: NoticeCategory, c: Content, coversPeriod: string | null): void {
    if (category === 'finance') {
      if (c.lines.length === 0 || !c.totals) throw new AppException('NOTICE_FINANCE_LINES_REQUIRED')
      const totals = checkFinanceTotals(c.lines, c.totals)
      if (!totals.ok) throw new AppException(totals.code, undefined, totals.reason)
      if (!coversPeriod) throw new AppException('NOTICE_COVERS_PERIOD_REQUIRED')
    } else if (c.lines.length > 0 || c.totals) throw new AppException('NOTICE_LINES_NOT_FINANCE')
  }

  private async checkDraft(m: EntityManager, village: Org, body: NoticeDraft, c: Content): Promise<void> {
    this.checkContent(body.category, c, body.coversPeriod)
    if (body.periodStart && body.periodEnd) {
      const p = checkPeriod({ start: body.periodStart, end: body.periodEnd })
      if (!p.ok) throw new AppException(p.code)
    }
    if (body.audience.kind === 'group') {
      const group = await m.getRepository(Org).findOneBy({ id: body.audience.groupId })
      if (!group || group.kind !== 'group' || group.parentId !== village.id)
        throw new AppException('NOTICE_AUDIENCE_INVALID')
    }
  }

  /** The period a publication gets: what was asked, else from today for the category's days (at least the village's). */
  private periodFor(
    n: PublicNotice,
    village: Org,
    body: NoticePublishRequest,
  ): { start: string; end: string } {
    const today = beijingDate(new Date())
    const start = body.periodStart ?? n.periodStart ?? today
    const days = Math.max(
      NOTICE_CATEGORY_DEFAULT_DAYS[n.category],
      village.settings?.publicity.defaultDays ?? 0,
    )
    const end = body.periodEnd ?? (body.periodStart ? null : n.periodEnd) ?? defaultPeriod(start, days).end
    const p = checkPeriod({ start, end })
    if (!p.ok) throw new AppException(p.code)
    if (end < today)
      throw new AppException('NOTICE_PERIOD_INVALID', undefined, '公示期已经过去了，请重新选择日期')
    return { start, end }
  }

  private move(n: PublicNotice, event: NoticeEvent, village: Org): NoticeState {
    const t = transitionNotice(n.state, event, {
      reviewRequired: village.settings?.publicity.supervisionReview ?? false,
    })
    if (!t.ok) throw new AppException(t.code)
    return t.next
  }

  /** Files already on this notice may stay; new ones must be the caller's own unattached uploads. */
  private async attachFiles(
    m: EntityManager,
    a: ActingContext,
    noticeId: number,
    ids: number[],
  ): Promise<void> {
    if (ids.length === 0) return
    const onNotice = await m
      .getRepository(StoredFile)
      .findBy({ id: In(ids), attachedType: FILES_OF_NOTICE, attachedId: noticeId })
    const fresh = ids.filter((id) => !onNotice.some((f) => f.id === id))
    const ok = await this.files.attach(
      m,
      fresh,
      { villageId: a.villageId, accountId: a.principal.accountId },
      { type: FILES_OF_NOTICE, id: noticeId },
    )
    if (!ok) throw new AppException('NOTICE_ATTACHMENT_INVALID')
  }

  private async find(m: EntityManager, villageId: number, id: number, lock = false): Promise<PublicNotice> {
    const qb = m
      .getRepository(PublicNotice)
      .createQueryBuilder('n')
      .where('n.id = :id AND n.villageId = :villageId', { id, villageId })
    if (lock && m.connection.options.type !== 'better-sqlite3') qb.setLock('pessimistic_write')
    const n = await qb.getOne()
    if (!n) throw new AppException('NOT_FOUND')
    return n
  }

  private async findObjection(
    m: EntityManager,
    villageId: number,
    id: number,
    lock = false,
  ): Promise<NoticeObjection> {
    const qb = m
      .getRepository(NoticeObjection)
      .createQueryBuilder('o')
      .where('o.id = :id AND o.villageId = :villageId', { id, villageId })
    if (lock && m.connection.options.type !== 'better-sqlite3') qb.setLock('pessimistic_write')
    const o = await qb.getOne()
    if (!o) throw new AppException('NOT_FOUND')
    return o
  }

  private async village(m: EntityManager, villageId: number): Promise<Org> {
    const org = await m.getRepository(Org).findOneBy({ id: villageId })
    if (!org?.settings) throw new AppException('ORG_NOT_A_VILLAGE')
    return org
  }

  private replyDays(village: Org): number {
    return (village.settings as VillageSettings | null)?.publicity.objectionReplyDays ?? 15
  }

  /** Overdue against the limit fixed when it was submitted (a later change of the setting does not move it). */
  private objectionContext(o: NoticeObjection) {
    return { overdue: o.state === 'submitted' && o.dueAt.getTime() < Date.now() }
  }

  private async villagesOf(townshipId: number): Promise<Org[]> {
    return this.ds
      .getRepository(Org)
      .find({ where: { parentId: townshipId, kind: In(['village', 'community']) }, order: { id: 'ASC' } })
  }

  private async overdueCounts(villageIds: number[], now: Date): Promise<Map<number, number>> {
    if (villageIds.length === 0) return new Map()
    const rows: { villageId: number; c: string | number }[] = await this.ds
      .getRepository(NoticeObjection)
      .createQueryBuilder('o')
      .select('o.villageId', 'villageId')
      .addSelect('COUNT(*)', 'c')
      .where('o.villageId IN (:...villageIds)', { villageIds })
      .andWhere("o.state = 'submitted' AND o.dueAt < :now", { now })
      .groupBy('o.villageId')
      .getRawMany()
    return new Map(rows.map((r) => [Number(r.villageId), Number(r.c)]))
  }

  private async viewer(a: ActingContext): Promise<Viewer> {
    const p = a.principal
    const residentId = p.residentIn.get(a.villageId)
    let groupId: number | null = null
    if (residentId) {
      const r = await this.ds.getRepository(Resident).findOneBy({ id: residentId })
      const h = r ? await this.ds.getRepository(Household).findOneBy({ id: r.householdId }) : null
      groupId = h?.groupId ?? null
    }
    return {
      accountId: p.accountId,
      isCommittee: hasRoleIn(p, a.villageId, COMMITTEE_ROLES) !== null,
      isSupervisor: hasRoleIn(p, a.villageId, ['supervisor']) !== null,
      isTownship: a.role === 'township_official',
      groupId,
    }
  }

  private async callerName(a: ActingContext): Promise<string> {
    const residentId = a.principal.residentIn.get(a.villageId)
    const r = residentId ? await this.ds.getRepository(Resident).findOneBy({ id: residentId }) : null
    return Array.from(r?.name ?? a.principal.displayName)
      .slice(0, 30)
      .join('')
  }

  private joinRead(
    qb: SelectQueryBuilder<PublicNotice>,
    accountId: number,
  ): SelectQueryBuilder<PublicNotice> {
    return qb.leftJoin(NoticeRead, 'r', 'r.noticeId = n.id AND r.accountId = :me AND r.version = n.version', {
      me: accountId,
    })
  }

  /** Published notices the viewer's feed shows: a group's notices only to that group, unless they oversee. */
  private visible(villageId: number, v: Viewer): SelectQueryBuilder<PublicNotice> {
    const qb = this.ds
      .getRepository(PublicNotice)
      .createQueryBuilder('n')
      .where('n.villageId = :villageId', { villageId })
      .andWhere('n.state IN (:...published)', { published: PUBLISHED_STATES })
    if (!oversees(v))
      qb.andWhere('(n.audienceGroupId IS NULL OR n.audienceGroupId = :group)', { group: v.groupId ?? -1 })
    return this.joinRead(qb, v.accountId)
  }

  private async page(
    villageId: number,
    qb: SelectQueryBuilder<PublicNotice>,
    page: number,
    pageSize: number,
  ): Promise<NoticePage> {
    const total = await qb.clone().getCount()
    const raw: { id: number | string; readId: number | string | null }[] = await qb
      .clone()
      .select('n.id', 'id')
      .addSelect('r.id', 'readId')
      .orderBy('n.pinned', 'DESC')
      .addOrderBy('n.publishedAt', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getRawMany()
    const ids = raw.map((r) => Number(r.id))
    const rows = ids.length
      ? await asPublished(this.ds.manager, await this.ds.getRepository(PublicNotice).findBy({ id: In(ids) }))
      : []
    const counts = await this.objectionCounts(ids)
    const village = await this.ds.getRepository(Org).findOneBy({ id: villageId })
    const items = raw.map((r) => {
      const n = rows.find((x) => x.id === Number(r.id))!
      return this.summary(n, village?.name ?? '', r.readId === null, counts.get(n.id) ?? 0)
    })
    return { items, total, page, pageSize }
  }

  private async objectionCounts(ids: number[]): Promise<Map<number, number>> {
    if (ids.length === 0) return new Map()
    const rows: { noticeId: number; c: string | number }[] = await this.ds
      .getRepository(NoticeObjection)
      .createQueryBuilder('o')
      .select('o.noticeId', 'noticeId')
      .addSelect('COUNT(*)', 'c')
      .where('o.noticeId IN (:...ids)', { ids })
      .groupBy('o.noticeId')
      .getRawMany()
    return new Map(rows.map((r) => [Number(r.noticeId), Number(r.c)]))
  }

  private summary(
    n: PublicNotice,
    villageName: string,
    unread: boolean,
    objectionCount: number,
  ): NoticeSummary {
    const audience: NoticeAudience =
      n.audienceGroupId !== null ? { kind: 'group', groupId: n.audienceGroupId } : { kind: 'village' }
    return {
      id: n.id,
      villageId: n.villageId,
      villageName,
      category: n.category,
      title: n.title,
      excerpt: excerpt(n.body, 60),
      state: effectiveNoticeState(n.state, n.periodEnd, new Date()),
      pinned: n.pinned,
      periodStart: n.periodStart,
      periodEnd: n.periodEnd,
      publishedAt: iso(n.publishedAt),
      version: n.version,
      unread: n.version > 0 && unread,
      requiresAck: n.requiresAck,
      major: n.major,
      coversPeriod: n.coversPeriod,
      audience,
      objectionCount,
      deliberationId: n.deliberationId,
    }
  }

  private async view(row: PublicNotice, v: Viewer, p: Principal): Promise<NoticeView> {
    const [n] = (await asPublished(this.ds.manager, [row])) as [PublicNotice]
    const village = await this.ds.getRepository(Org).findOneByOrFail({ id: n.villageId })
    const counts = await this.objectionCounts([n.id])
    const now = new Date()
    const state = effectiveNoticeState(n.state, n.periodEnd, now)
    const objectable = canObject(
      { state, period: n.periodStart && n.periodEnd ? { start: n.periodStart, end: n.periodEnd } : null },
      now,
    ).ok
    const residentId = p.residentIn.get(n.villageId)
    const resident = residentId ? await this.ds.getRepository(Resident).findOneBy({ id: residentId }) : null
    const acked = resident
      ? (await this.ds
          .getRepository(NoticeAck)
          .countBy({ noticeId: n.id, householdId: resident.householdId })) > 0
      : false
    const ctx = { reviewRequired: village.settings?.publicity.supervisionReview ?? false }
    const can = (e: NoticeEvent) => transitionNotice(n.state, e, ctx).ok
    const actions: NoticeView['actions'] = []
    if (v.isCommittee) {
      if (can('edit')) actions.push('edit')
      if (can('submit')) actions.push('submit')
      if (can('publish')) actions.push('publish')
      if (PUBLISHED_STATES.includes(n.state)) actions.push('pin', 'correct')
    }
    if (v.isSupervisor) {
      if (n.state === 'in_review') actions.push('review')
      if (PUBLISHED_STATES.includes(n.state) && n.supervisionOpinion === null) actions.push('opinion')
    }
    if (!v.isTownship && objectable) actions.push('object')
    if (!v.isTownship && n.requiresAck && PUBLISHED_STATES.includes(n.state) && resident && !acked)
      actions.push('ack')
    const isPublished = PUBLISHED_STATES.includes(n.state)
    return {
      ...this.summary(n, village.name, false, counts.get(n.id) ?? 0),
      body: n.body,
      lines: n.lines ?? [],
      totals: n.totals,
      attachments: await this.attachmentViews(n.attachmentIds ?? []),
      versions: isPublished ? await this.versionViews(n.id) : [],
      resolutionNoticeId: n.resolutionNoticeId,
      supervisionOpinion: n.supervisionOpinion,
      supervisionAt: iso(n.supervisionAt),
      returnReason: n.returnReason,
      objectionsOpen: objectable,
      acknowledgedByMyHousehold: acked,
      actions,
      createdAt: n.createdAt.toISOString(),
      publicPath: isPublished ? `/api/public/notices/${n.id}` : null,
    }
  }

  private async attachmentViews(
    ids: number[],
    hashes?: Map<number, string>,
  ): Promise<NoticeAttachmentView[]> {
    if (ids.length === 0) return []
    const files = await this.ds.getRepository(StoredFile).findBy({ id: In(ids) })
    return ids
      .map((id) => files.find((f) => f.id === id))
      .filter((f): f is StoredFile => f !== undefined)
      .map((f) => ({
        fileId: f.id,
        url: this.files.signedUrl(f.id),
        mime: f.mime,
        size: f.size,
        name: null,
        sha256: hashes?.get(f.id) ?? f.sha256,
      }))
  }

  private async versionViews(noticeId: number): Promise<NoticeVersionView[]> {
    const versions = await this.ds
      .getRepository(NoticeVersion)
      .find({ where: { noticeId }, order: { version: 'DESC' } })
    const out: NoticeVersionView[] = []
    for (const v of versions) {
      const atts = v.attachments ?? []
      out.push({
        version: v.version,
        title: v.title,
        body: v.body,
        lines: v.lines ?? [],
        totals: v.totals,
        attachments: await this.attachmentViews(
          atts.map((x) => x.fileId),
          new Map(atts.map((x) => [x.fileId, x.sha256])),
        ),
        reason: v.reason,
        contentHash: v.contentHash,
        createdAt: v.createdAt.toISOString(),
        createdByName: v.createdByName,
      })
    }
    return out
  }

  private async objectionView(a: ActingContext, oid: number): Promise<ObjectionView> {
    const o = await this.findObjection(this.ds.manager, a.villageId, oid)
    return (await this.objectionViews([o], await this.viewer(a)))[0]!
  }

  private async objectionViews(rows: NoticeObjection[], v: Viewer): Promise<ObjectionView[]> {
    if (rows.length === 0) return []
    const notices = await this.ds
      .getRepository(PublicNotice)
      .findBy({ id: In([...new Set(rows.map((o) => o.noticeId))]) })
    const villages = await this.ds
      .getRepository(Org)
      .findBy({ id: In([...new Set(rows.map((o) => o.villageId))]) })
    const now = new Date()
    return Promise.all(
      rows.map(async (o) => {
        const village = villages.find((x) => x.id === o.villageId)
        const mine = o.objectorAccountId === v.accountId
        return {
          id: o.id,
          noticeId: o.noticeId,
          noticeTitle: notices.find((n) => n.id === o.noticeId)?.title ?? '',
          villageId: o.villageId,
          villageName: village?.name ?? '',
          objectorName: mine || oversees(v) ? o.objectorName : maskName(o.objectorName),
          mine,
          text: o.text,
          photoUrls: (o.photoIds ?? []).map((id) => this.files.signedUrl(id)),
          state: o.state,
          submittedAt: o.submittedAt.toISOString(),
          dueAt: o.dueAt.toISOString(),
          overdue: o.state === 'submitted' && now.getTime() > o.dueAt.getTime(),
          answer: o.answer,
          answerPhotoUrls: (o.answerPhotoIds ?? []).map((id) => this.files.signedUrl(id)),
          answeredAt: iso(o.answeredAt),
          answeredByName: o.answeredByName,
          escalationReason: o.escalationReason,
          escalatedAt: iso(o.escalatedAt),
          townshipAnswer: o.townshipAnswer,
          townshipAnsweredAt: iso(o.townshipAnsweredAt),
          acceptedAt: iso(o.acceptedAt),
        }
      }),
    )
  }

  private async namesOf(residentIds: number[]): Promise<Map<number, string>> {
    if (residentIds.length === 0) return new Map()
    const rows = await this.ds
      .getRepository(Resident)
      .find({ where: { id: In(residentIds) }, select: ['id', 'name'] })
    return new Map(rows.map((r) => [r.id, r.name]))
  }

  /** The accounts a published notice reaches: residents of the village (or of its group) who use the app. */
  private async audienceAccounts(m: EntityManager, n: PublicNotice): Promise<number[]> {
    const qb = m
      .getRepository(Resident)
      .createQueryBuilder('r')
      .select('r.accountId', 'accountId')
      .where('r.villageId = :villageId AND r.accountId IS NOT NULL', { villageId: n.villageId })
    if (n.audienceGroupId !== null)
      qb.innerJoin(Household, 'h', 'h.id = r.householdId').andWhere('h.groupId = :g', {
        g: n.audienceGroupId,
      })
    const rows: { accountId: number | string }[] = await qb.getRawMany()
    return rows.map((r) => Number(r.accountId))
  }
}

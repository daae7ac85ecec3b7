import { Injectable } from '@nestjs/common'
import { DataSource, In, type EntityManager, type SelectQueryBuilder } from 'typeorm'
import type { NoticeCategory, NoticeState } from '@xiangli/shared'
import { villageRow } from '../../core/database/village-row'
import { StoredFile } from '../../core/files/entities/stored-file.entity'
import { NoticeAck } from './entities/notice-ack.entity'
import { NoticeRead } from './entities/notice-read.entity'
import { NoticeSettingsRow } from './entities/notice-settings.entity'
import { PublicNotice } from './entities/public-notice.entity'
import { DRAFT_STATES, FILES_OF_NOTICE, PUBLISHED_STATES } from './notices.rules'
import { isAbove, type ReadMark } from './notice-read-marks.repository'
import { capFor, countUpTo } from '../../core/database/count-up-to'

export type NewNotice = Omit<PublicNotice, 'id' | 'createdAt' | 'shownSeq'>
export type NewAck = Omit<NoticeAck, 'id'>

/** Which notices a list shows, and for whom (their read markers). */
export interface NoticeFilter {
  villageId: number
  readerAccountId: number
  /**
   * the feed: published notices only; a group's notices only to that group unless `allGroups`; those
   * the content check has not shown only with `withHeld` (the 两委, the supervision committee, the township)
   */
  published?: { groupId: number | null; allGroups: boolean; withHeld?: boolean }
  category?: NoticeCategory
  /** words in the title or body */
  q?: string
  /** the reader's watermark: the notices at or below it count as read (notice_read_mark) */
  mark?: ReadMark | null
  /** only those whose current version the reader has not opened and that lie above their watermark */
  unread?: boolean
  /** the committee's list: the state as readers see it (a published notice past its period reads ended) */
  state?: { value: NoticeState; today: string }
}

const ABOVE_MARK = '(n.shownSeq > :markSeq OR (n.shownSeq = :markSeq AND n.id > :markId))'

/** escapes LIKE wildcards with '!' (the same on MySQL and SQLite) */
const likePattern = (q: string): string => `%${q.replace(/[!%_]/g, (c) => '!' + c)}%`

/** Every query of notices themselves, their readers' marks, acknowledgements and calendar settings. */
@Injectable()
export class NoticesRepository {
  constructor(private readonly ds: DataSource) {}

  /** The village's notice; locked until commit when `lock` (MySQL). */
  find(
    villageId: number,
    id: number,
    m: EntityManager = this.ds.manager,
    lock = false,
  ): Promise<PublicNotice | null> {
    return villageRow(m, PublicNotice, villageId, id, lock)
  }

  findById(id: number, m: EntityManager = this.ds.manager): Promise<PublicNotice | null> {
    return m.getRepository(PublicNotice).findOneBy({ id })
  }

  findByIds(ids: number[]): Promise<PublicNotice[]> {
    return ids.length ? this.ds.getRepository(PublicNotice).findBy({ id: In(ids) }) : Promise.resolve([])
  }

  /** The village's notice of a deliberation (any, when `deliberationId` is left out). */
  findOf(
    m: EntityManager,
    villageId: number,
    id: number,
    deliberationId: number | undefined,
  ): Promise<PublicNotice | null> {
    return m
      .getRepository(PublicNotice)
      .findOneBy({ id, villageId, ...(deliberationId !== undefined ? { deliberationId } : {}) })
  }

  ofDeliberation(deliberationId: number): Promise<PublicNotice[]> {
    return this.ds.getRepository(PublicNotice).find({ where: { deliberationId }, order: { id: 'ASC' } })
  }

  insert(m: EntityManager, row: NewNotice): Promise<PublicNotice> {
    return m.getRepository(PublicNotice).save(row)
  }

  async save(m: EntityManager, n: PublicNotice): Promise<void> {
    await m.getRepository(PublicNotice).save(n)
  }

  /** The row as the database stored it (MySQL keeps whole seconds of a datetime). */
  stored(m: EntityManager, id: number): Promise<PublicNotice> {
    return m.getRepository(PublicNotice).findOneByOrFail({ id })
  }

  /** Sets the supervision committee's opinion unless one was given: false when it was. */
  async setOpinionOnce(
    m: EntityManager,
    id: number,
    opinion: { text: string; accountId: number; at: Date },
  ): Promise<boolean> {
    const res = await m
      .createQueryBuilder()
      .update(PublicNotice)
      .set({
        supervisionOpinion: opinion.text,
        supervisionByAccountId: opinion.accountId,
        supervisionAt: opinion.at,
      })
      .where('id = :id AND supervisionOpinion IS NULL', { id })
      .execute()
    return Boolean(res.affected)
  }

  /** Published notices whose period ended before `today`, oldest first. */
  expired(today: string, limit: number): Promise<PublicNotice[]> {
    return this.ds
      .getRepository(PublicNotice)
      .createQueryBuilder('n')
      .where("n.state = 'published' AND n.periodEnd < :today", { today })
      .orderBy('n.id', 'ASC')
      .take(limit)
      .getMany()
  }

  /** Archives a notice still published: false when someone else did first. */
  async endIfPublished(m: EntityManager, id: number): Promise<boolean> {
    const res = await m
      .createQueryBuilder()
      .update(PublicNotice)
      .set({ state: 'ended' })
      .where("id = :id AND state = 'published'", { id })
      .execute()
    return Boolean(res.affected)
  }

  // ---------- lists ----------

  private filtered(f: NoticeFilter): SelectQueryBuilder<PublicNotice> {
    const qb = this.ds
      .getRepository(PublicNotice)
      .createQueryBuilder('n')
      .where('n.villageId = :villageId', { villageId: f.villageId })
    if (f.published) {
      qb.andWhere('n.state IN (:...published)', { published: PUBLISHED_STATES })
      if (!f.published.allGroups)
        qb.andWhere('(n.audienceGroupId IS NULL OR n.audienceGroupId = :group)', {
          group: f.published.groupId ?? -1,
        })
      if (!f.published.withHeld) qb.andWhere("n.moderation = 'shown'")
    }
    qb.leftJoin(NoticeRead, 'r', 'r.noticeId = n.id AND r.accountId = :me AND r.version = n.version', {
      me: f.readerAccountId,
    })
    if (f.category) qb.andWhere('n.category = :category', { category: f.category })
    if (f.q) qb.andWhere("(n.title LIKE :q ESCAPE '!' OR n.body LIKE :q ESCAPE '!')", { q: likePattern(f.q) })
    if (f.unread) qb.andWhere('r.id IS NULL')
    if (f.unread && f.mark) qb.andWhere(ABOVE_MARK, { markSeq: f.mark.seq, markId: f.mark.id })
    if (f.state) {
      const today = f.state.today
      if (f.state.value === 'published')
        qb.andWhere("n.state = 'published' AND n.periodEnd >= :today", { today })
      else if (f.state.value === 'ended')
        qb.andWhere("(n.state = 'ended' OR (n.state = 'published' AND n.periodEnd < :today))", { today })
      else qb.andWhere('n.state = :state', { state: f.state.value })
    }
    return qb
  }

  /** A page of a list, pinned first, then the newest published, each with whether the reader read it. */
  async page(
    f: NoticeFilter,
    q: { page: number; pageSize: number },
  ): Promise<{ items: { notice: PublicNotice; read: boolean }[]; total: number; totalAtLeast: boolean }> {
    const qb = this.filtered(f)
    const { total, atLeast } = await countUpTo(qb, 'n.id', capFor(q))
    const raw: { id: number | string; seq: number | string; readId: number | string | null }[] = await qb
      .clone()
      .select('n.id', 'id')
      .addSelect('n.shownSeq', 'seq')
      .addSelect('r.id', 'readId')
      .orderBy('n.pinned', 'DESC')
      .addOrderBy('n.publishedAt', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .offset((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .getRawMany()
    const rows = await this.findByIds(raw.map((r) => Number(r.id)))
    const items = raw.map((r) => ({
      notice: rows.find((n) => n.id === Number(r.id))!,
      read: r.readId !== null || !isAbove({ seq: Number(r.seq), id: Number(r.id) }, f.mark ?? null),
    }))
    return { items, total, totalAtLeast: atLeast }
  }

  /** How many notices of each category the filter leaves. */
  async countsByCategory(f: NoticeFilter): Promise<Map<NoticeCategory, number>> {
    const rows: { category: NoticeCategory; c: string | number }[] = await this.filtered(f)
      .select('n.category', 'category')
      .addSelect('COUNT(*)', 'c')
      .groupBy('n.category')
      .getRawMany()
    return new Map(rows.map((r) => [r.category, Number(r.c)]))
  }

  /** The first notice above the reader's mark they have not opened, in the order residents received them. */
  async firstUnread(f: NoticeFilter): Promise<ReadMark | null> {
    const row: { seq: number | string; id: number | string } | undefined = await this.filtered({
      ...f,
      unread: true,
    })
      .select('n.shownSeq', 'seq')
      .addSelect('n.id', 'id')
      .orderBy('n.shownSeq', 'ASC')
      .addOrderBy('n.id', 'ASC')
      .limit(1)
      .getRawOne()
    return row ? { seq: Number(row.seq), id: Number(row.id) } : null
  }

  /** The last notice the filter leaves before `before` (the last of all when null). */
  async lastBefore(f: NoticeFilter, before: ReadMark | null): Promise<ReadMark | null> {
    const qb = this.filtered(f).select('n.shownSeq', 'seq').addSelect('n.id', 'id')
    if (before)
      qb.andWhere('(n.shownSeq < :beforeSeq OR (n.shownSeq = :beforeSeq AND n.id < :beforeId))', {
        beforeSeq: before.seq,
        beforeId: before.id,
      })
    const row: { seq: number | string; id: number | string } | undefined = await qb
      .orderBy('n.shownSeq', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .limit(1)
      .getRawOne()
    return row ? { seq: Number(row.seq), id: Number(row.id) } : null
  }

  /**
   * The village's next `shownSeq`, for a version about to reach residents. Two publications in one village
   * at the same instant may draw the same number; the id orders them.
   */
  async nextShownSeq(m: EntityManager, villageId: number): Promise<number> {
    const row: { s: number | string | null } | undefined = await m
      .getRepository(PublicNotice)
      .createQueryBuilder('n')
      .select('MAX(n.shownSeq)', 's')
      .where('n.villageId = :villageId', { villageId })
      .getRawOne()
    return Number(row?.s ?? 0) + 1
  }

  /** Per village: notices first published since `since` (ix_public_notice_village). */
  async publishedSince(villageIds: number[], since: Date): Promise<Map<number, number>> {
    if (villageIds.length === 0) return new Map()
    const rows: { villageId: number | string; c: number | string }[] = await this.ds
      .getRepository(PublicNotice)
      .createQueryBuilder('n')
      .select('n.villageId', 'villageId')
      .addSelect('COUNT(*)', 'c')
      .where('n.villageId IN (:...villageIds) AND n.publishedAt >= :since', { villageIds, since })
      .groupBy('n.villageId')
      .getRawMany()
    return new Map(rows.map((r) => [Number(r.villageId), Number(r.c)]))
  }

  /** The village's notices in one state (ix_public_notice_village_state). */
  countInState(villageId: number, state: NoticeState): Promise<number> {
    return this.ds.getRepository(PublicNotice).countBy({ villageId, state })
  }

  /** Marks a version read by a reader; reading it again changes nothing. */
  async markRead(noticeId: number, accountId: number, version: number, at: Date): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .insert()
      .into(NoticeRead)
      .values({ noticeId, accountId, version, readAt: at })
      .orIgnore()
      .execute()
  }

  // ---------- acknowledgements ----------

  /** One per household: a second one is a unique violation. */
  insertAck(m: EntityManager, row: NewAck): Promise<NoticeAck> {
    return m.getRepository(NoticeAck).save(row)
  }

  acks(noticeId: number): Promise<NoticeAck[]> {
    return this.ds.getRepository(NoticeAck).find({ where: { noticeId }, order: { at: 'ASC' } })
  }

  async acknowledged(noticeId: number, householdId: number): Promise<boolean> {
    return (await this.ds.getRepository(NoticeAck).countBy({ noticeId, householdId })) > 0
  }

  // ---------- the calendar ----------

  settings(villageId: number): Promise<NoticeSettingsRow | null> {
    return this.ds.getRepository(NoticeSettingsRow).findOneBy({ villageId })
  }

  async saveSettings(m: EntityManager, row: NoticeSettingsRow): Promise<void> {
    await m.getRepository(NoticeSettingsRow).upsert(row, ['villageId'])
  }

  /** Published 村务 and 财务 notices, what the calendar counts. */
  calendarPublications(villageId: number): Promise<PublicNotice[]> {
    return this.ds.getRepository(PublicNotice).find({
      where: { villageId, state: In([...PUBLISHED_STATES]), category: In(['village', 'finance']) },
      select: ['id', 'category', 'publishedAt', 'coversPeriod'],
    })
  }

  /** Major matters not yet published. */
  pendingMajors(villageId: number): Promise<PublicNotice[]> {
    return this.ds.getRepository(PublicNotice).find({
      where: { villageId, state: In([...DRAFT_STATES]), major: true },
      select: ['id', 'title', 'createdAt'],
    })
  }

  // ---------- files ----------

  storedFiles(ids: number[], m: EntityManager = this.ds.manager): Promise<StoredFile[]> {
    return ids.length ? m.getRepository(StoredFile).findBy({ id: In(ids) }) : Promise.resolve([])
  }

  /** Which of these files are already on the notice. */
  async filesOnNotice(m: EntityManager, ids: number[], noticeId: number): Promise<number[]> {
    const rows = await m
      .getRepository(StoredFile)
      .findBy({ id: In(ids), attachedType: FILES_OF_NOTICE, attachedId: noticeId })
    return rows.map((f) => f.id)
  }
}

import { Injectable } from '@nestjs/common'
import { DataSource, In, IsNull, type EntityManager } from 'typeorm'
import type { CheckSuggest, ContentKind, ContentQueueState } from '@xiangli/shared'
import { ContentCheck, ContentCheckMedia } from './entities/content-check.entity'

export type NewContentCheck = Pick<
  ContentCheck,
  'kind' | 'itemId' | 'parentId' | 'villageId' | 'authorAccountId' | 'text' | 'nextAttemptAt'
>

/** Every query of the content check. */
@Injectable()
export class ContentCheckRepository {
  constructor(private readonly ds: DataSource) {}

  /** A new check, pending, with a row per photo not yet sent; in the writer's transaction. */
  async insert(m: EntityManager, row: NewContentCheck, fileIds: number[]): Promise<number> {
    const saved = await m.getRepository(ContentCheck).save({
      ...row,
      textSuggest: null,
      label: null,
      status: 'pending' as const,
      reason: null,
      attempts: 0,
      decidedBy: null,
      decidedAt: null,
    })
    if (fileIds.length > 0)
      await m
        .getRepository(ContentCheckMedia)
        .insert(
          fileIds.map((fileId) => ({ checkId: saved.id, fileId, traceId: null, suggest: null, label: null })),
        )
    return saved.id
  }

  find(id: number, m: EntityManager = this.ds.manager): Promise<ContentCheck | null> {
    return m.getRepository(ContentCheck).findOneBy({ id })
  }

  findInVillage(villageId: number, id: number): Promise<ContentCheck | null> {
    return this.ds.getRepository(ContentCheck).findOneBy({ id, villageId })
  }

  findItem(kind: ContentKind, itemId: number): Promise<ContentCheck | null> {
    return this.ds.getRepository(ContentCheck).findOneBy({ kind, itemId })
  }

  media(checkId: number, m: EntityManager = this.ds.manager): Promise<ContentCheckMedia[]> {
    return m.getRepository(ContentCheckMedia).find({ where: { checkId }, order: { id: 'ASC' } })
  }

  async mediaOfMany(checkIds: number[]): Promise<Map<number, ContentCheckMedia[]>> {
    const by = new Map<number, ContentCheckMedia[]>()
    if (checkIds.length === 0) return by
    const rows = await this.ds
      .getRepository(ContentCheckMedia)
      .find({ where: { checkId: In(checkIds) }, order: { id: 'ASC' } })
    for (const r of rows) by.set(r.checkId, [...(by.get(r.checkId) ?? []), r])
    return by
  }

  mediaByTrace(traceId: string): Promise<ContentCheckMedia | null> {
    return this.ds.getRepository(ContentCheckMedia).findOneBy({ traceId })
  }

  /** Checks still pending whose retry time has come, oldest first. */
  due(now: Date, limit: number): Promise<ContentCheck[]> {
    return this.ds
      .getRepository(ContentCheck)
      .createQueryBuilder('c')
      .where("c.status = 'pending' AND c.nextAttemptAt <= :now", { now })
      .orderBy('c.nextAttemptAt', 'ASC')
      .take(limit)
      .getMany()
  }

  async saveText(id: number, suggest: CheckSuggest, label: string | null): Promise<void> {
    await this.ds
      .getRepository(ContentCheck)
      .update({ id, textSuggest: IsNull() }, { textSuggest: suggest, label })
  }

  /** WeChat took the photo's check: its trace id, when and how many times it was asked. */
  async saveTrace(mediaId: number, traceId: string, askedAt: Date, asks: number): Promise<void> {
    await this.ds.getRepository(ContentCheckMedia).update({ id: mediaId }, { traceId, askedAt, asks })
  }

  /** The pushed result of a photo; only once per trace id (a repeated push changes nothing). */
  async saveMediaResult(mediaId: number, suggest: CheckSuggest, label: string | null): Promise<boolean> {
    const res = await this.ds
      .createQueryBuilder()
      .update(ContentCheckMedia)
      .set({ suggest, label })
      .where('id = :id AND suggest IS NULL', { id: mediaId })
      .execute()
    return Boolean(res.affected)
  }

  /** One more failed attempt: tried again from `next`. */
  async postpone(id: number, attempts: number, next: Date): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .update(ContentCheck)
      .set({ attempts, nextAttemptAt: next })
      .where("id = :id AND status = 'pending'", { id })
      .execute()
  }

  /** Moves the check on only from the status it was read in; false when something else moved it first. */
  async moveIf(
    m: EntityManager,
    id: number,
    from: readonly ContentCheck['status'][],
    changes: Partial<ContentCheck>,
  ): Promise<boolean> {
    const res = await m
      .createQueryBuilder()
      .update(ContentCheck)
      .set(changes)
      .where('id = :id AND status IN (:...from)', { id, from: [...from] })
      .execute()
    return Boolean(res.affected)
  }

  /** The 两委's queue of one village, oldest first (what waited longest is looked at first). */
  page(
    villageId: number,
    status: ContentQueueState,
    q: { page: number; pageSize: number },
  ): Promise<[ContentCheck[], number]> {
    return this.ds.getRepository(ContentCheck).findAndCount({
      where: { villageId, status },
      order: { id: status === 'held' || status === 'pending' ? 'ASC' : 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    })
  }

  /** The 两委's reasons for the rejected items of a kind among these ids. */
  async reasons(kind: ContentKind, itemIds: number[]): Promise<Map<number, string>> {
    if (itemIds.length === 0) return new Map()
    const rows = await this.ds.getRepository(ContentCheck).find({
      where: { kind, itemId: In(itemIds), status: 'rejected' },
      select: ['itemId', 'reason'],
    })
    return new Map(rows.map((r) => [r.itemId, r.reason ?? '']))
  }
}

import { Injectable } from '@nestjs/common'
import { DataSource, type EntityManager } from 'typeorm'
import type { Moderation, PageQuery } from '@xiangli/shared'
import { DeliberationOpinion } from './entities/opinion.entity'

/** Every query of 一征's opinions. */
@Injectable()
export class OpinionsRepository {
  constructor(private readonly ds: DataSource) {}

  create(m: EntityManager, row: Partial<DeliberationOpinion>): Promise<DeliberationOpinion> {
    return m.getRepository(DeliberationOpinion).save(row)
  }

  findById(id: number): Promise<DeliberationOpinion | null> {
    return this.ds.getRepository(DeliberationOpinion).findOneBy({ id })
  }

  countOf(m: EntityManager, deliberationId: number): Promise<number> {
    return m.getRepository(DeliberationOpinion).countBy({ deliberationId })
  }

  /** The content check's verdict on an opinion. */
  async setModeration(m: EntityManager, id: number, moderation: Moderation): Promise<void> {
    await m.getRepository(DeliberationOpinion).update({ id }, { moderation })
  }

  /**
   * A page of the deliberation's opinions, newest first: all of them, all the content check has shown
   * with one account's own (`shownOr`), or one account's.
   */
  page(
    deliberationId: number,
    onlyOf: number | null,
    q: PageQuery,
    shownOr: number | null = null,
  ): Promise<[DeliberationOpinion[], number]> {
    const qb = this.ds
      .getRepository(DeliberationOpinion)
      .createQueryBuilder('o')
      .where('o.deliberationId = :d', { d: deliberationId })
    if (onlyOf !== null) qb.andWhere('o.accountId = :me', { me: onlyOf })
    if (shownOr !== null) qb.andWhere("(o.moderation = 'shown' OR o.accountId = :seer)", { seer: shownOr })
    return qb
      .orderBy('o.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount()
  }

  /** How many opinions the deliberation has, and how many of them are this account's. */
  async counts(deliberationId: number, accountId: number): Promise<{ all: number; mine: number }> {
    const [counts] = (await this.ds.query(
      `SELECT COUNT(*) AS n, COALESCE(SUM(CASE WHEN accountId = ? THEN 1 ELSE 0 END), 0) AS mine
         FROM deliberation_opinion WHERE deliberationId = ?`,
      [accountId, deliberationId],
    )) as { n: number | string; mine: number | string }[]
    return { all: Number(counts?.n ?? 0), mine: Number(counts?.mine ?? 0) }
  }

  /** The accounts that gave an opinion, each once. */
  /** The residents who gave at least one opinion on the deliberation, once each, by roster id. */
  async giverResidents(
    m: EntityManager,
    deliberationId: number,
  ): Promise<{ residentId: number; name: string }[]> {
    const rows = (await m.query(
      'SELECT residentId, MIN(name) AS name FROM deliberation_opinion WHERE deliberationId = ? GROUP BY residentId ORDER BY residentId',
      [deliberationId],
    )) as { residentId: number | string; name: string }[]
    return rows.map((r) => ({ residentId: Number(r.residentId), name: r.name }))
  }

  async givers(m: EntityManager, deliberationId: number): Promise<number[]> {
    const rows = (await m.query(
      'SELECT DISTINCT accountId FROM deliberation_opinion WHERE deliberationId = ?',
      [deliberationId],
    )) as { accountId: number | string }[]
    return rows.map((r) => Number(r.accountId))
  }
}

import { Injectable } from '@nestjs/common'
import { DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm'
import type { Moderation, ObjectionState } from '@xiangli/shared'
import { villageRow } from '../../core/database/village-row'
import { NoticeObjection } from './entities/notice-objection.entity'

export type NewObjection = Omit<NoticeObjection, 'id'>

type Paging = { page: number; pageSize: number }

/** The township's views of its villages' objections: overdue, escalated, or both. */
export type TownshipScope = 'attention' | 'overdue' | 'escalated'

const OVERDUE = "o.state = 'submitted' AND o.dueAt < :now"

/** Every query of objections (异议) to notices. */
@Injectable()
export class ObjectionsRepository {
  constructor(private readonly ds: DataSource) {}

  /** The village's objection; locked until commit when `lock` (MySQL). */
  find(
    villageId: number,
    id: number,
    m: EntityManager = this.ds.manager,
    lock = false,
  ): Promise<NoticeObjection | null> {
    return villageRow(m, NoticeObjection, villageId, id, lock)
  }

  findById(id: number, m: EntityManager = this.ds.manager): Promise<NoticeObjection | null> {
    return m.getRepository(NoticeObjection).findOneBy({ id })
  }

  insert(m: EntityManager, row: NewObjection): Promise<NoticeObjection> {
    return m.getRepository(NoticeObjection).save(row)
  }

  /** The content check's verdict on the objection itself. */
  async setModeration(m: EntityManager, id: number, moderation: Moderation): Promise<void> {
    await m.getRepository(NoticeObjection).update({ id }, { moderation })
  }

  /** The content check's verdict on the 两委's answer. */
  async setAnswerModeration(m: EntityManager, id: number, moderation: Moderation): Promise<void> {
    await m.getRepository(NoticeObjection).update({ id }, { answerModeration: moderation })
  }

  async save(m: EntityManager, o: NoticeObjection): Promise<void> {
    await m.getRepository(NoticeObjection).save(o)
  }

  /** A notice's objections, newest first: all of them, or one objector's (by account or roster row). */
  ofNotice(
    noticeId: number,
    objector: { accountId: number; residentId: number | null } | null,
  ): Promise<NoticeObjection[]> {
    const where: FindOptionsWhere<NoticeObjection>[] = objector
      ? [{ noticeId, objectorAccountId: objector.accountId }]
      : [{ noticeId }]
    if (objector?.residentId != null) where.push({ noticeId, objectorResidentId: objector.residentId })
    return this.ds.getRepository(NoticeObjection).find({
      where,
      order: { id: 'DESC' },
      take: 200,
    })
  }

  /** The village's objections, the nearest deadline first. */
  queue(
    villageId: number,
    f: {
      state?: ObjectionState
      overdue?: { value: boolean; now: Date }
      /** only what the content check has shown, and this reader's own */
      shownOr?: { accountId: number }
    },
    q: Paging,
  ): Promise<[NoticeObjection[], number]> {
    const qb = this.ds
      .getRepository(NoticeObjection)
      .createQueryBuilder('o')
      .where('o.villageId = :villageId', { villageId })
    if (f.state) qb.andWhere('o.state = :state', { state: f.state })
    if (f.shownOr)
      qb.andWhere("(o.moderation = 'shown' OR o.objectorAccountId = :seer)", { seer: f.shownOr.accountId })
    if (f.overdue) qb.andWhere(f.overdue.value ? OVERDUE : `NOT (${OVERDUE})`, { now: f.overdue.now })
    return qb
      .orderBy('o.dueAt', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount()
  }

  /** One objector's objections in the village, newest first. */
  mine(
    villageId: number,
    me: { accountId: number; residentId: number | null },
    state: ObjectionState | undefined,
    q: Paging,
  ): Promise<[NoticeObjection[], number]> {
    const qb = this.ds
      .getRepository(NoticeObjection)
      .createQueryBuilder('o')
      .where('o.villageId = :villageId', { villageId })
    if (me.residentId !== null)
      qb.andWhere('(o.objectorAccountId = :me OR o.objectorResidentId = :myRow)', {
        me: me.accountId,
        myRow: me.residentId,
      })
    else qb.andWhere('o.objectorAccountId = :me', { me: me.accountId })
    if (state) qb.andWhere('o.state = :state', { state })
    return qb
      .orderBy('o.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount()
  }

  /** The villages' overdue or escalated objections, the nearest deadline first. */
  forTownship(
    villageIds: number[],
    scope: TownshipScope,
    now: Date,
    q: Paging,
  ): Promise<[NoticeObjection[], number]> {
    const overdue = `(${OVERDUE})`
    const escalated = "o.state = 'escalated'"
    const where =
      scope === 'overdue' ? overdue : scope === 'escalated' ? escalated : `(${overdue} OR ${escalated})`
    return this.ds
      .getRepository(NoticeObjection)
      .createQueryBuilder('o')
      .where('o.villageId IN (:...ids)', { ids: villageIds })
      .andWhere(where, { now })
      .orderBy('o.dueAt', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount()
  }

  /** How many objections each of these notices has. */
  async countsByNotice(noticeIds: number[]): Promise<Map<number, number>> {
    if (noticeIds.length === 0) return new Map()
    const rows: { noticeId: number; c: string | number }[] = await this.ds
      .getRepository(NoticeObjection)
      .createQueryBuilder('o')
      .select('o.noticeId', 'noticeId')
      .addSelect('COUNT(*)', 'c')
      .where('o.noticeId IN (:...ids)', { ids: noticeIds })
      .groupBy('o.noticeId')
      .getRawMany()
    return new Map(rows.map((r) => [Number(r.noticeId), Number(r.c)]))
  }

  countOf(noticeId: number): Promise<number> {
    return this.ds.getRepository(NoticeObjection).countBy({ noticeId })
  }

  /** The village's objections not yet answered by the 两委. */
  toAnswer(villageId: number): Promise<number> {
    return this.ds.getRepository(NoticeObjection).countBy({ villageId, state: 'submitted' })
  }

  /** How many objections of each village are past their limit unanswered. */
  async overdueByVillage(villageIds: number[], now: Date): Promise<Map<number, number>> {
    if (villageIds.length === 0) return new Map()
    const rows: { villageId: number; c: string | number }[] = await this.ds
      .getRepository(NoticeObjection)
      .createQueryBuilder('o')
      .select('o.villageId', 'villageId')
      .addSelect('COUNT(*)', 'c')
      .where('o.villageId IN (:...villageIds)', { villageIds })
      .andWhere(OVERDUE, { now })
      .groupBy('o.villageId')
      .getRawMany()
    return new Map(rows.map((r) => [Number(r.villageId), Number(r.c)]))
  }
}

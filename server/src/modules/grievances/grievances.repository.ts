import { Injectable } from '@nestjs/common'
import { DataSource, In, IsNull, type EntityManager } from 'typeorm'
import {
  DEADLINE_STATES,
  DEFAULT_GRIEVANCE_CATEGORIES,
  DEFAULT_REPLY_TEMPLATES,
  DEFAULT_SENSITIVE_CATEGORIES,
  TO_ANSWER_STATES,
  type GrievanceAction,
  type GrievanceSettings,
  type GrievanceSettingsUpdate,
  type Moderation,
} from '@xiangli/shared'
import { GrievanceEvent } from './entities/grievance-event.entity'
import { GrievanceSettingsRow } from './entities/grievance-settings.entity'
import { GrievanceSubject } from './entities/grievance-subject.entity'
import { GrievanceSupport } from './entities/grievance-support.entity'
import { Grievance } from './entities/grievance.entity'
import { GrievanceStatsRepository } from './grievance-stats.repository'
import { countsChange, countsOf, type Step } from './grievances.rules'
import { forUpdate } from '../../core/database/dialect'

export type NewGrievance = Omit<Grievance, 'id' | 'createdAt' | 'moderation'> & {
  moderation?: Grievance['moderation']
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v))

/** Every query of 村民说事. */
@Injectable()
export class GrievancesRepository {
  constructor(
    private readonly ds: DataSource,
    private readonly stats: GrievanceStatsRepository,
  ) {}

  find(villageId: number, id: number, m: EntityManager = this.ds.manager): Promise<Grievance | null> {
    return m.getRepository(Grievance).findOneBy({ id, villageId })
  }

  findById(id: number, m: EntityManager = this.ds.manager): Promise<Grievance | null> {
    return m.getRepository(Grievance).findOneBy({ id })
  }

  async exists(villageId: number, id: number, m: EntityManager = this.ds.manager): Promise<boolean> {
    return m.getRepository(Grievance).existsBy({ id, villageId })
  }

  /**
   * A new grievance; created now unless `createdAt` says otherwise (the demo's are in the past). It
   * is counted in its village's statistics in the same transaction.
   */
  async insert(m: EntityManager, row: NewGrievance & { createdAt?: Date }): Promise<Grievance> {
    const g = await m.getRepository(Grievance).save(row)
    await this.stats.add(m, g, countsOf(g))
    return g
  }

  /**
   * Changes the grievance only while it is still in the state it was read in (and, for the job,
   * still overdue): false when someone else moved it first. The village's statistics move with it, in
   * the same transaction, from the item as it stood (read locked on MySQL, so no change slips between).
   */
  async moveIf(
    m: EntityManager,
    g: Pick<Grievance, 'id' | 'state'>,
    changes: Partial<Grievance>,
    dueBefore?: Date,
  ): Promise<boolean> {
    const current = await forUpdate(
      m,
      m
        .getRepository(Grievance)
        .createQueryBuilder('g')
        .select(['g.id', 'g.villageId', 'g.state', 'g.answerMinutes', 'g.rating', 'g.createdAt'])
        .where('g.id = :id', { id: g.id }),
    ).getOne()
    if (!current || current.state !== g.state) return false
    const q = m
      .createQueryBuilder()
      .update(Grievance)
      .set(changes)
      .where('id = :id AND state = :state', { id: g.id, state: g.state })
    if (dueBefore) q.andWhere('dueAt < :dueBefore', { dueBefore })
    if (!(await q.execute()).affected) return false
    await this.stats.add(m, current, countsChange(countsOf(current), countsOf({ ...current, ...changes })))
    return true
  }

  /** A step on the timeline; its id. A reply starts with the moderation the content check gives it. */
  async addEvent(
    m: EntityManager,
    grievanceId: number,
    action: GrievanceAction,
    step: Step,
    moderation: Moderation = 'shown',
  ): Promise<number> {
    const res = await m.getRepository(GrievanceEvent).insert({
      grievanceId,
      action,
      actorAccountId: step.actor.accountId,
      actorName: step.actor.name ?? '系统',
      actorRole: step.actor.role,
      text: step.text ?? null,
      photoIds: step.photoIds ?? [],
      rating: step.rating ?? null,
      at: step.at,
      moderation,
    })
    return Number((res.identifiers[0] as { id: number }).id)
  }

  /** The content check's verdict on an item: who besides its raiser and the 两委 sees it. */
  async setModeration(m: EntityManager, id: number, moderation: Moderation): Promise<void> {
    await m.getRepository(Grievance).update({ id }, { moderation })
  }

  /** The content check's verdict on an answer, the village's or the township's. */
  async setAnswerModeration(m: EntityManager, eventId: number, moderation: Moderation): Promise<void> {
    await m
      .getRepository(GrievanceEvent)
      .update({ id: eventId, action: In(['answered', 'township_answered']) }, { moderation })
  }

  /** The content check's verdict on a reply. */
  async setReplyModeration(m: EntityManager, eventId: number, moderation: Moderation): Promise<void> {
    await m.getRepository(GrievanceEvent).update({ id: eventId, action: 'replied' }, { moderation })
  }

  events(grievanceId: number): Promise<GrievanceEvent[]> {
    return this.ds.getRepository(GrievanceEvent).find({ where: { grievanceId }, order: { id: 'ASC' } })
  }

  /** Items past their time limit, oldest first, for the escalation job. */
  overdue(now: Date, limit: number): Promise<Grievance[]> {
    return this.ds
      .getRepository(Grievance)
      .createQueryBuilder('g')
      .where('g.state IN (:...deadline) AND g.dueAt < :now', { deadline: [...DEADLINE_STATES], now })
      .orderBy('g.id', 'ASC')
      .take(limit)
      .getMany()
  }

  // ---------- 民情收集 ----------

  async addSubjects(m: EntityManager, grievanceId: number, residentIds: number[]): Promise<void> {
    await m
      .getRepository(GrievanceSubject)
      .insert(residentIds.map((residentId) => ({ grievanceId, residentId })))
  }

  /** The roster people an item names as concerned. */
  async subjects(grievanceId: number): Promise<number[]> {
    return (await this.ds.getRepository(GrievanceSubject).findBy({ grievanceId })).map((s) => s.residentId)
  }

  // ---------- "我也遇到" ----------

  /** Adds one person's support; a second one from the same person is a unique violation. */
  async addSupport(m: EntityManager, grievanceId: number, accountId: number): Promise<void> {
    await m.getRepository(GrievanceSupport).insert({ grievanceId, accountId })
  }

  async removeSupport(m: EntityManager, grievanceId: number, accountId: number): Promise<void> {
    await m.getRepository(GrievanceSupport).delete({ grievanceId, accountId })
  }

  async supportOf(grievanceId: number, accountId: number) {
    const repo = this.ds.getRepository(GrievanceSupport)
    return {
      supportCount: await repo.countBy({ grievanceId }),
      supportedByMe: await repo.existsBy({ grievanceId, accountId }),
    }
  }

  /** Support counts of several items, and which of them this account supports. */
  async supportOfMany(ids: number[], accountId: number) {
    if (ids.length === 0) return { counts: new Map<number, number>(), mine: new Set<number>() }
    const counts: { gid: number | string; n: number | string }[] = await this.ds
      .getRepository(GrievanceSupport)
      .createQueryBuilder('s')
      .select('s.grievanceId', 'gid')
      .addSelect('COUNT(*)', 'n')
      .where('s.grievanceId IN (:...ids)', { ids })
      .groupBy('s.grievanceId')
      .getRawMany()
    const mine = await this.ds
      .getRepository(GrievanceSupport)
      .find({ where: { grievanceId: In(ids), accountId }, select: ['grievanceId'] })
    return {
      counts: new Map(counts.map((c) => [Number(c.gid), Number(c.n)])),
      mine: new Set(mine.map((s) => s.grievanceId)),
    }
  }

  // ---------- settings ----------

  async settings(villageId: number): Promise<GrievanceSettings> {
    const row = await this.ds.getRepository(GrievanceSettingsRow).findOneBy({ villageId })
    return {
      categories: row?.categories ?? [...DEFAULT_GRIEVANCE_CATEGORIES],
      replyTemplates: row?.replyTemplates ?? DEFAULT_REPLY_TEMPLATES.map((t) => ({ ...t })),
      sensitiveCategories: row?.sensitiveCategories ?? [...DEFAULT_SENSITIVE_CATEGORIES],
    }
  }

  /** Saves the village's settings; returns what they were before (null: the defaults). */
  async saveSettings(
    m: EntityManager,
    villageId: number,
    body: GrievanceSettingsUpdate,
  ): Promise<GrievanceSettings | null> {
    const repo = m.getRepository(GrievanceSettingsRow)
    const before = await repo.findOneBy({ villageId })
    // a save that leaves the sensitive categories out keeps what the village had
    const row = {
      ...body,
      sensitiveCategories: body.sensitiveCategories ?? before?.sensitiveCategories ?? null,
    }
    if (before) await repo.update({ villageId }, row)
    else await repo.insert({ villageId, ...row })
    return before
      ? {
          categories: before.categories,
          replyTemplates: before.replyTemplates,
          sensitiveCategories: before.sensitiveCategories ?? [...DEFAULT_SENSITIVE_CATEGORIES],
        }
      : null
  }

  // ---------- the home page ----------

  /** What waits on the 两委 in a village, in one pass over its open items (ix_grievance_village_state). */
  async waitingInVillage(
    villageId: number,
    now: Date,
  ): Promise<{ toAccept: number; toAnswer: number; overdue: number }> {
    const r: Record<string, unknown> | undefined = await this.ds
      .getRepository(Grievance)
      .createQueryBuilder('g')
      .select("SUM(CASE WHEN g.state = 'submitted' THEN 1 ELSE 0 END)", 'toAccept')
      .addSelect('SUM(CASE WHEN g.state IN (:...answer) THEN 1 ELSE 0 END)', 'toAnswer')
      .addSelect('SUM(CASE WHEN g.dueAt < :now THEN 1 ELSE 0 END)', 'overdue')
      .where('g.villageId = :villageId AND g.state IN (:...deadline)', { villageId })
      .setParameters({ deadline: [...DEADLINE_STATES], answer: [...TO_ANSWER_STATES], now })
      .getRawOne()
    return { toAccept: num(r?.toAccept), toAnswer: num(r?.toAnswer), overdue: num(r?.overdue) }
  }

  /** The raiser's items answered and not yet rated (ix_grievance_raiser). */
  toRate(villageId: number, accountId: number): Promise<number> {
    return this.ds
      .getRepository(Grievance)
      .countBy({ raiserAccountId: accountId, villageId, state: 'answered', rating: IsNull() })
  }
}

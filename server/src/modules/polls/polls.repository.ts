import { randomUUID } from 'node:crypto'
import { Injectable } from '@nestjs/common'
import { DataSource, In, IsNull, type EntityManager } from 'typeorm'
import { PollChoice, PollRespondent } from './entities/poll-answer.entity'
import { Poll } from './entities/poll.entity'

/** Every query of polls: the polls, who answered (turnout) and the choices, kept apart. */
@Injectable()
export class PollsRepository {
  constructor(private readonly ds: DataSource) {}

  inVillage(villageId: number): Promise<Poll[]> {
    return this.ds.getRepository(Poll).find({ where: { villageId }, order: { id: 'DESC' }, take: 200 })
  }

  find(villageId: number, id: number, m: EntityManager = this.ds.manager): Promise<Poll | null> {
    return m.getRepository(Poll).findOneBy({ villageId, id })
  }

  insert(m: EntityManager, p: Omit<Poll, 'id' | 'createdAt' | 'closedAt'>): Promise<Poll> {
    return m.getRepository(Poll).save({ ...p, closedAt: null })
  }

  async close(m: EntityManager, id: number, at: Date): Promise<boolean> {
    const r = await m.getRepository(Poll).update({ id, closedAt: IsNull() }, { closedAt: at })
    return (r.affected ?? 0) > 0
  }

  /**
   * One answer, insert-only: the respondent row (its primary key refuses a second answer) and one
   * row per option picked under a fresh random key, nothing linking the two.
   */
  async answer(
    m: EntityManager,
    pollId: number,
    residentId: number,
    choices: number[][],
    requestKey: string | null = null,
  ): Promise<void> {
    await m.getRepository(PollRespondent).insert({ pollId, residentId, requestKey })
    const rows = choices.flatMap((picked, question) =>
      picked.map((option) => ({ id: randomUUID(), pollId, question, option })),
    )
    await m.getRepository(PollChoice).insert(rows)
  }

  hasAnswered(pollId: number, residentId: number, m: EntityManager = this.ds.manager): Promise<boolean> {
    return m.getRepository(PollRespondent).existsBy({ pollId, residentId })
  }

  /** The resident's respondent row (whether they answered, and the key they did it with), or null. */
  respondent(m: EntityManager, pollId: number, residentId: number): Promise<PollRespondent | null> {
    return m.getRepository(PollRespondent).findOneBy({ pollId, residentId })
  }

  /** Of these polls, the ones this resident answered. */
  async answeredOf(pollIds: number[], residentId: number | null): Promise<Set<number>> {
    if (residentId === null || pollIds.length === 0) return new Set()
    const rows = await this.ds.getRepository(PollRespondent).findBy({ pollId: In(pollIds), residentId })
    return new Set(rows.map((r) => r.pollId))
  }

  /** How many people answered each of these polls. */
  async respondentCounts(pollIds: number[]): Promise<Map<number, number>> {
    if (pollIds.length === 0) return new Map()
    const rows = await this.ds
      .getRepository(PollRespondent)
      .createQueryBuilder('r')
      .select('r.pollId', 'pollId')
      .addSelect('COUNT(*)', 'n')
      .where('r.pollId IN (:...ids)', { ids: pollIds })
      .groupBy('r.pollId')
      .getRawMany<{ pollId: number | string; n: number | string }>()
    return new Map(rows.map((r) => [Number(r.pollId), Number(r.n)]))
  }

  /** How many picked each option of a poll, keyed 'question:option'. */
  async choiceCounts(pollId: number): Promise<Map<string, number>> {
    const rows = await this.ds
      .getRepository(PollChoice)
      .createQueryBuilder('c')
      .select('c.question', 'question')
      .addSelect('c.option', 'option')
      .addSelect('COUNT(*)', 'n')
      .where('c.pollId = :pollId', { pollId })
      .groupBy('c.question')
      .addGroupBy('c.option')
      .getRawMany<{ question: number | string; option: number | string; n: number | string }>()
    return new Map(rows.map((r) => [`${Number(r.question)}:${Number(r.option)}`, Number(r.n)]))
  }
}

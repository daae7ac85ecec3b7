import { Injectable } from '@nestjs/common'
import { DataSource, In, type EntityManager } from 'typeorm'
import type { ErasureOutcome } from '@xiangli/shared'
import type { DataSubject, PersonalDataSection } from '../../core/privacy/personal-data'
import { PollRespondent } from './entities/poll-answer.entity'
import { Poll } from './entities/poll.entity'

/**
 * The polls (问卷) the person answered, by their roster rows: only that they answered, since what
 * they chose was never stored with them.
 */
@Injectable()
export class PollsPersonalData implements PersonalDataSection {
  readonly section = 'polls'
  constructor(private readonly ds: DataSource) {}

  async exportOf(who: DataSubject, m: EntityManager = this.ds.manager) {
    const answered = await this.answered(m, who)
    if (answered.length === 0) return []
    const polls = await m.getRepository(Poll).findBy({ id: In(answered.map((r) => r.pollId)) })
    return polls
      .sort((a, b) => a.id - b.id)
      .map((p) => ({ pollId: p.id, villageId: p.villageId, title: p.title, answered: true }))
  }

  /** That someone answered keeps them from answering twice and holds nothing of what they said: kept. */
  async erase(m: EntityManager, who: DataSubject): Promise<ErasureOutcome> {
    return {
      section: this.section,
      erased: 0,
      kept: (await this.answered(m, who)).length,
      note: '问卷只记录您回答过（没有记录您选了什么），这条记录保留，以免同一人重复回答',
    }
  }

  private answered(m: EntityManager, who: DataSubject): Promise<PollRespondent[]> {
    if (who.residentIds.length === 0) return Promise.resolve([])
    return m.getRepository(PollRespondent).find({
      select: ['pollId', 'residentId'],
      where: { residentId: In(who.residentIds) },
    })
  }
}

import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import type { PollCreate } from '@xiangli/shared'
import { PollsRepository } from './polls.repository'

/** What other modules may do with polls; today only the demo seeder writes one. */
@Injectable()
export class PollsService {
  constructor(private readonly repo: PollsRepository) {}

  /** For the demo seeder: a poll and some answers, in the seeder's transaction. */
  async seedDemo(
    m: EntityManager,
    villageId: number,
    poll: PollCreate & { createdByName: string },
    answers: { residentId: number; choices: number[][] }[],
  ): Promise<number> {
    const p = await this.repo.insert(m, { villageId, ...poll })
    for (const a of answers) await this.repo.answer(m, p.id, a.residentId, a.choices)
    return p.id
  }
}

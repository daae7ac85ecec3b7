import { Injectable } from '@nestjs/common'
import { pollState, type PollSummary, type PollView } from '@xiangli/shared'
import type { Viewer } from '../../../core/access/viewer'
import { Clock } from '../../../core/clock/clock'
import { AppException } from '../../../core/errors/app.exception'
import type { Poll } from '../entities/poll.entity'
import { isPollCommittee } from '../polls.policy'
import { presentPoll, presentPollSummary } from '../polls.presenter'
import { PollsRepository } from '../polls.repository'

const ORDER = { open: 0, ended: 1, closed: 1 } as const

/** The village's polls and one poll with its counts (never who answered what). */
@Injectable()
export class PollReads {
  constructor(
    private readonly repo: PollsRepository,
    private readonly clock: Clock,
  ) {}

  async list(v: Viewer, villageId: number): Promise<PollSummary[]> {
    const polls = await this.repo.inVillage(villageId)
    const ids = polls.map((p) => p.id)
    const counts = await this.repo.respondentCounts(ids)
    const mine = await this.repo.answeredOf(ids, v.residentIdIn(villageId))
    const now = this.clock.now()
    return polls
      .map((p) =>
        presentPollSummary(p, {
          state: pollState(p, now),
          respondents: counts.get(p.id) ?? 0,
          answeredByMe: mine.has(p.id),
        }),
      )
      .sort((a, b) => ORDER[a.state] - ORDER[b.state] || b.id - a.id)
  }

  async one(v: Viewer, villageId: number, id: number): Promise<PollView> {
    const p = await this.repo.find(villageId, id)
    if (!p) throw new AppException('NOT_FOUND')
    return this.present(v, villageId, p)
  }

  async present(v: Viewer, villageId: number, p: Poll): Promise<PollView> {
    const residentId = v.residentIdIn(villageId)
    return presentPoll(p, {
      state: pollState(p, this.clock.now()),
      respondents: (await this.repo.respondentCounts([p.id])).get(p.id) ?? 0,
      answeredByMe: residentId !== null && (await this.repo.hasAnswered(p.id, residentId)),
      committee: isPollCommittee(v, villageId),
      resident: residentId !== null,
      counts: await this.repo.choiceCounts(p.id),
    })
  }
}

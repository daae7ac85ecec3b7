import { Injectable } from '@nestjs/common'
import {
  pollAnswerRule,
  pollEndDayRule,
  pollState,
  type Ok,
  type PollAnswerRequest,
  type PollCreate,
  type PollView,
} from '@xiangli/shared'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { AuditService } from '../../../core/audit/audit.service'
import { Clock } from '../../../core/clock/clock'
import { isUniqueViolation } from '../../../core/database/dialect'
import { AppException } from '../../../core/errors/app.exception'
import { TxService } from '../../../core/tx/tx.service'
import { mustBeResident } from '../polls.policy'
import { PollsRepository } from '../polls.repository'
import { PollReads } from './poll-reads'

/** The committee opens and closes a poll (audited); a resident answers it once (insert-only). */
@Injectable()
export class PollWrites {
  constructor(
    private readonly repo: PollsRepository,
    private readonly reads: PollReads,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly tx: TxService,
  ) {}

  async create(a: ActingContext, body: PollCreate): Promise<PollView> {
    const refusal = pollEndDayRule(body.endsOn, this.clock.now())
    if (refusal) throw new AppException(refusal)
    const p = await this.tx.run(async (m) => {
      const p = await this.repo.insert(m, {
        villageId: a.villageId,
        title: body.title,
        explanation: body.explanation,
        questions: body.questions,
        endsOn: body.endsOn,
        resultsBeforeEnd: body.resultsBeforeEnd,
        createdByName: a.actor.name ?? '',
      })
      await this.audit.append(m, {
        actor: a.actor,
        action: 'poll.created',
        orgId: a.villageId,
        targetType: 'poll',
        targetId: p.id,
        after: { title: p.title, endsOn: p.endsOn, questions: p.questions.length },
      })
      return p
    })
    return this.reads.present(a.viewer, a.villageId, p)
  }

  async close(a: ActingContext, id: number): Promise<PollView> {
    await this.tx.run(async (m) => {
      const p = await this.repo.find(a.villageId, id, m)
      if (!p) throw new AppException('NOT_FOUND')
      if (pollState(p, this.clock.now()) !== 'open') throw new AppException('POLL_ALREADY_CLOSED')
      if (!(await this.repo.close(m, p.id, this.clock.now()))) throw new AppException('POLL_ALREADY_CLOSED')
      await this.audit.append(m, {
        actor: a.actor,
        action: 'poll.closed',
        orgId: a.villageId,
        targetType: 'poll',
        targetId: p.id,
        before: { endsOn: p.endsOn },
      })
    })
    return this.reads.one(a.viewer, a.villageId, id)
  }

  /**
   * A resident's answer: a hot write with no audit entry (it would name the person next to the
   * moment their choice rows appeared); the respondent's key refuses a second one.
   */
  async answer(a: ActingContext, id: number, body: PollAnswerRequest): Promise<Ok> {
    const residentId = mustBeResident(a.viewer, a.villageId)
    try {
      await this.tx.run(async (m) => {
        const p = await this.repo.find(a.villageId, id, m)
        if (!p) throw new AppException('NOT_FOUND')
        if (pollState(p, this.clock.now()) !== 'open') throw new AppException('POLL_NOT_OPEN')
        const wrong = pollAnswerRule(p.questions, body.choices)
        if (wrong) throw new AppException(wrong)
        if (await this.repo.hasAnswered(p.id, residentId, m)) throw new AppException('POLL_ALREADY_ANSWERED')
        await this.repo.answer(m, p.id, residentId, body.choices)
      })
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppException('POLL_ALREADY_ANSWERED')
      throw e
    }
    return { ok: true }
  }
}

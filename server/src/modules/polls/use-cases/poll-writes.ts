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
import { FieldCrypto } from '../../../core/crypto/field-crypto.service'
import { isUniqueViolation } from '../../../core/database/dialect'
import { AppException } from '../../../core/errors/app.exception'
import { requestKeyDigest } from '../../../core/idempotency/idempotency-key'
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
    private readonly crypto: FieldCrypto,
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
   * moment their choice rows appeared); the respondent's key refuses a second one. Idempotent by
   * (poll, resident) inside its transaction, never by its body: a retry with the same
   * Idempotency-Key is answered as done, whatever it says.
   */
  async answer(
    a: ActingContext,
    id: number,
    body: PollAnswerRequest,
    idempotencyKey: string | null = null,
  ): Promise<Ok> {
    const residentId = mustBeResident(a.viewer, a.villageId)
    const sent = requestKeyDigest(this.crypto, idempotencyKey)
    const work = () =>
      this.tx.run(async (m) => {
        const p = await this.repo.find(a.villageId, id, m)
        if (!p) throw new AppException('NOT_FOUND')
        const before = await this.repo.respondent(m, p.id, residentId)
        if (before && sent !== null && before.requestKey === sent) return
        if (pollState(p, this.clock.now()) !== 'open') throw new AppException('POLL_NOT_OPEN')
        if (before) throw new AppException('POLL_ALREADY_ANSWERED')
        const wrong = pollAnswerRule(p.questions, body.choices)
        if (wrong) throw new AppException(wrong)
        await this.repo.answer(m, p.id, residentId, body.choices, sent)
      })
    try {
      await work()
    } catch (e) {
      if (!isUniqueViolation(e)) throw e
      // lost a race with the same person's other request: its row is there now, the gate decides
      try {
        await work()
      } catch (again) {
        if (isUniqueViolation(again)) throw new AppException('POLL_ALREADY_ANSWERED')
        throw again
      }
    }
    return { ok: true }
  }
}

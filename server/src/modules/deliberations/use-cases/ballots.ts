import { Injectable } from '@nestjs/common'
import { votingTimeRule, type BallotReceipt, type BallotRequest } from '@xiangli/shared'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { Clock } from '../../../core/clock/clock'
import { FieldCrypto } from '../../../core/crypto/field-crypto.service'
import { AppException } from '../../../core/errors/app.exception'
import { requestKeyDigest } from '../../../core/idempotency/idempotency-key'
import { TxService } from '../../../core/tx/tx.service'
import { BallotsRepository } from '../ballots.repository'
import { refusal } from '../deliberations.rules'
import { MeetingsRepository } from '../meetings.repository'
import { hotWrite } from './hot-writes'

/** 投票: a member's own ballot, on their phone, in a meeting in session. */
@Injectable()
export class Ballots {
  constructor(
    private readonly tx: TxService,
    private readonly clock: Clock,
    private readonly crypto: FieldCrypto,
    private readonly meetings: MeetingsRepository,
    private readonly ballots: BallotsRepository,
  ) {}

  /**
   * A member's ballot. Idempotent by (meeting, voter) inside its own transaction, never by its body:
   * the turnout row (or the open vote) keeps the Idempotency-Key it was cast with, so a retry with
   * that key gets the same receipt, even after the close, and a crash before the commit leaves
   * nothing behind, so the retry simply runs. Whatever the retry's body says, the ballot already
   * cast stands: a secret one cannot be compared, and must not be.
   */
  async cast(
    a: ActingContext,
    id: number,
    meetingId: number,
    body: BallotRequest,
    idempotencyKey: string | null = null,
  ): Promise<BallotReceipt> {
    const residentId = a.viewer.residentIdIn(a.villageId)
    const sent = requestKeyDigest(this.crypto, idempotencyKey)
    await hotWrite('DELIBERATION_ALREADY_VOTED', () =>
      this.tx.run(async (m) => {
        const gate = await this.meetings.hotGate(m, a.villageId, id, meetingId, residentId)
        if (sent !== null && gate.votedWith === sent) return
        // in session and never before the announced time, whatever the row says
        const timing = votingTimeRule(gate, this.clock.now())
        if (!timing.ok) throw refusal(timing)
        if (gate.memberId === null) throw new AppException('DELIBERATION_NOT_A_MEMBER')
        if (gate.checkedInWith === null) throw new AppException('DELIBERATION_NOT_CHECKED_IN')
        if (gate.votedWith !== null) throw new AppException('DELIBERATION_ALREADY_VOTED')
        // a hot write: inserts only, no audit entry per ballot (the chain's head row would serialise
        // every voter); the close seals turnout and ballots into the chain by count and digest
        if (gate.ballot === 'secret')
          await this.ballots.castSecret(m, meetingId, gate.memberId, body.choice, sent)
        else await this.ballots.castOpen(m, meetingId, gate.memberId, body.choice, sent)
      }),
    )
    return { meetingId, voted: true }
  }
}

import { Injectable } from '@nestjs/common'
import { checkInTimeRule, type PaperSignInRequest, type QuorumView } from '@xiangli/shared'
import { AuditService } from '../../../core/audit/audit.service'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { Clock } from '../../../core/clock/clock'
import { FieldCrypto } from '../../../core/crypto/field-crypto.service'
import { AppException } from '../../../core/errors/app.exception'
import { requestKeyDigest } from '../../../core/idempotency/idempotency-key'
import { TxService } from '../../../core/tx/tx.service'
import { DeliberationStore } from '../deliberation-store'
import { mustPassGate } from '../deliberations.policy'
import { mustBeInSession, refusal } from '../deliberations.rules'
import { MeetingsRepository } from '../meetings.repository'
import { hotWrite } from './hot-writes'
import { MeetingReads } from './meeting-reads'

/** 签到: members on their phones, the clerk from the paper sheet. */
@Injectable()
export class CheckIns {
  constructor(
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly crypto: FieldCrypto,
    private readonly store: DeliberationStore,
    private readonly meetings: MeetingsRepository,
    private readonly meetingReads: MeetingReads,
  ) {}

  /**
   * A member checks themself in on their phone. Idempotent by its own row: a retry with the same
   * Idempotency-Key finds the check-in it made (`requestKey`) and is answered like the first.
   */
  async checkIn(
    a: ActingContext,
    id: number,
    meetingId: number,
    idempotencyKey: string | null = null,
  ): Promise<QuorumView> {
    const residentId = a.viewer.residentIdIn(a.villageId)
    const sent = requestKeyDigest(this.crypto, idempotencyKey)
    let status: QuorumView['status'] = 'in_session'
    await hotWrite('DELIBERATION_ALREADY_CHECKED_IN', () =>
      this.tx.run(async (m) => {
        const gate = await this.meetings.hotGate(m, a.villageId, id, meetingId, residentId)
        status = gate.status
        // a retry of a check-in that went through is answered like the first, whatever the time now
        if (sent !== null && gate.checkedInWith === sent) return
        // from a little before the announced time, before and after the meeting opens
        const timing = checkInTimeRule(gate, this.clock.now())
        if (!timing.ok) throw refusal(timing)
        if (gate.memberId === null) throw new AppException('DELIBERATION_NOT_A_MEMBER')
        if (gate.checkedInWith !== null) throw new AppException('DELIBERATION_ALREADY_CHECKED_IN')
        // a hot write: one insert, no shared row touched; the close seals the attendance into the
        // audit chain (count and digest), and the row itself says who recorded it
        await this.meetings.checkIn(m, {
          meetingId,
          memberId: gate.memberId,
          householdId: gate.householdId,
          method: 'app',
          recordedByAccountId: a.principal.accountId,
          requestKey: sent,
        })
      }),
    )
    // the gate has placed the meeting in this deliberation and village: only the counts are read
    return this.meetingReads.quorumAfterSignIn(a, id, meetingId, status)
  }

  /** The clerk enters the paper sign-in sheet; members already checked in are left as they are. */
  async paperSignIn(
    a: ActingContext,
    id: number,
    meetingId: number,
    body: PaperSignInRequest,
  ): Promise<QuorumView> {
    await this.tx.run(async (m) => {
      const d = await this.store.find(m, a.villageId, id)
      const meeting = await this.store.meeting(m, d, meetingId)
      // a closed meeting says so before the step (which has moved on) is asked about
      mustBeInSession(meeting)
      mustPassGate(a.viewer, d, 'record_attendance')
      const members = await this.meetings.membersAmong(m, meetingId, body.memberIds)
      if (members.length !== body.memberIds.length) throw new AppException('DELIBERATION_NOT_A_MEMBER')
      const already = await this.meetings.alreadyPresent(m, meetingId, body.memberIds)
      const fresh = body.memberIds.filter((x) => !already.has(x))
      await this.meetings.signInMany(
        m,
        members
          .filter((x) => !already.has(x.id))
          .map((x) => ({
            meetingId,
            memberId: x.id,
            householdId: x.householdId,
            method: 'paper' as const,
            recordedByAccountId: a.principal.accountId,
          })),
      )
      await this.audit.append(m, {
        actor: a.actor,
        action: 'deliberation.paper_sign_in',
        orgId: d.villageId,
        targetType: 'deliberation_meeting',
        targetId: meetingId,
        after: { memberIds: fresh },
      })
    })
    return this.meetingReads.quorum(a, id, meetingId)
  }
}

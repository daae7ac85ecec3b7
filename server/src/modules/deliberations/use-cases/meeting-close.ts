import { Injectable } from '@nestjs/common'
import {
  combineVotes,
  findStep,
  transitionDeliberation,
  type CloseMeeting,
  type MeetingView,
} from '@xiangli/shared'
import { AuditService } from '../../../core/audit/audit.service'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { Clock } from '../../../core/clock/clock'
import { AppException } from '../../../core/errors/app.exception'
import { TxService } from '../../../core/tx/tx.service'
import { BallotsRepository } from '../ballots.repository'
import { DeliberationHooks } from '../deliberation-hooks'
import { DeliberationStore } from '../deliberation-store'
import { mustPassGate, rolesIn } from '../deliberations.policy'
import { contextOf, publishAndMove, snapshot } from '../deliberations.rules'
import { ballotsUnaccounted, meetingSealEntries } from '../meeting-seal'
import { MeetingsRepository } from '../meetings.repository'
import { uniqueAs } from './hot-writes'
import { MeetingReads } from './meeting-reads'
import { Publication } from './publication'

/**
 * 结束表决: counts the online ballots, adds the clerk's count, and records the outcome once. The rows
 * counted and the result are sealed into the audit chain (see meeting-seal.ts); a vote whose rows
 * cannot be accounted for is refused, and can then only be declared void (MeetingVoid).
 */
@Injectable()
export class MeetingClose {
  constructor(
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly store: DeliberationStore,
    private readonly meetings: MeetingsRepository,
    private readonly ballots: BallotsRepository,
    private readonly publication: Publication,
    private readonly meetingReads: MeetingReads,
    private readonly hooks: DeliberationHooks,
  ) {}

  async close(a: ActingContext, id: number, meetingId: number, body: CloseMeeting): Promise<MeetingView> {
    await uniqueAs('DELIBERATION_RESULT_FINAL', () =>
      this.tx.run(async (m) => {
        const d = await this.store.find(m, a.villageId, id, true)
        const meeting = await this.store.meeting(m, d, meetingId, true)
        if (meeting.status === 'closed') throw new AppException('DELIBERATION_RESULT_FINAL')
        mustPassGate(a.viewer, d, 'record_result')
        if (meeting.status !== 'in_session') throw new AppException('DELIBERATION_MEETING_NOT_OPEN')
        const online = await this.ballots.online(m, meeting)
        const attendance = await this.meetings.attendance(m, meeting.id)
        const unaccounted = await ballotsUnaccounted(m, meeting)
        if (unaccounted) throw new AppException('DELIBERATION_BALLOTS_UNACCOUNTED', { reason: unaccounted })
        const combined = combineVotes([online, body.counted], attendance.present)
        if (!combined.ok) throw new AppException(combined.code, undefined, combined.reason)
        const ctx = contextOf(d, rolesIn(a.viewer, a.villageId), this.clock.now())
        const withAttendance = transitionDeliberation(
          d.state,
          { type: 'record_attendance', step: meeting.step, attendance },
          ctx,
        )
        if (!withAttendance.ok) throw new AppException(withAttendance.code, undefined, withAttendance.reason)
        const result = transitionDeliberation(
          withAttendance.next,
          { type: 'record_result', step: meeting.step, votes: combined.value },
          ctx,
        )
        if (!result.ok) throw new AppException(result.code, undefined, result.reason)
        const outcome = result.outcome!
        const closedAt = this.clock.now()
        await this.ballots.recordResult(m, {
          meetingId,
          deliberationId: d.id,
          outcome: outcome.outcome,
          reason: outcome.reason,
          due: attendance.due,
          present: attendance.present,
          householdsTotal: attendance.households?.total ?? null,
          householdsRepresented: attendance.households?.represented ?? null,
          quorumBy: outcome.quorum.by,
          yes: combined.value.yes,
          no: combined.value.no,
          abstain: combined.value.abstain,
          online,
          closedByAccountId: a.principal.accountId,
          closedAt,
        })
        await this.meetings.setStatus(m, meetingId, 'closed')
        const before = snapshot(d)
        let next = result.next
        // a passed step moves on by itself; a failed one ends the deliberation, a not-quorate one waits
        if (outcome.outcome === 'passed') {
          const advanced = transitionDeliberation(next, { type: 'advance', step: meeting.step }, ctx)
          if (!advanced.ok) throw new AppException(advanced.code, undefined, advanced.reason)
          next = advanced.next
          // 决议公开 follows the deciding vote at once, published by the system
          if (findStep(d.procedure, meeting.step)?.deciding) {
            const notice = await this.publication.addNotice(m, d, 'resolution', null, {
              title: `决议公开：${d.title}`,
              text: `${d.content}\n\n表决结果：${outcome.reason}`,
            })
            next = publishAndMove(next, notice.id, ctx)
          }
        }
        await this.store.save(m, d, next, a.principal.accountId)
        await this.audit.append(m, {
          actor: a.actor,
          action: 'deliberation.vote_closed',
          orgId: d.villageId,
          targetType: 'deliberation',
          targetId: d.id,
          before,
          after: { ...snapshot(d), meetingId, outcome: outcome.outcome, votes: combined.value },
        })
        // the rows counted and the result, sealed into the chain (see meeting-seal.ts)
        for (const sealed of await meetingSealEntries(m, meeting))
          await this.audit.append(m, { actor: a.actor, orgId: d.villageId, ...sealed })
        // the meeting has ended: those present hear of it at its end, all at one moment, whatever
        // the ballots said (nothing of them is passed on)
        await this.hooks.afterMeetingEnded(m, d, {
          meetingId,
          body: meeting.body,
          endedAt: closedAt,
          present: await this.meetings.present(m, meeting.id),
          actor: a.actor,
        })
        if (findStep(d.procedure, meeting.step)?.deciding)
          await this.hooks.afterDecision(m, d, {
            meetingId,
            body: meeting.body,
            outcome: outcome.outcome,
            actor: a.actor,
          })
      }),
    )
    return this.meetingReads.meetingView(a, id, meetingId)
  }
}

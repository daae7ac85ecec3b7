import { Injectable } from '@nestjs/common'
import {
  DELIBERATION_BODY_LABELS,
  deliberationMeetingPage,
  type MeetingView,
  type VoidMeetingRequest,
} from '@xiangli/shared'
import { AuditService } from '../../../core/audit/audit.service'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { Clock } from '../../../core/clock/clock'
import { AppException } from '../../../core/errors/app.exception'
import { TxService } from '../../../core/tx/tx.service'
import { NotifyService } from '../../inbox/notify.service'
import { RoleHolders } from '../../roles/role-holders'
import { DeliberationStore } from '../deliberation-store'
import { mustPassGate, rolesIn } from '../deliberations.policy'
import { meetingDay, mustBeInSession } from '../deliberations.rules'
import { ballotsUnaccounted, meetingSealEntries } from '../meeting-seal'
import { MeetingsRepository } from '../meetings.repository'
import { MeetingReads } from './meeting-reads'

/**
 * 宣布表决作废: a vote in session whose records were altered behind the application (ballots it
 * cannot account for, see `ballotsUnaccounted`) is counted for nothing. The rows stay as evidence,
 * sealed as they were found so they cannot be touched again unnoticed; the township is told; the
 * step waits for a new meeting with a fresh notice. Refused while the records are whole.
 */
@Injectable()
export class MeetingVoid {
  constructor(
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly notify: NotifyService,
    private readonly roleHolders: RoleHolders,
    private readonly store: DeliberationStore,
    private readonly meetings: MeetingsRepository,
    private readonly meetingReads: MeetingReads,
  ) {}

  async voidVote(
    a: ActingContext,
    id: number,
    meetingId: number,
    body: VoidMeetingRequest,
  ): Promise<MeetingView> {
    await this.tx.run(async (m) => {
      const d = await this.store.find(m, a.villageId, id, true)
      const meeting = await this.store.meeting(m, d, meetingId, true)
      mustBeInSession(meeting)
      mustPassGate(a.viewer, d, 'void_meeting')
      const finding = await ballotsUnaccounted(m, meeting)
      if (!finding) throw new AppException('DELIBERATION_VOID_NOT_ALLOWED')
      const reason = `${finding}。${body.reason}`
      await this.store.apply(
        m,
        d,
        { type: 'void_meeting', step: meeting.step, reason },
        {
          actor: a.actor,
          roles: rolesIn(a.viewer, a.villageId),
          now: this.clock.now(),
          action: 'deliberation.meeting_voided',
        },
      )
      await this.meetings.setStatus(m, meeting.id, 'voided')
      for (const sealed of await meetingSealEntries(m, meeting))
        await this.audit.append(m, { actor: a.actor, orgId: d.villageId, ...sealed })
      const label = DELIBERATION_BODY_LABELS[meeting.body]
      const village = await a.viewer.org(d.villageId)
      if (village && village.parentId !== null)
        await this.notify.notify(m, {
          accountIds: await this.roleHolders.accountsHolding(village.parentId, ['township_official'], m),
          orgId: village.parentId,
          kind: 'deliberation.meeting_voided',
          title: `${village.name}一次表决因记录被改动而作废`,
          body: `「${d.title}」${label}（${meetingDay(meeting.meetingAt)}）：${reason}。请核查。`,
          link: deliberationMeetingPage(d.id, meeting.id),
        })
      const members = await this.meetings.memberAccounts(m, meeting.id)
      await this.notify.notify(m, {
        accountIds: members.filter((x) => x !== a.principal.accountId),
        orgId: d.villageId,
        kind: 'deliberation.meeting_voided',
        title: `${label}表决作废`,
        body: `「${d.title}」这次表决的记录被人改动过，表决作废，不计票；村里将另行通知开会。`,
        link: deliberationMeetingPage(d.id, meeting.id),
      })
    })
    return this.meetingReads.meetingView(a, id, meetingId)
  }
}

import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import {
  DELIBERATION_BODY_LABELS,
  deliberationMeetingPage,
  type MeetingAttachmentsRequest,
  type MeetingView,
  type MinutesCreateRequest,
  type TownshipAttendeeRequest,
  type TownshipOfficialOption,
} from '@xiangli/shared'
import { AuditService } from '../../../core/audit/audit.service'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { isUniqueViolation } from '../../../core/database/dialect'
import { AppException } from '../../../core/errors/app.exception'
import { FilesService } from '../../../core/files/files.service'
import { TxService } from '../../../core/tx/tx.service'
import { AccountsDirectory } from '../../auth/accounts-directory'
import { NotifyService } from '../../inbox/notify.service'
import { RoleHolders } from '../../roles/role-holders'
import { DeliberationStore } from '../deliberation-store'
import { mustRecord } from '../deliberations.policy'
import { FILES_OF_MEETING, meetingDay, shortName } from '../deliberations.rules'
import type { Deliberation } from '../entities/deliberation.entity'
import type { DeliberationMeeting } from '../entities/meeting.entity'
import { MeetingRecordsRepository } from '../meeting-records.repository'
import { MeetingReads } from './meeting-reads'

/** A meeting's records: its minutes and corrections, its files, the township officials who attended (列席). */
@Injectable()
export class MeetingRecords {
  constructor(
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly notify: NotifyService,
    private readonly files: FilesService,
    private readonly roleHolders: RoleHolders,
    private readonly accounts: AccountsDirectory,
    private readonly store: DeliberationStore,
    private readonly records: MeetingRecordsRepository,
    private readonly meetingReads: MeetingReads,
  ) {}

  /**
   * 会议记录, append-only: the first entry is the minutes, each later one a correction (更正); none
   * is ever edited or deleted. Taken once the meeting has opened, by those who record its step.
   */
  async addMinutes(
    a: ActingContext,
    id: number,
    meetingId: number,
    body: MinutesCreateRequest,
  ): Promise<MeetingView> {
    await this.tx.run(async (m) => {
      const { d, meeting } = await this.recordable(m, a, id, meetingId, ['in_session', 'closed'])
      const seq = await this.records.nextMinutesSeq(m, meeting.id)
      const e = await this.records.addMinutes(m, {
        meetingId: meeting.id,
        seq,
        text: body.text,
        recordedByAccountId: a.principal.accountId,
        recordedByName: shortName(a.principal.displayName),
      })
      await this.audit.append(m, {
        actor: a.actor,
        action: seq === 1 ? 'deliberation.minutes_recorded' : 'deliberation.minutes_corrected',
        orgId: d.villageId,
        targetType: 'deliberation_meeting',
        targetId: meeting.id,
        after: { entryId: e.id, seq, text: body.text },
      })
    })
    return this.meetingReads.meetingView(a, id, meetingId)
  }

  /** Files uploaded first (photos of the sign-in sheet, the paper minutes…), attached to the meeting. */
  async attach(
    a: ActingContext,
    id: number,
    meetingId: number,
    body: MeetingAttachmentsRequest,
  ): Promise<MeetingView> {
    await this.tx.run(async (m) => {
      const { d, meeting } = await this.recordable(m, a, id, meetingId, ['scheduled', 'in_session', 'closed'])
      const ok = await this.files.attach(
        m,
        body.fileIds,
        { villageId: d.villageId, accountId: a.principal.accountId },
        { type: FILES_OF_MEETING, id: meeting.id },
      )
      if (!ok) throw new AppException('DELIBERATION_FILE_INVALID')
      await this.audit.append(m, {
        actor: a.actor,
        action: 'deliberation.meeting_files_attached',
        orgId: d.villageId,
        targetType: 'deliberation_meeting',
        targetId: meeting.id,
        after: { fileIds: body.fileIds },
      })
    })
    return this.meetingReads.meetingView(a, id, meetingId)
  }

  /** The officials of the village's township (street) the committee may list as attending. */
  async townshipOfficials(a: ActingContext): Promise<TownshipOfficialOption[]> {
    const village = await a.viewer.org(a.villageId)
    if (!village?.parentId) return []
    const township = await a.viewer.org(village.parentId)
    const ids = await this.roleHolders.accountsHolding(village.parentId, ['township_official'])
    if (ids.length === 0) return []
    const names = await this.accounts.names(ids)
    return [...names.entries()]
      .sort(([x], [y]) => x - y)
      .map(([accountId, name]) => ({ accountId, name, townshipName: township?.name ?? '' }))
  }

  /** 列席: a township official who attended, with their post; never a member, never in the quorum. */
  async addTownshipAttendee(
    a: ActingContext,
    id: number,
    meetingId: number,
    body: TownshipAttendeeRequest,
  ): Promise<MeetingView> {
    const official = (await this.townshipOfficials(a)).find((x) => x.accountId === body.accountId)
    if (!official) throw new AppException('DELIBERATION_ATTENDEE_INVALID')
    try {
      await this.tx.run(async (m) => {
        const { d, meeting } = await this.recordable(m, a, id, meetingId, ['in_session', 'closed'])
        const row = await this.records.addAttendee(m, {
          meetingId: meeting.id,
          accountId: official.accountId,
          name: shortName(official.name),
          title: body.title,
          recordedByAccountId: a.principal.accountId,
        })
        await this.audit.append(m, {
          actor: a.actor,
          action: 'deliberation.township_attendee_added',
          orgId: d.villageId,
          targetType: 'deliberation_meeting',
          targetId: meeting.id,
          after: { attendeeId: row.id, accountId: official.accountId, title: body.title },
        })
        const label = DELIBERATION_BODY_LABELS[meeting.body]
        await this.notify.notify(m, {
          accountIds: [official.accountId],
          orgId: d.villageId,
          kind: 'deliberation.township_attendee',
          title: `${label}列席登记`,
          body: `您已登记为「${d.title}」${label}（${meetingDay(meeting.meetingAt)}）的列席人员（${body.title}）。`,
          link: deliberationMeetingPage(d.id, meeting.id),
        })
      })
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppException('DELIBERATION_ATTENDEE_LISTED')
      throw e
    }
    return this.meetingReads.meetingView(a, id, meetingId)
  }

  /** The deliberation and the locked meeting, when the caller records its step and it is in one of `statuses`. */
  private async recordable(
    m: EntityManager,
    a: ActingContext,
    id: number,
    meetingId: number,
    statuses: readonly DeliberationMeeting['status'][],
  ): Promise<{ d: Deliberation; meeting: DeliberationMeeting }> {
    const d = await this.store.find(m, a.villageId, id)
    const meeting = await this.store.meeting(m, d, meetingId, true)
    mustRecord(a.viewer, d, meeting)
    if (!statuses.includes(meeting.status)) throw new AppException('DELIBERATION_MEETING_NOT_HELD')
    return { d, meeting }
  }
}

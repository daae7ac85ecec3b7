import { Injectable } from '@nestjs/common'
import { DataSource, type EntityManager } from 'typeorm'
import { StoredFile } from '../../core/files/entities/stored-file.entity'
import { DeliberationAttendance } from './entities/attendance.entity'
import { DeliberationSettingsRow } from './entities/deliberation-settings.entity'
import { DeliberationMeeting } from './entities/meeting.entity'
import { FILES_OF_PAPER_NOTICE } from './meeting-notices.rules'

/** Who recorded or confirmed a paper notice, and when. */
export type PaperNoticeColumns = Pick<
  DeliberationMeeting,
  | 'paperNoticeAt'
  | 'paperNoticeByAccountId'
  | 'paperNoticeByName'
  | 'paperNoticeConfirmedAt'
  | 'paperNoticeConfirmedByAccountId'
  | 'paperNoticeConfirmedByName'
>

/** Every query of a meeting's notice: its time, its paper notice and photos, the village's lead time. */
@Injectable()
export class MeetingNoticesRepository {
  constructor(private readonly ds: DataSource) {}

  /** Reads outside a transaction, for the deliberation's own lookups (DeliberationStore, meeting members). */
  get reads(): EntityManager {
    return this.ds.manager
  }

  /** The village's own check-in lead time, or null when it keeps the default. */
  async checkInLeadMinutes(villageId: number, m: EntityManager = this.ds.manager): Promise<number | null> {
    const row = await m.getRepository(DeliberationSettingsRow).findOneBy({ villageId })
    return row?.checkInLeadMinutes ?? null
  }

  meetingById(id: number): Promise<DeliberationMeeting | null> {
    return this.ds.getRepository(DeliberationMeeting).findOneBy({ id })
  }

  async updateMeeting(
    m: EntityManager,
    id: number,
    set: Partial<
      Pick<DeliberationMeeting, 'status' | 'meetingAt' | 'noticeAt' | 'location' | 'checkInLeadMinutes'>
    > &
      Partial<PaperNoticeColumns>,
  ): Promise<void> {
    await m.getRepository(DeliberationMeeting).update({ id }, set)
  }

  /** The supervisor's confirmation, only if nobody confirmed it first (false otherwise). */
  async confirmPaperNotice(
    m: EntityManager,
    id: number,
    set: Pick<
      PaperNoticeColumns,
      'paperNoticeConfirmedAt' | 'paperNoticeConfirmedByAccountId' | 'paperNoticeConfirmedByName'
    >,
  ): Promise<boolean> {
    const res = await m
      .createQueryBuilder()
      .update(DeliberationMeeting)
      .set(set)
      .where('id = :id AND paperNoticeConfirmedAt IS NULL', { id })
      .execute()
    return Boolean(res.affected)
  }

  /** How many have checked in to the meeting. */
  checkIns(m: EntityManager, meetingId: number): Promise<number> {
    return m.getRepository(DeliberationAttendance).countBy({ meetingId })
  }

  /** The photos of the meeting's paper notice, in the order they were attached. */
  paperNoticePhotos(meetingId: number): Promise<StoredFile[]> {
    return this.ds
      .getRepository(StoredFile)
      .find({ where: { attachedType: FILES_OF_PAPER_NOTICE, attachedId: meetingId }, order: { id: 'ASC' } })
  }
}

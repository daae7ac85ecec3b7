import { Injectable } from '@nestjs/common'
import { DataSource, type EntityManager } from 'typeorm'
import { DeliberationMeetingMinutes } from './entities/meeting-minutes.entity'
import { DeliberationTownshipAttendee } from './entities/township-attendee.entity'

/** Every query of a meeting's records: its minutes (append-only) and the township officials who attended. */
@Injectable()
export class MeetingRecordsRepository {
  constructor(private readonly ds: DataSource) {}

  /** The number the next entry of the minutes takes: 1 for the minutes, then each correction. */
  async nextMinutesSeq(m: EntityManager, meetingId: number): Promise<number> {
    const [row] = (await m.query(
      'SELECT COALESCE(MAX(seq), 0) AS seq FROM deliberation_meeting_minutes WHERE meetingId = ?',
      [meetingId],
    )) as { seq: number | string }[]
    return Number(row?.seq ?? 0) + 1
  }

  addMinutes(
    m: EntityManager,
    row: Partial<DeliberationMeetingMinutes>,
  ): Promise<DeliberationMeetingMinutes> {
    return m.getRepository(DeliberationMeetingMinutes).save(row)
  }

  minutes(meetingId: number): Promise<DeliberationMeetingMinutes[]> {
    return this.ds
      .getRepository(DeliberationMeetingMinutes)
      .find({ where: { meetingId }, order: { seq: 'ASC' } })
  }

  /** A township official listed once per meeting: a second is a unique violation. */
  addAttendee(
    m: EntityManager,
    row: Partial<DeliberationTownshipAttendee>,
  ): Promise<DeliberationTownshipAttendee> {
    return m.getRepository(DeliberationTownshipAttendee).save(row)
  }

  attendees(meetingId: number): Promise<DeliberationTownshipAttendee[]> {
    return this.ds
      .getRepository(DeliberationTownshipAttendee)
      .find({ where: { meetingId }, order: { id: 'ASC' } })
  }
}

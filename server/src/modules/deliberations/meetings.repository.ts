import { Injectable } from '@nestjs/common'
import { DataSource, In, type EntityManager } from 'typeorm'
import type { Attendance } from '@xiangli/shared'
import { forUpdate, rawDate, shareLockClause } from '../../core/database/dialect'
import { insertMany } from '../../core/database/insert-many'
import { AppException } from '../../core/errors/app.exception'
import { DeliberationAttendance } from './entities/attendance.entity'
import type { Deliberation } from './entities/deliberation.entity'
import { DeliberationMeetingMember } from './entities/meeting-member.entity'
import { DeliberationMeeting } from './entities/meeting.entity'

/** Everything a check-in or a ballot must know, read in one round trip (see `hotGate`). */
export interface HotGate {
  status: DeliberationMeeting['status']
  ballot: DeliberationMeeting['ballot']
  meetingAt: Date
  checkInLeadMinutes: number
  memberId: number | null
  /** the member's household on the frozen list (null with the member) */
  householdId: number | null
  /** null: not checked in; '': checked in without a key (or on paper); else the key's digest */
  checkedInWith: string | null
  /** the same for the ballot: the turnout of a secret ballot, the open vote otherwise */
  votedWith: string | null
}

/** Every query of meetings, their frozen member lists and their sign-ins. */
@Injectable()
export class MeetingsRepository {
  constructor(private readonly ds: DataSource) {}

  /** The deliberation's meeting, locked to change it on MySQL (`lock`); NOT_FOUND otherwise. */
  async find(
    m: EntityManager,
    d: Deliberation,
    meetingId: number,
    lock = false,
  ): Promise<DeliberationMeeting> {
    const q = m
      .getRepository(DeliberationMeeting)
      .createQueryBuilder('x')
      .where('x.id = :id AND x.deliberationId = :d', { id: meetingId, d: d.id })
    const meeting = await (lock ? forUpdate(m, q) : q).getOne()
    if (!meeting) throw new AppException('NOT_FOUND')
    return meeting
  }

  /** Outside any village: for the files' access rules. */
  findById(id: number): Promise<DeliberationMeeting | null> {
    return this.ds.getRepository(DeliberationMeeting).findOneBy({ id })
  }

  ofDeliberation(deliberationId: number): Promise<DeliberationMeeting[]> {
    return this.ds
      .getRepository(DeliberationMeeting)
      .find({ where: { deliberationId }, order: { id: 'ASC' } })
  }

  create(m: EntityManager, row: Partial<DeliberationMeeting>): Promise<DeliberationMeeting> {
    return m.getRepository(DeliberationMeeting).save(row)
  }

  async setStatus(m: EntityManager, id: number, status: DeliberationMeeting['status']): Promise<void> {
    await m.getRepository(DeliberationMeeting).update({ id }, { status })
  }

  /** Marks a scheduled meeting lapsed, once: false when it was no longer scheduled. */
  async lapse(m: EntityManager, id: number): Promise<boolean> {
    const res = await m
      .createQueryBuilder()
      .update(DeliberationMeeting)
      .set({ status: 'lapsed' })
      .where('id = :id AND status = :scheduled', { id, scheduled: 'scheduled' })
      .execute()
    return !!res.affected
  }

  /** Scheduled meetings whose time was at or before `before`, oldest first. */
  scheduledBefore(before: Date, take: number): Promise<DeliberationMeeting[]> {
    return this.ds
      .getRepository(DeliberationMeeting)
      .createQueryBuilder('x')
      .where('x.status = :scheduled AND x.meetingAt <= :before', { scheduled: 'scheduled', before })
      .orderBy('x.id', 'ASC')
      .take(take)
      .getMany()
  }

  // ---------- the frozen member list ----------

  async addMembers(m: EntityManager, rows: Omit<DeliberationMeetingMember, 'id'>[]): Promise<void> {
    await insertMany(m, DeliberationMeetingMember, rows)
  }

  members(meetingId: number): Promise<DeliberationMeetingMember[]> {
    return this.ds
      .getRepository(DeliberationMeetingMember)
      .find({ where: { meetingId }, order: { id: 'ASC' } })
  }

  membersAmong(m: EntityManager, meetingId: number, ids: number[]): Promise<DeliberationMeetingMember[]> {
    return m.getRepository(DeliberationMeetingMember).findBy({ meetingId, id: In(ids) })
  }

  /**
   * The meetings a resident is due at that have not been held yet, soonest first, with their
   * deliberation's title (ix_deliberation_meeting_member_resident).
   */
  async upcomingFor(villageId: number, residentId: number, take: number) {
    const rows = (await this.ds.query(
      `SELECT m.id, m.deliberationId, m.body, m.meetingAt, m.location, d.title
         FROM deliberation_meeting_member mm
         JOIN deliberation_meeting m ON m.id = mm.meetingId
         JOIN deliberation d ON d.id = m.deliberationId
        WHERE mm.residentId = ? AND m.villageId = ? AND m.status IN ('scheduled', 'in_session')
        ORDER BY m.meetingAt ASC, m.id ASC
        LIMIT ${Number(take)}`,
      [residentId, villageId],
    )) as {
      id: number | string
      deliberationId: number | string
      body: DeliberationMeeting['body']
      meetingAt: Date | string
      location: string
      title: string
    }[]
    return rows.map((r) => ({
      meetingId: Number(r.id),
      deliberationId: Number(r.deliberationId),
      body: r.body,
      at: r.meetingAt,
      place: r.location,
      title: r.title,
    }))
  }

  /** The accounts of a meeting's frozen members: those who were told its time. */
  async memberAccounts(m: EntityManager, meetingId: number): Promise<number[]> {
    const rows = (await m.query(
      `SELECT DISTINCT r.accountId FROM deliberation_meeting_member mm
         JOIN resident r ON r.id = mm.residentId
        WHERE mm.meetingId = ? AND r.accountId IS NOT NULL`,
      [meetingId],
    )) as { accountId: number | string }[]
    return rows.map((r) => Number(r.accountId))
  }

  // ---------- sign-ins ----------

  async presentMemberIds(meetingId: number): Promise<Set<number>> {
    const rows = await this.ds.getRepository(DeliberationAttendance).findBy({ meetingId })
    return new Set(rows.map((x) => x.memberId))
  }

  async alreadyPresent(m: EntityManager, meetingId: number, memberIds: number[]): Promise<Set<number>> {
    const rows = await m.getRepository(DeliberationAttendance).findBy({ meetingId, memberId: In(memberIds) })
    return new Set(rows.map((x) => x.memberId))
  }

  /** One check-in: a hot write, one insert touching no shared row. */
  async checkIn(m: EntityManager, row: Omit<DeliberationAttendance, 'id' | 'createdAt'>): Promise<void> {
    // no read-back of the generated id and time: nobody uses them here, and it is a round trip
    await m
      .createQueryBuilder()
      .insert()
      .into(DeliberationAttendance)
      .values(row)
      .updateEntity(false)
      .execute()
  }

  /** A whole paper sheet, in chunks (a large village has up to 5,000 names). */
  async signInMany(
    m: EntityManager,
    rows: Omit<DeliberationAttendance, 'id' | 'createdAt' | 'requestKey'>[],
  ) {
    await insertMany(m, DeliberationAttendance, rows)
  }

  /** The members present at a meeting (checked in or signed on paper), by roster id: who, never how they voted. */
  async present(
    m: EntityManager,
    meetingId: number,
  ): Promise<{ residentId: number; householdId: number; name: string }[]> {
    const rows = (await m.query(
      `SELECT mm.residentId, mm.householdId, mm.name
         FROM deliberation_attendance a JOIN deliberation_meeting_member mm ON mm.id = a.memberId
        WHERE a.meetingId = ? ORDER BY mm.residentId`,
      [meetingId],
    )) as { residentId: number | string; householdId: number | string; name: string }[]
    return rows.map((r) => ({
      residentId: Number(r.residentId),
      householdId: Number(r.householdId),
      name: r.name,
    }))
  }

  /**
   * Persons due and present, and households all and represented, by COUNT and COUNT(DISTINCT), each
   * from one index (ix_deliberation_meeting_member_household, ix_deliberation_attendance_household):
   * every check-in answers with these, so they must not read a row per member; one round trip.
   */
  async attendance(m: EntityManager, meetingId: number): Promise<Attendance> {
    const [row] = (await m.query(
      `SELECT (SELECT COUNT(*) FROM deliberation_meeting_member WHERE meetingId = ?) AS due,
              (SELECT COUNT(DISTINCT householdId) FROM deliberation_meeting_member WHERE meetingId = ?) AS households,
              (SELECT COUNT(*) FROM deliberation_attendance WHERE meetingId = ?) AS present,
              (SELECT COUNT(DISTINCT householdId) FROM deliberation_attendance WHERE meetingId = ?) AS represented`,
      [meetingId, meetingId, meetingId, meetingId],
    )) as Record<'due' | 'households' | 'present' | 'represented', number | string>[]
    return {
      due: Number(row?.due ?? 0),
      present: Number(row?.present ?? 0),
      households: { total: Number(row?.households ?? 0), represented: Number(row?.represented ?? 0) },
    }
  }

  /**
   * Everything a check-in or a ballot must know, in one round trip: the meeting's state and ballot
   * kind (scoped to the deliberation and the village), the caller's place on the frozen member list
   * and whether they are present. On MySQL the meeting row is read under a shared lock: check-ins and
   * ballots run side by side, and the close, which takes it exclusively, waits for those in flight
   * and is seen by any that come after (the caller's member row is read under it too; the subqueries are
   * not locked). SQLite runs one at a time anyway.
   */
  async hotGate(
    m: EntityManager,
    villageId: number,
    id: number,
    meetingId: number,
    residentId: number | null,
  ): Promise<HotGate> {
    // the member first (by its unique (meetingId, residentId)), then their rows by each table's
    // (meetingId, memberId) key: one point lookup each, however many have already checked in or voted
    const mine = (table: string) =>
      `(SELECT COALESCE(w.requestKey, '') FROM ${table} w WHERE w.meetingId = x.id AND w.memberId = mm.id)`
    const [row] = (await m.query(
      `SELECT x.status, x.ballot, x.meetingAt, x.checkInLeadMinutes, mm.id AS memberId, mm.householdId,
              ${mine('deliberation_attendance')} AS checkedInWith,
              CASE WHEN x.ballot = 'secret' THEN ${mine('deliberation_turnout')}
                   ELSE ${mine('deliberation_open_vote')} END AS votedWith
         FROM deliberation_meeting x
         LEFT JOIN deliberation_meeting_member mm ON mm.meetingId = x.id AND mm.residentId = ?
        WHERE x.id = ? AND x.deliberationId = ?
          AND EXISTS (SELECT 1 FROM deliberation d WHERE d.id = x.deliberationId AND d.villageId = ?)${shareLockClause(m)}`,
      [residentId ?? 0, meetingId, id, villageId],
    )) as {
      status: DeliberationMeeting['status']
      ballot: DeliberationMeeting['ballot']
      meetingAt: Date | string
      checkInLeadMinutes: number | string
      memberId: number | string | null
      householdId: number | string | null
      checkedInWith: string | null
      votedWith: string | null
    }[]
    if (!row) throw new AppException('NOT_FOUND')
    return {
      status: row.status,
      ballot: row.ballot,
      meetingAt: rawDate(row.meetingAt),
      checkInLeadMinutes: Number(row.checkInLeadMinutes),
      memberId: row.memberId === null ? null : Number(row.memberId),
      householdId: row.householdId === null ? null : Number(row.householdId),
      checkedInWith: row.checkedInWith,
      votedWith: row.votedWith,
    }
  }
}

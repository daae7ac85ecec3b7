import { Injectable } from '@nestjs/common'
import { randomUUID } from 'node:crypto'
import { DataSource, In, type EntityManager } from 'typeorm'
import type { RatingCounts, ReviewRating, ReviewStatus } from '@xiangli/shared'
import { forUpdate } from '../../core/database/dialect'
import { insertMany } from '../../core/database/insert-many'
import { AppException } from '../../core/errors/app.exception'
import {
  CadreReview,
  CadreReviewAttendance,
  CadreReviewMeeting,
  CadreReviewMember,
  CadreReviewOutcome,
  CadreReviewPersonResult,
  CadreReviewRating,
  CadreReviewSubject,
  CadreReviewTurnout,
  type ReviewMeetingStatus,
} from './entities'

/** What the meeting's hot writes check, read in their own transaction. */
export interface ReviewGate {
  meeting: CadreReviewMeeting
  memberId: number | null
  checkedIn: boolean
  voted: boolean
}

/** Every query of 民主评议. */
@Injectable()
export class CadreReviewsRepository {
  constructor(private readonly ds: DataSource) {}

  private mgr(m?: EntityManager): EntityManager {
    return m ?? this.ds.manager
  }

  // ---------- reviews and subjects ----------

  async find(villageId: number, id: number, m?: EntityManager, lock = false): Promise<CadreReview> {
    const mgr = this.mgr(m)
    const q = mgr.getRepository(CadreReview).createQueryBuilder('r').where('r.id = :id', { id })
    const r = await (lock ? forUpdate(mgr, q) : q).getOne()
    if (!r || r.villageId !== villageId) throw new AppException('REVIEW_NOT_FOUND')
    return r
  }

  list(villageId: number): Promise<CadreReview[]> {
    return this.ds.getRepository(CadreReview).find({ where: { villageId }, order: { year: 'DESC' } })
  }

  ofVillages(villageIds: number[]): Promise<CadreReview[]> {
    if (villageIds.length === 0) return Promise.resolve([])
    return this.ds
      .getRepository(CadreReview)
      .find({ where: { villageId: In(villageIds) }, order: { year: 'DESC', villageId: 'ASC' } })
  }

  insertReview(m: EntityManager, row: Omit<CadreReview, 'id' | 'createdAt'>): Promise<CadreReview> {
    return m.getRepository(CadreReview).save(m.getRepository(CadreReview).create(row))
  }

  async setStatus(m: EntityManager, id: number, status: ReviewStatus, publishedAt?: Date): Promise<void> {
    await m.getRepository(CadreReview).update({ id }, publishedAt ? { status, publishedAt } : { status })
  }

  subjects(reviewId: number, m?: EntityManager): Promise<CadreReviewSubject[]> {
    return this.mgr(m)
      .getRepository(CadreReviewSubject)
      .find({ where: { reviewId }, order: { id: 'ASC' } })
  }

  subjectCounts(reviewIds: number[]): Promise<Map<number, number>> {
    return this.countBy('cadre_review_subject', 'reviewId', reviewIds)
  }

  async addSubjects(m: EntityManager, rows: Omit<CadreReviewSubject, 'id'>[]): Promise<void> {
    await insertMany(m, CadreReviewSubject, rows)
  }

  async removeSubject(
    m: EntityManager,
    reviewId: number,
    subjectId: number,
  ): Promise<CadreReviewSubject | null> {
    const row = await m.getRepository(CadreReviewSubject).findOneBy({ id: subjectId, reviewId })
    if (row) await m.getRepository(CadreReviewSubject).delete({ id: subjectId })
    return row
  }

  async saveReport(m: EntityManager, subjectId: number, report: string, at: Date): Promise<void> {
    await m.getRepository(CadreReviewSubject).update({ id: subjectId }, { report, reportedAt: at })
  }

  /** The earlier valid ratings of these roster people in the village's reviews before `year`. */
  async pastRatings(
    m: EntityManager,
    villageId: number,
    year: number,
    residentIds: number[],
  ): Promise<{ residentId: number; year: number; rating: ReviewRating }[]> {
    if (residentIds.length === 0) return []
    const rows = (await m.query(
      `SELECT pr.residentId, r.year, pr.rating FROM cadre_review_person_result pr
        JOIN cadre_review_outcome o ON o.meetingId = pr.meetingId
        JOIN cadre_review r ON r.id = o.reviewId
        WHERE r.villageId = ? AND r.year < ? AND o.valid = 1 AND pr.residentId IN (${residentIds.map(() => '?').join(', ')})`,
      [villageId, year, ...residentIds],
    )) as { residentId: number | string; year: number | string; rating: ReviewRating }[]
    return rows.map((r) => ({ residentId: Number(r.residentId), year: Number(r.year), rating: r.rating }))
  }

  /**
   * Who holds a committee post in the village now, as the roster names them: those reviewed by
   * default (the party secretary sits by the committee post they hold, as in the meetings' member lists).
   */
  async committeeHolders(
    m: EntityManager,
    villageId: number,
  ): Promise<{ residentId: number; name: string; post: 'committee_member' | 'party_secretary' }[]> {
    const rows = (await m.query(
      `SELECT ra.residentId, r.name, ra.role FROM role_assignment ra JOIN resident r ON r.id = ra.residentId
        WHERE ra.orgId = ? AND ra.role IN ('committee_member', 'party_secretary') AND r.villageId = ?
        ORDER BY ra.residentId, ra.role`,
      [villageId, villageId],
    )) as { residentId: number | string; name: string; role: 'committee_member' | 'party_secretary' }[]
    // one line per person: the committee post when they hold both
    const byPerson = new Map<
      number,
      { residentId: number; name: string; post: (typeof rows)[number]['role'] }
    >()
    for (const r of rows) {
      const id = Number(r.residentId)
      if (!byPerson.has(id) || r.role === 'committee_member')
        byPerson.set(id, { residentId: id, name: r.name, post: r.role })
    }
    return [...byPerson.values()]
  }

  // ---------- the meeting ----------

  insertMeeting(
    m: EntityManager,
    row: Omit<CadreReviewMeeting, 'id' | 'createdAt'>,
  ): Promise<CadreReviewMeeting> {
    return m.getRepository(CadreReviewMeeting).save(m.getRepository(CadreReviewMeeting).create(row))
  }

  /** The review's latest meeting. */
  lastMeeting(reviewId: number, m?: EntityManager): Promise<CadreReviewMeeting | null> {
    return this.mgr(m)
      .getRepository(CadreReviewMeeting)
      .findOne({ where: { reviewId }, order: { id: 'DESC' } })
  }

  async setMeetingStatus(m: EntityManager, id: number, status: ReviewMeetingStatus): Promise<void> {
    await m.getRepository(CadreReviewMeeting).update({ id }, { status })
  }

  async addMembers(m: EntityManager, rows: Omit<CadreReviewMember, 'id'>[]): Promise<void> {
    await insertMany(m, CadreReviewMember, rows)
  }

  async memberAccounts(m: EntityManager, meetingId: number): Promise<number[]> {
    const rows = (await m.query(
      `SELECT r.accountId FROM cadre_review_member mm JOIN resident r ON r.id = mm.residentId
        WHERE mm.meetingId = ? AND r.accountId IS NOT NULL`,
      [meetingId],
    )) as { accountId: number | string }[]
    return rows.map((r) => Number(r.accountId))
  }

  /** The gate of a check-in or a ballot: the meeting, the caller's member line, and what they did. */
  async gate(
    tx: EntityManager | undefined,
    reviewId: number,
    residentId: number | null,
  ): Promise<ReviewGate> {
    const m = this.mgr(tx)
    const meeting = await this.lastMeeting(reviewId, m)
    if (!meeting) throw new AppException('REVIEW_NO_MEETING')
    const member =
      residentId === null
        ? null
        : await m.getRepository(CadreReviewMember).findOneBy({ meetingId: meeting.id, residentId })
    if (!member) return { meeting, memberId: null, checkedIn: false, voted: false }
    const checkedIn = await m
      .getRepository(CadreReviewAttendance)
      .countBy({ meetingId: meeting.id, memberId: member.id })
    const voted = await m
      .getRepository(CadreReviewTurnout)
      .countBy({ meetingId: meeting.id, memberId: member.id })
    return { meeting, memberId: member.id, checkedIn: checkedIn > 0, voted: voted > 0 }
  }

  /** The sign-in list: every member due, and whether they are present. */
  async memberList(meetingId: number): Promise<{ id: number; name: string; present: boolean }[]> {
    const rows = (await this.ds.query(
      `SELECT mm.id, mm.name, CASE WHEN a.id IS NULL THEN 0 ELSE 1 END AS present FROM cadre_review_member mm
        LEFT JOIN cadre_review_attendance a ON a.meetingId = mm.meetingId AND a.memberId = mm.id
        WHERE mm.meetingId = ? ORDER BY mm.id`,
      [meetingId],
    )) as { id: number | string; name: string; present: number | string }[]
    return rows.map((r) => ({ id: Number(r.id), name: r.name, present: Number(r.present) === 1 }))
  }

  /** The paper sign-in sheet: members of this meeting among `ids` not yet present are signed in. */
  async signInMany(m: EntityManager, meetingId: number, ids: number[]): Promise<number[]> {
    const members = await m.getRepository(CadreReviewMember).findBy({ meetingId, id: In(ids) })
    if (members.length !== new Set(ids).size) throw new AppException('REVIEW_NOT_A_MEMBER')
    const present = new Set(
      (await m.getRepository(CadreReviewAttendance).findBy({ meetingId, memberId: In(ids) })).map(
        (a) => a.memberId,
      ),
    )
    const fresh = members.map((x) => x.id).filter((id) => !present.has(id))
    await insertMany(
      m,
      CadreReviewAttendance,
      fresh.map((memberId) => ({ meetingId, memberId })),
    )
    return fresh
  }

  /** A check-in: one insert touching no shared row (a hot write). */
  async checkIn(m: EntityManager, meetingId: number, memberId: number): Promise<void> {
    await m.getRepository(CadreReviewAttendance).insert({ meetingId, memberId })
  }

  /**
   * A secret ballot: the turnout line says who, the rating lines say what, each under its own random
   * key; the two have nothing in common but the meeting. Inserts only.
   */
  async castSecret(
    m: EntityManager,
    meetingId: number,
    memberId: number,
    ratings: { subjectId: number; rating: ReviewRating }[],
  ): Promise<void> {
    await m.getRepository(CadreReviewTurnout).insert({ meetingId, memberId })
    await insertMany(
      m,
      CadreReviewRating,
      ratings.map((r) => ({ id: randomUUID(), meetingId, subjectId: r.subjectId, rating: r.rating })),
    )
  }

  /** 应到, 实到, and the households of the members and those with someone present (Art 22). */
  async attendance(m: EntityManager | undefined, meetingId: number) {
    const one = async (sql: string) =>
      Number(((await this.mgr(m).query(sql, [meetingId])) as { n: unknown }[])[0]?.n ?? 0)
    return {
      due: await one('SELECT COUNT(*) AS n FROM cadre_review_member WHERE meetingId = ?'),
      present: await one('SELECT COUNT(*) AS n FROM cadre_review_attendance WHERE meetingId = ?'),
      households: {
        total: await one(
          'SELECT COUNT(DISTINCT householdId) AS n FROM cadre_review_member WHERE meetingId = ?',
        ),
        represented: await one(
          `SELECT COUNT(DISTINCT mm.householdId) AS n FROM cadre_review_attendance a
            JOIN cadre_review_member mm ON mm.id = a.memberId WHERE a.meetingId = ?`,
        ),
      },
    }
  }

  async turnout(m: EntityManager, meetingId: number): Promise<number> {
    return m.getRepository(CadreReviewTurnout).countBy({ meetingId })
  }

  /** The ratings cast, counted per person with one aggregate; nothing here knows who cast them. */
  async tally(m: EntityManager, meetingId: number): Promise<Map<number, RatingCounts>> {
    const rows = (await m.query(
      `SELECT subjectId, rating, COUNT(*) AS n FROM cadre_review_rating WHERE meetingId = ?
        GROUP BY subjectId, rating`,
      [meetingId],
    )) as { subjectId: number | string; rating: ReviewRating; n: number | string }[]
    const out = new Map<number, RatingCounts>()
    for (const r of rows) {
      const c = out.get(Number(r.subjectId)) ?? { competent: 0, basic: 0, incompetent: 0 }
      c[r.rating] = Number(r.n)
      out.set(Number(r.subjectId), c)
    }
    return out
  }

  // ---------- results ----------

  async recordOutcome(
    m: EntityManager,
    outcome: CadreReviewOutcome,
    persons: CadreReviewPersonResult[],
  ): Promise<void> {
    await m.getRepository(CadreReviewOutcome).insert(outcome)
    await insertMany(m, CadreReviewPersonResult, persons)
  }

  /** The review's latest counted meeting, with its per-person results. */
  async latestOutcome(reviewId: number, m?: EntityManager) {
    const outcome = await this.mgr(m)
      .getRepository(CadreReviewOutcome)
      .findOne({ where: { reviewId }, order: { meetingId: 'DESC' } })
    if (!outcome) return null
    const persons = await this.mgr(m)
      .getRepository(CadreReviewPersonResult)
      .find({ where: { meetingId: outcome.meetingId }, order: { subjectId: 'ASC' } })
    return { outcome, persons }
  }

  private async countBy(table: string, col: string, ids: number[]): Promise<Map<number, number>> {
    if (ids.length === 0) return new Map()
    const rows = (await this.ds.query(
      `SELECT ${col} AS k, COUNT(*) AS n FROM ${table} WHERE ${col} IN (${ids.map(() => '?').join(', ')}) GROUP BY ${col}`,
      ids,
    )) as { k: number | string; n: number | string }[]
    return new Map(rows.map((r) => [Number(r.k), Number(r.n)]))
  }
}

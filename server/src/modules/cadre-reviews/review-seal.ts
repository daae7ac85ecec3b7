import { createHash } from 'node:crypto'
import type { EntityManager } from 'typeorm'
import { digest, type ContentCheck } from '../../core/audit/audit.service'
import { recordedEntries } from '../../core/audit/recorded'

/**
 * The close of a review meeting seals what it counted into the audit chain, since check-ins and
 * ballots are hot writes with no entry each (as the deliberations' meeting-seal.ts does): who checked
 * in, who voted (never how), the ratings sorted by person and rating (never in the order cast), each
 * by count and SHA-256 over the sorted rows. The result itself is the `after` of the closing entry.
 */
type Row = Record<string, unknown>

const digestOf = (rows: Row[], cols: string[]) => ({
  count: rows.length,
  sha256: createHash('sha256')
    .update(rows.map((r) => cols.map((c) => String(r[c])).join(':')).join('\n'))
    .digest('hex'),
})

export async function reviewSeal(m: EntityManager, meetingId: number) {
  const q = (sql: string) => m.query(sql, [meetingId]) as Promise<Row[]>
  return {
    meetingId,
    attendance: digestOf(
      await q('SELECT memberId FROM cadre_review_attendance WHERE meetingId = ? ORDER BY memberId'),
      ['memberId'],
    ),
    turnout: digestOf(
      await q('SELECT memberId FROM cadre_review_turnout WHERE meetingId = ? ORDER BY memberId'),
      ['memberId'],
    ),
    ratings: digestOf(
      await q(
        'SELECT subjectId, rating FROM cadre_review_rating WHERE meetingId = ? ORDER BY subjectId, rating',
      ),
      ['subjectId', 'rating'],
    ),
  }
}

/**
 * What the close refuses to count: a ballot of someone not checked in, a check-in of someone not on
 * the frozen list, or rating lines that do not add up to one per person per ballot. Such rows come
 * only from behind the application; counting them would let them decide the review.
 */
export async function reviewBallotsUnaccounted(
  m: EntityManager,
  meetingId: number,
  subjects: number,
): Promise<string | null> {
  const one = async (sql: string) =>
    Number(((await m.query(sql, [meetingId])) as { n: unknown }[])[0]?.n ?? 0)
  const strangers = await one(
    `SELECT COUNT(*) AS n FROM cadre_review_attendance a WHERE a.meetingId = ?
      AND NOT EXISTS (SELECT 1 FROM cadre_review_member mm WHERE mm.id = a.memberId AND mm.meetingId = a.meetingId)`,
  )
  if (strangers) return `有 ${strangers} 条签到不是本次会议的应到人员`
  const absent = await one(
    `SELECT COUNT(*) AS n FROM cadre_review_turnout t WHERE t.meetingId = ?
      AND NOT EXISTS (SELECT 1 FROM cadre_review_attendance a WHERE a.meetingId = t.meetingId AND a.memberId = t.memberId)`,
  )
  if (absent) return `有 ${absent} 张票是没有签到的人投的`
  const turnout = await one('SELECT COUNT(*) AS n FROM cadre_review_turnout WHERE meetingId = ?')
  const lines = await one('SELECT COUNT(*) AS n FROM cadre_review_rating WHERE meetingId = ?')
  return lines === turnout * subjects
    ? null
    : `收回评议票 ${turnout} 张，应有 ${turnout * subjects} 项评议，实有 ${lines} 项`
}

export const REVIEW_SEAL_ACTIONS = ['cadre_review.published', 'cadre_review.not_quorate'] as const

/**
 * What the closing entry records by digest, read back from the stored rows, so the verifier can
 * derive it again: the outcome, each person's counts and rating, and the seal of the ballots.
 */
export async function reviewSealRecord(m: EntityManager, meetingId: number) {
  const [o] = (await m.query(
    'SELECT reviewId, valid, reason, due, present, ballots, paperBallots, closedByAccountId, closedAt FROM cadre_review_outcome WHERE meetingId = ?',
    [meetingId],
  )) as Row[]
  if (!o) return null
  const persons = (await m.query(
    `SELECT subjectId, residentId, competent, basic, incompetent, rating, reason, postEnded
      FROM cadre_review_person_result WHERE meetingId = ? ORDER BY subjectId`,
    [meetingId],
  )) as Row[]
  const num = (v: unknown) => Number(v)
  return {
    meetingId,
    reviewId: num(o.reviewId),
    valid: Boolean(num(o.valid)),
    reason: String(o.reason),
    due: num(o.due),
    present: num(o.present),
    ballots: num(o.ballots),
    paperBallots: num(o.paperBallots),
    closedByAccountId: num(o.closedByAccountId),
    closedAt: new Date(o.closedAt as string).toISOString(),
    persons: persons.map((p) => ({
      subjectId: num(p.subjectId),
      residentId: num(p.residentId),
      competent: num(p.competent),
      basic: num(p.basic),
      incompetent: num(p.incompetent),
      rating: String(p.rating),
      reason: String(p.reason),
      postEnded: Boolean(num(p.postEnded)),
    })),
    seal: await reviewSeal(m, meetingId),
  }
}

/**
 * The audit verifier's check of 民主评议: every closed review meeting's outcome, ratings, turnout and
 * check-ins must still be what the closing entry recorded; an outcome with no such entry was written
 * behind the application's back.
 */
export const reviewSealsCheck: ContentCheck = async (m) => {
  const entries = await recordedEntries(m, REVIEW_SEAL_ACTIONS)
  const sealed = new Set<string>()
  for (const e of entries) {
    sealed.add(e.targetId)
    if (digest(await reviewSealRecord(m, Number(e.targetId))) !== e.afterDigest)
      return {
        seq: e.seq,
        problem: `民主评议会议 ${e.targetId} 的签到、选票或评议结果与公布时封存的不一致`,
        table: 'cadre_review_outcome',
        recordId: e.targetId,
      }
  }
  const outcomes = (await m.query('SELECT meetingId FROM cadre_review_outcome ORDER BY meetingId')) as Row[]
  const unsealed = outcomes.find((o) => !sealed.has(String(o.meetingId)))
  if (unsealed)
    return {
      seq: 0,
      problem: `民主评议会议 ${String(unsealed.meetingId)} 的结果没有封存记录，可能是私自添加的`,
      table: 'cadre_review_outcome',
      recordId: String(unsealed.meetingId),
    }
  return null
}

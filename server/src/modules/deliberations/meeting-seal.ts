import { createHash } from 'node:crypto'
import type { EntityManager } from 'typeorm'
import { digest, type ContentCheck, type ContentProblem } from '../../core/audit/audit.service'
import { byTarget, recordedEntries, type Recorded } from '../../core/audit/recorded'
import { DeliberationMeetingResult } from './entities/meeting-result.entity'
import { DeliberationMeeting } from './entities/meeting.entity'

/**
 * The close of a meeting seals what it counted into the audit chain, since check-ins and ballots are
 * hot writes with no entry each. One entry per table, so the verifier names the table that changed:
 *
 * - `deliberation.ballots_sealed` (the first form, kept): who checked in and who voted (for an open
 *   vote, also how), by count and SHA-256 over the sorted rows;
 * - `deliberation.attendance_sealed`: who checked in, alone;
 * - `deliberation.choices_sealed` (secret ballot): the choices, sorted by choice, so the digest says
 *   nothing of the order they were cast in;
 * - `deliberation.result_sealed`: the stored result (outcome, due, present, households, votes).
 *
 * Meetings closed before the last three existed have the first alone, and are verified as they were
 * sealed.
 */
export const SEAL_ACTION = 'deliberation.ballots_sealed'
export const ATTENDANCE_SEAL = 'deliberation.attendance_sealed'
export const CHOICES_SEAL = 'deliberation.choices_sealed'
export const RESULT_SEAL = 'deliberation.result_sealed'

type Row = Record<string, unknown>

const rowsDigest = (rows: Row[], cols: string[]) => ({
  count: rows.length,
  sha256: createHash('sha256')
    .update(rows.map((r) => cols.map((c) => String(r[c])).join(':')).join('\n'))
    .digest('hex'),
})

const attendanceRows = (m: EntityManager, meetingId: number) =>
  m.query('SELECT memberId, method FROM deliberation_attendance WHERE meetingId = ? ORDER BY memberId', [
    meetingId,
  ]) as Promise<Row[]>

/**
 * The first form of the seal: how many checked in and voted, with a SHA-256 over the sorted rows. A
 * secret ballot's digest covers who voted (the turnout), never how.
 */
export async function meetingSeal(m: EntityManager, meeting: DeliberationMeeting) {
  const ballots =
    meeting.ballot === 'secret'
      ? ((await m.query('SELECT memberId FROM deliberation_turnout WHERE meetingId = ? ORDER BY memberId', [
          meeting.id,
        ])) as Row[])
      : ((await m.query(
          'SELECT memberId, choice FROM deliberation_open_vote WHERE meetingId = ? ORDER BY memberId',
          [meeting.id],
        )) as Row[])
  return {
    meetingId: meeting.id,
    attendance: rowsDigest(await attendanceRows(m, meeting.id), ['memberId', 'method']),
    ballots: rowsDigest(ballots, meeting.ballot === 'secret' ? ['memberId'] : ['memberId', 'choice']),
  }
}

const attendanceRecord = async (m: EntityManager, meetingId: number) => ({
  meetingId,
  attendance: rowsDigest(await attendanceRows(m, meetingId), ['memberId', 'method']),
})

/** Sorted by choice, never by anything that follows the order ballots were cast in. */
const choicesRecord = async (m: EntityManager, meetingId: number) => ({
  meetingId,
  choices: rowsDigest(
    (await m.query('SELECT choice FROM deliberation_secret_ballot WHERE meetingId = ? ORDER BY choice', [
      meetingId,
    ])) as Row[],
    ['choice'],
  ),
})

/** The stored result as read back (a datetime as the database keeps it); null when there is none. */
async function resultRecord(m: EntityManager, meetingId: number) {
  const r = await m.getRepository(DeliberationMeetingResult).findOneBy({ meetingId })
  if (!r) return null
  return {
    meetingId: r.meetingId,
    deliberationId: r.deliberationId,
    outcome: r.outcome,
    reason: r.reason,
    due: r.due,
    present: r.present,
    householdsTotal: r.householdsTotal,
    householdsRepresented: r.householdsRepresented,
    quorumBy: r.quorumBy,
    yes: r.yes,
    no: r.no,
    abstain: r.abstain,
    online: { yes: r.online.yes, no: r.online.no, abstain: r.online.abstain },
    closedByAccountId: r.closedByAccountId,
    closedAt: new Date(r.closedAt).toISOString(),
  }
}

/** The entries the close appends, after it has written the result. */
export async function meetingSealEntries(
  m: EntityManager,
  meeting: DeliberationMeeting,
): Promise<{ action: string; targetType: string; targetId: number; after: unknown }[]> {
  const targetId = meeting.id
  const out: { action: string; targetType: string; targetId: number; after: unknown }[] = [
    {
      action: SEAL_ACTION,
      targetType: 'deliberation_meeting',
      targetId,
      after: await meetingSeal(m, meeting),
    },
    {
      action: ATTENDANCE_SEAL,
      targetType: 'deliberation_attendance',
      targetId,
      after: await attendanceRecord(m, meeting.id),
    },
  ]
  if (meeting.ballot === 'secret')
    out.push({
      action: CHOICES_SEAL,
      targetType: 'deliberation_secret_ballot',
      targetId,
      after: await choicesRecord(m, meeting.id),
    })
  out.push({
    action: RESULT_SEAL,
    targetType: 'deliberation_meeting_result',
    targetId,
    after: await resultRecord(m, meeting.id),
  })
  return out
}

/**
 * What the close refuses to count: more secret ballots than members recorded as having voted, or a
 * vote (or turnout line) of someone not checked in, or a check-in of someone not on the frozen list.
 * Rows like these come only from behind the application (castBallot writes the turnout and the
 * ballot together, for a member checked in); counting them would let them decide the vote.
 */
export async function ballotsUnaccounted(
  m: EntityManager,
  meeting: DeliberationMeeting,
): Promise<string | null> {
  const one = async (sql: string) =>
    Number(((await m.query(sql, [meeting.id])) as { n: unknown }[])[0]?.n ?? 0)
  const strangers = await one(
    `SELECT COUNT(*) AS n FROM deliberation_attendance a WHERE a.meetingId = ?
        AND NOT EXISTS (SELECT 1 FROM deliberation_meeting_member mm WHERE mm.id = a.memberId AND mm.meetingId = a.meetingId)`,
  )
  if (strangers) return `有 ${strangers} 条签到不是本次会议的应到人员`
  const voters = meeting.ballot === 'secret' ? 'deliberation_turnout' : 'deliberation_open_vote'
  const absent = await one(
    `SELECT COUNT(*) AS n FROM ${voters} v WHERE v.meetingId = ?
        AND NOT EXISTS (SELECT 1 FROM deliberation_attendance a WHERE a.meetingId = v.meetingId AND a.memberId = v.memberId)`,
  )
  if (absent) return `有 ${absent} 张票是没有签到的人投的`
  if (meeting.ballot !== 'secret') return null
  const ballots = await one('SELECT COUNT(*) AS n FROM deliberation_secret_ballot WHERE meetingId = ?')
  const turnout = await one('SELECT COUNT(*) AS n FROM deliberation_turnout WHERE meetingId = ?')
  return ballots === turnout ? null : `收回选票 ${ballots} 张，投了票的有 ${turnout} 人`
}

const sealProblem = async (
  m: EntityManager,
  meetingId: number,
  entries: Recorded[],
): Promise<Omit<ContentProblem, 'recordId'> | null> => {
  const of = (action: string) => entries.filter((e) => e.action === action).at(-1)
  const meeting = await m.getRepository(DeliberationMeeting).findOneBy({ id: meetingId })
  const label = `会议 ${meetingId}`
  if (!meeting)
    return {
      seq: entries[0]!.seq,
      problem: `${label}已经封存，现在却不存在了，可能被删除`,
      table: 'deliberation_meeting',
    }
  const result = of(RESULT_SEAL)
  if (result && digest(await resultRecord(m, meetingId)) !== result.afterDigest)
    return {
      seq: result.seq,
      problem: `${label}的表决结果（deliberation_meeting_result）与结束表决时封存的不一致`,
      table: 'deliberation_meeting_result',
    }
  const attendance = of(ATTENDANCE_SEAL)
  if (attendance && digest(await attendanceRecord(m, meetingId)) !== attendance.afterDigest)
    return {
      seq: attendance.seq,
      problem: `${label}的签到记录（deliberation_attendance）与结束表决时封存的不一致`,
      table: 'deliberation_attendance',
    }
  const choices = of(CHOICES_SEAL)
  if (choices && digest(await choicesRecord(m, meetingId)) !== choices.afterDigest)
    return {
      seq: choices.seq,
      problem: `${label}的选票（deliberation_secret_ballot）与结束表决时封存的不一致`,
      table: 'deliberation_secret_ballot',
    }
  const seal = of(SEAL_ACTION)
  if (!seal)
    return {
      seq: entries[0]!.seq,
      problem: `${label}缺少结束表决时的封存记录`,
      table: 'deliberation_meeting',
    }
  if (digest(await meetingSeal(m, meeting)) !== seal.afterDigest) {
    const voters = meeting.ballot === 'secret' ? 'deliberation_turnout' : 'deliberation_open_vote'
    // with check-ins sealed on their own and still whole, what changed is who voted (or how)
    const table = attendance ? voters : 'deliberation_meeting'
    const what = attendance ? `投票记录（${voters}）` : '签到或投票记录'
    return { seq: seal.seq, problem: `${label}的${what}与结束表决时封存的不一致`, table }
  }
  return null
}

/**
 * The audit verifier's check of meetings: re-derives every seal; a check-in, ballot or result added,
 * removed or changed after the close no longer matches what the chain recorded. A result with no
 * seal, or a meeting still open whose ballots outnumber its turnout, can only have been written
 * behind the application's back. A plain function so the command-line verifier runs it too.
 */
export const meetingSealsCheck: ContentCheck = async (m) => {
  const entries = await recordedEntries(m, [SEAL_ACTION, ATTENDANCE_SEAL, CHOICES_SEAL, RESULT_SEAL])
  const sealed = byTarget(entries)
  for (const [meetingId, list] of sealed) {
    const found = await sealProblem(m, Number(meetingId), list)
    if (found) return { ...found, recordId: meetingId }
  }
  const results = (await m.query('SELECT meetingId FROM deliberation_meeting_result ORDER BY meetingId')) as {
    meetingId: number | string
  }[]
  const unsealed = results.find((r) => !sealed.has(String(r.meetingId)))
  if (unsealed)
    return {
      seq: 0,
      problem: `会议 ${unsealed.meetingId} 的表决结果（deliberation_meeting_result）没有封存记录，可能是私自添加的`,
      table: 'deliberation_meeting_result',
      recordId: String(unsealed.meetingId),
    }
  const counts = async (table: string) =>
    new Map(
      (
        (await m.query(`SELECT meetingId, COUNT(*) AS n FROM ${table} GROUP BY meetingId`)) as {
          meetingId: number | string
          n: number | string
        }[]
      ).map((r) => [String(r.meetingId), Number(r.n)]),
    )
  const ballots = await counts('deliberation_secret_ballot')
  const turnout = await counts('deliberation_turnout')
  for (const id of new Set([...ballots.keys(), ...turnout.keys()])) {
    if (sealed.has(id)) continue
    const b = ballots.get(id) ?? 0
    const v = turnout.get(id) ?? 0
    if (b !== v)
      return {
        seq: 0,
        problem: `会议 ${id} 的选票有 ${b} 张，投了票的却有 ${v} 人，选票或投票记录被私自改动过`,
        table: b > v ? 'deliberation_secret_ballot' : 'deliberation_turnout',
        recordId: id,
      }
  }
  return null
}

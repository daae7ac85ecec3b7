import { Injectable } from '@nestjs/common'
import { randomUUID } from 'node:crypto'
import { DataSource, In, type EntityManager } from 'typeorm'
import type { Choice, Votes } from '@xiangli/shared'
import {
  DeliberationOpenVote,
  DeliberationSecretBallot,
  DeliberationTurnout,
  type BallotChoice,
} from './entities/ballots.entity'
import { DeliberationMeetingResult } from './entities/meeting-result.entity'
import type { DeliberationMeeting } from './entities/meeting.entity'

/** Every query of ballots, turnout and the results they were counted into. */
@Injectable()
export class BallotsRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * A secret ballot: two rows with nothing in common but the meeting; the turnout says who (with the
   * Idempotency-Key it was cast with), the ballot says what. Inserts only: a hot write.
   */
  async castSecret(
    m: EntityManager,
    meetingId: number,
    memberId: number,
    choice: Choice,
    requestKey: string | null,
  ): Promise<void> {
    await m.getRepository(DeliberationTurnout).insert({ meetingId, memberId, requestKey })
    await m.getRepository(DeliberationSecretBallot).insert({ id: randomUUID(), meetingId, choice })
  }

  /** An open vote: who and how, in one row. */
  async castOpen(
    m: EntityManager,
    meetingId: number,
    memberId: number,
    choice: Choice,
    requestKey: string | null,
  ): Promise<void> {
    await m.getRepository(DeliberationOpenVote).insert({ meetingId, memberId, choice, requestKey })
  }

  /** Whether this member has voted: the turnout (secret) or their open vote; never how. */
  async hasVoted(meeting: Pick<DeliberationMeeting, 'id' | 'ballot'>, memberId: number): Promise<boolean> {
    const repo =
      meeting.ballot === 'secret'
        ? this.ds.getRepository(DeliberationTurnout)
        : this.ds.getRepository(DeliberationOpenVote)
    return (await repo.countBy({ meetingId: meeting.id, memberId })) > 0
  }

  /** The ballots cast in the app, counted by choice. */
  async online(m: EntityManager, meeting: Pick<DeliberationMeeting, 'id' | 'ballot'>): Promise<Votes> {
    const table = meeting.ballot === 'secret' ? 'deliberation_secret_ballot' : 'deliberation_open_vote'
    const rows = (await m.query(
      `SELECT choice, COUNT(*) AS n FROM ${table} WHERE meetingId = ? GROUP BY choice`,
      [meeting.id],
    )) as { choice: BallotChoice; n: number | string }[]
    const online: Votes = { yes: 0, no: 0, abstain: 0 }
    for (const r of rows) online[r.choice] = Number(r.n)
    return online
  }

  /** The result, once: a second insert for the meeting is a unique violation. */
  async recordResult(m: EntityManager, row: DeliberationMeetingResult): Promise<void> {
    await m.getRepository(DeliberationMeetingResult).insert(row)
  }

  result(meetingId: number): Promise<DeliberationMeetingResult | null> {
    return this.ds.getRepository(DeliberationMeetingResult).findOneBy({ meetingId })
  }

  results(meetingIds: number[]): Promise<DeliberationMeetingResult[]> {
    if (meetingIds.length === 0) return Promise.resolve([])
    return this.ds.getRepository(DeliberationMeetingResult).findBy({ meetingId: In(meetingIds) })
  }
}

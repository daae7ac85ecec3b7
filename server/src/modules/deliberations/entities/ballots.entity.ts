import { Column, Entity, Index, PrimaryColumn } from 'typeorm'

export type BallotChoice = 'yes' | 'no' | 'abstain'

/**
 * 公开表决: who voted and how, one row per member (the primary key is the one-ballot rule).
 */
@Entity('deliberation_open_vote')
export class DeliberationOpenVote {
  @PrimaryColumn({ type: 'int' })
  meetingId: number

  @PrimaryColumn({ type: 'int' })
  memberId: number

  @Column({ type: 'varchar', length: 8 })
  choice: BallotChoice

  /** the keyed hash of the Idempotency-Key it was cast with: a retry finds its vote (see the turnout) */
  @Column({ type: 'varchar', length: 64, nullable: true })
  requestKey: string | null
}

/**
 * 无记名投票, part one: who voted (turnout), never what. The primary key is the one-ballot rule.
 * No timestamp and no autoincrement id, and on SQLite no hidden rowid either (WITHOUT ROWID): its
 * rows are kept in member order, so not even the order people voted in is stored.
 */
@Entity('deliberation_turnout', { withoutRowid: true })
export class DeliberationTurnout {
  @PrimaryColumn({ type: 'int' })
  meetingId: number

  @PrimaryColumn({ type: 'int' })
  memberId: number

  /**
   * The keyed hash of the Idempotency-Key the ballot came with (`requestKeyDigest`), or null. A retry
   * with the same key finds this row and gets its receipt; any other second ballot is refused. It is
   * the ballot's idempotency record, kept here and not by the generic interceptor, which would hash
   * the body (the choice). It says nothing of the choice: the key is random and is hashed with a
   * server secret, and the ballot row has no copy of it.
   */
  @Column({ type: 'varchar', length: 64, nullable: true })
  requestKey: string | null
}

/**
 * 无记名投票, part two: what was voted, never who. The key is a random UUID, there is no timestamp
 * and no autoincrement, and on SQLite the table is WITHOUT ROWID, so rows are stored (and come back)
 * in the order of the random key, not the order they were cast (InnoDB clusters by the primary key
 * too). The only column shared with the turnout is `meetingId`.
 */
@Entity('deliberation_secret_ballot', { withoutRowid: true })
@Index('ix_deliberation_secret_ballot_meeting', ['meetingId', 'choice'])
export class DeliberationSecretBallot {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string

  @Column({ type: 'int' })
  meetingId: number

  @Column({ type: 'varchar', length: 8 })
  choice: BallotChoice
}

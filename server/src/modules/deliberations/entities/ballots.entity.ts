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
}

/**
 * 无记名投票, part one: who voted (turnout), never what. The primary key is the one-ballot rule.
 * No timestamp and no autoincrement id, so nothing orders it against the ballots.
 */
@Entity('deliberation_turnout')
export class DeliberationTurnout {
  @PrimaryColumn({ type: 'int' })
  meetingId: number

  @PrimaryColumn({ type: 'int' })
  memberId: number
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

import { Column, Entity, Index, PrimaryColumn } from 'typeorm'

/**
 * Who answered a poll, never what: the primary key is the one-answer rule. As with the secret
 * ballot's turnout, no timestamp, no autoincrement and on SQLite no rowid, so not even the order
 * people answered in is kept.
 */
@Entity('poll_respondent', { withoutRowid: true })
export class PollRespondent {
  @PrimaryColumn({ type: 'int' })
  pollId: number

  @PrimaryColumn({ type: 'int' })
  residentId: number

  /**
   * The keyed hash of the Idempotency-Key the answer came with, or null: a retry with that key is
   * answered as done, any other second answer refused. Kept here, not by the generic interceptor,
   * whose record (a hash of the body per account) would tell how each person answered.
   */
  @Column({ type: 'varchar', length: 64, nullable: true })
  requestKey: string | null
}

/**
 * What was chosen, never by whom: one row per option picked, keyed by a random UUID with no
 * timestamp, so the rows of one answer cannot be told apart from those of another, nor joined to
 * the respondents (they share only `pollId`). Counted with GROUP BY.
 */
@Entity('poll_choice', { withoutRowid: true })
@Index('ix_poll_choice_poll', ['pollId', 'question', 'option'])
export class PollChoice {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string

  @Column({ type: 'int' })
  pollId: number

  @Column({ type: 'int' })
  question: number

  @Column({ type: 'int' })
  option: number
}

import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm'

/** Why a login ended: the person logged out, or a refresh token was used twice (it leaked). */
export type SessionEndReason = 'logout' | 'reuse'

/**
 * One login on one device: the family its refresh tokens rotate in, and the session its access
 * tokens name. Every authenticated request reads this row with the principal, so ending the session
 * stops its access tokens at once rather than when they expire.
 */
@Entity('auth_session')
export class AuthSession {
  /** a UUID; also the refresh tokens' familyId and the access tokens' `sid` */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string

  @Index('ix_auth_session_account')
  @Column({ type: 'int' })
  accountId: number

  @CreateDateColumn()
  createdAt: Date

  @Column({ type: 'datetime', nullable: true })
  endedAt: Date | null

  /** set together with endedAt; null while the session is live */
  @Column({ type: 'varchar', length: 16, nullable: true })
  endReason: SessionEndReason | null
}

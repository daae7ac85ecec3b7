import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

/**
 * Refresh tokens rotate on every use. Tokens of one login share a family; presenting a token that was
 * already rotated means it leaked, and the whole family is revoked.
 */
@Entity('refresh_token')
export class RefreshToken {
  @PrimaryGeneratedColumn()
  id: number

  @Index('ix_refresh_token_account')
  @Column({ type: 'int' })
  accountId: number

  /** sha256 of the token; the token itself is never stored */
  @Index('uq_refresh_token_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string

  @Index('ix_refresh_token_family')
  @Column({ type: 'varchar', length: 36 })
  familyId: string

  @Column({ type: 'datetime' })
  expiresAt: Date

  @Column({ type: 'datetime', nullable: true })
  rotatedAt: Date | null

  @Column({ type: 'datetime', nullable: true })
  revokedAt: Date | null

  @CreateDateColumn()
  createdAt: Date
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm'

/**
 * One link of the append-only, hash-chained audit log. `hash` covers every other column and the
 * previous entry's hash, so changing or deleting any row breaks the chain from there on.
 */
@Entity('audit_entry')
@Index('ix_audit_org_seq', ['orgId', 'seq'])
export class AuditEntry {
  @PrimaryColumn({ type: 'int' })
  seq: number

  @Column({ type: 'int', nullable: true })
  actorAccountId: number | null

  @Column({ type: 'varchar', length: 64, nullable: true })
  actorName: string | null

  @Column({ type: 'varchar', length: 32, nullable: true })
  actorRole: string | null

  @Column({ type: 'int', nullable: true })
  orgId: number | null

  @Column({ type: 'varchar', length: 64 })
  action: string

  @Column({ type: 'varchar', length: 48 })
  targetType: string

  @Column({ type: 'varchar', length: 64 })
  targetId: string

  /** sha256 of the canonical JSON of the target before and after the change */
  @Column({ type: 'varchar', length: 64, nullable: true })
  beforeDigest: string | null

  @Column({ type: 'varchar', length: 64, nullable: true })
  afterDigest: string | null

  /** ISO-8601 with milliseconds, stored as text so the hashed value reads back exactly */
  @Column({ type: 'varchar', length: 24 })
  at: string

  @Column({ type: 'varchar', length: 64 })
  prevHash: string

  @Column({ type: 'varchar', length: 64 })
  hash: string
}

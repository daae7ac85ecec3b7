import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

/**
 * One link of an append-only, hash-chained audit log. Each village (each organisation) keeps its own
 * chain, so villages never wait on one another's writes; entries about no organisation, and every
 * entry written before chains were split, form chain 0. `hash` covers the entry's place in its chain,
 * its content and the previous link's hash, so changing or deleting any row breaks its chain there.
 */
@Entity('audit_entry')
@Index('ix_audit_org_seq', ['orgId', 'seq'])
@Index('uq_audit_chain_link', ['chain', 'link'], { unique: true })
@Index('ix_audit_target', ['targetType', 'targetId'])
export class AuditEntry {
  /** the entry's number across all chains, in the order entries were written; not hashed */
  @PrimaryGeneratedColumn({ type: 'int' })
  seq: number

  /** the organisation whose chain this is (its id), or 0 */
  @Column({ type: 'int', default: 0 })
  chain: number

  /** the entry's place in its chain, from 1 */
  @Column({ type: 'int', default: 0 })
  link: number

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

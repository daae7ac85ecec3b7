import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

/** A submission seen with an Idempotency-Key; a retry of it gets the first answer, not a second write. */
@Entity('idempotency_record')
@Index('uq_idempotency_scope_key', ['scope', 'key'], { unique: true })
export class IdempotencyRecord {
  @PrimaryGeneratedColumn()
  id: number

  /** 'a:<accountId>' or 'anon' */
  @Column({ type: 'varchar', length: 24 })
  scope: string

  @Column({ type: 'varchar', length: 128 })
  key: string

  /** sha256 of method, path and body: the same key with another request is refused */
  @Column({ type: 'varchar', length: 64 })
  requestHash: string

  @Column({ type: 'varchar', length: 16 })
  state: 'pending' | 'done'

  @Column({ type: 'text', nullable: true })
  responseBody: string | null

  /** the process doing the work (host/pid/boot id): a retry takes a pending key over once it is gone */
  @Column({ type: 'varchar', length: 160, nullable: true })
  owner: string | null

  @CreateDateColumn()
  createdAt: Date
}

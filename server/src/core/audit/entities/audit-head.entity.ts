import { Column, Entity, PrimaryColumn } from 'typeorm'

/**
 * The row naming one chain's last link (`id` is the chain: an organisation's id, or 0). Appenders to
 * that chain lock it, so two server instances can never write the same link or fork the chain, while
 * appenders to other chains go on. The verified link is where the last whole check of the chain
 * ended, so the next check can start there.
 */
@Entity('audit_head')
export class AuditHead {
  @PrimaryColumn({ type: 'int' })
  id: number

  /** the chain's last link, 0 while it is empty */
  @Column({ type: 'int' })
  lastSeq: number

  @Column({ type: 'varchar', length: 64 })
  lastHash: string

  @Column({ type: 'int', default: 0 })
  verifiedLink: number

  @Column({ type: 'varchar', length: 64, default: '0'.repeat(64) })
  verifiedHash: string
}

import { Column, Entity, PrimaryColumn } from 'typeorm'

/**
 * The single row naming the chain's last link. Appenders lock it, so two server instances can never
 * write the same sequence number or fork the chain.
 */
@Entity('audit_head')
export class AuditHead {
  @PrimaryColumn({ type: 'int' })
  id: number

  @Column({ type: 'int' })
  lastSeq: number

  @Column({ type: 'varchar', length: 64 })
  lastHash: string
}

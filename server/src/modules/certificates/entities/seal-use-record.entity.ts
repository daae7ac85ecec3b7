import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

/** 用印登记: one line per issuance, as the paper register has it. Rows are only ever inserted. */
@Entity('seal_use_record')
@Index('ix_seal_use_village_at', ['villageId', 'at'])
export class SealUseRecord {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  villageId: number

  @Index('uq_seal_use_request', { unique: true })
  @Column({ type: 'int' })
  requestId: number

  @Column({ type: 'datetime' })
  at: Date

  @Column({ type: 'varchar', length: 40 })
  certificateNumber: string

  @Column({ type: 'varchar', length: 40 })
  itemCode: string

  @Column({ type: 'varchar', length: 30 })
  itemName: string

  @Column({ type: 'int' })
  copies: number

  @Column({ type: 'varchar', length: 64 })
  approverName: string

  /** 经办人: who printed and stamped it */
  @Column({ type: 'varchar', length: 64 })
  handlerName: string

  @Column({ type: 'varchar', length: 30 })
  applicantName: string

  @Column({ type: 'varchar', length: 16 })
  applicantPhoneMasked: string
}

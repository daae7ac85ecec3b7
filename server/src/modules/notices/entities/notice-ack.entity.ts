import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

/** 确认收到: one per household and notice, enforced by the unique index, not only by code. */
@Entity('notice_ack')
@Index('uq_notice_ack_household', ['noticeId', 'householdId'], { unique: true })
export class NoticeAck {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  noticeId: number

  @Column({ type: 'int' })
  householdId: number

  @Column({ type: 'int' })
  residentId: number

  @Column({ type: 'int' })
  accountId: number

  @Column({ type: 'varchar', length: 30 })
  residentName: string

  @Column({ type: 'datetime' })
  at: Date
}
